package dev.postinglint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.policy.PolicyResolver;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.policy.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 3's acceptance criteria, on the five seed postings (copied into examples/). */
class SeedAcceptanceTest {
    static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);
    static LintReport cloudflare;
    static LintReport generic;
    static Map<String, String> sources = new TreeMap<>();

    @BeforeAll
    static void lint() throws IOException {
        List<InputFile> files = new ArrayList<>();
        try (var s = Files.list(EXAMPLES)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                files.add(InputFile.of(p));
                sources.put(p.getFileName().toString().substring(0, 3), Files.readString(p));
            }
        }
        assertEquals(5, files.size());
        Linter linter = new Linter(AS_OF, 2, Linter.DEFAULT_MAX_FILE_BYTES);
        cloudflare = linter.lint(files, PolicyResolver.fixed(new PolicyLoader().load("builtin:cloudflare", null)));
        generic = linter.lint(files, PolicyResolver.fixed(new PolicyLoader().load("builtin:default", null)));
    }

    static FileResult seed(LintReport r, String prefix) {
        return r.files().stream().filter(f -> Path.of(f.path()).getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }

    static List<Finding> findings(LintReport r, String prefix, String ruleId) {
        return seed(r, prefix).findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    static String at(String prefix, Finding f) {
        return sources.get(prefix).substring(f.span().startOffset(), f.span().endOffset());
    }

    @Test
    void postingsWithoutALocationLineGetALocationError() {
        for (String s : List.of("000", "004")) {
            List<Finding> f = findings(cloudflare, s, "cloudflare-location-present");
            assertEquals(1, f.size(), s);
            assertEquals(Severity.ERROR, f.get(0).severity());
            assertEquals("location", f.get(0).category());
        }
        for (String s : List.of("001", "002", "003")) {
            assertEquals(List.of(), findings(cloudflare, s, "cloudflare-location-present"), s);
        }
    }

    @Test
    void theRetiredAboutUsAndItsClaimAreFlaggedWhereTheyStand() {
        for (String s : List.of("000", "004")) {
            Finding about = findings(cloudflare, s, "cloudflare-about-us").get(0);
            assertEquals("boilerplate", about.category());
            assertTrue(about.message().contains("retired version"), about.message());
            assertTrue(at(s, about).startsWith("At Cloudflare, we have our eyes set"), at(s, about));
            assertNotNull(about.fix(), "the retired block can be replaced with the approved one");
            Finding claim = findings(cloudflare, s, "cloudflare-retired-claims").get(0);
            assertEquals("outdated-fact", claim.category());
            assertEquals("approximately 25 million Internet properties", at(s, claim));
            assertEquals(4, claim.span().start().line());
        }
        for (String s : List.of("001", "002", "003")) {
            assertEquals(List.of(), findings(cloudflare, s, "cloudflare-about-us"), s);
            assertEquals(List.of(), findings(cloudflare, s, "cloudflare-retired-claims"), s);
        }
    }

    @Test
    void theOldConclusionIsDriftWithGalileoAthenianAndPathForward() {
        for (String s : List.of("000", "004")) {
            List<Finding> f = findings(cloudflare, s, "cloudflare-what-makes-special");
            assertEquals(1, f.size(), s);
            String m = f.get(0).message();
            assertTrue(m.contains("differs from the approved text"), m);
            assertTrue(m.contains("Since 2014, we've equipped more than 2,400"), m);
            assertTrue(at(s, f.get(0)).startsWith("What Makes Cloudflare Special?"), at(s, f.get(0)));
        }
        assertTrue(cloudflare.drift().stream().anyMatch(g -> g.ruleId().equals("cloudflare-what-makes-special")
                && g.variants().stream().anyMatch(v -> v.text().contains("Path Forward") && v.postings().size() == 2)));
        for (String s : List.of("001", "002", "003")) {
            assertEquals(List.of(), findings(cloudflare, s, "cloudflare-what-makes-special"), s);
        }
    }

    @Test
    void theMisspeltLabelIsAWarningWithAFix() {
        List<Finding> f = findings(cloudflare, "002", "cloudflare-location-label");
        assertEquals(1, f.size());
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertEquals("Available location(s):", at("002", f.get(0)));
        assertEquals("Available Locations:", f.get(0).fix().replacement());
        assertEquals(List.of(), findings(cloudflare, "001", "cloudflare-location-label"));
    }

    @Test
    void lisbonNeedsPayAndLondonDoesNot() {
        List<Finding> pay = seed(cloudflare, "003").findings().stream().filter(f -> f.category().equals("pay-transparency")).toList();
        assertEquals(1, pay.size(), pay.toString());
        assertEquals("Lisbon, Portugal", at("003", pay.get(0)));
        for (String s : List.of("001", "002", "000", "004")) {
            assertTrue(seed(cloudflare, s).findings().stream().noneMatch(f -> f.category().equals("pay-transparency")), s);
        }
    }

    @Test
    void hygieneOn003() {
        FileResult r = seed(cloudflare, "003");
        List<Finding> blank = r.findings().stream().filter(f -> f.ruleId().equals("blank-target-without-noopener")).toList();
        assertEquals(3, blank.size());
        blank.forEach(f -> assertTrue(at("003", f).contains("target=\"_blank\"")));
        Finding http = r.findings().stream().filter(f -> f.ruleId().equals("insecure-link")).findFirst().orElseThrow();
        assertTrue(at("003", http).contains("href=\"http://cloudflare.tv/\""));
        Finding pasted = r.findings().stream().filter(f -> f.ruleId().equals("pasted-class")).findFirst().orElseThrow();
        assertTrue(at("003", pasted).contains("class=\"oiM5sf\""));
    }

    @Test
    void noPostingGetsAnEeoOrAccommodationError() {
        for (LintReport r : List.of(cloudflare, generic)) {
            for (FileResult f : r.files()) {
                assertTrue(f.findings().stream().noneMatch(x -> x.severity() == Severity.ERROR
                        && (x.category().equals("eeo") || x.category().equals("accommodation"))), f.path() + ": " + f.findings());
            }
        }
    }

    @Test
    void theDefaultPackFindsTheTwoAboutUsGenerationsByItself() {
        List<String> minority = new ArrayList<>();
        for (FileResult f : generic.files()) {
            for (Finding x : f.findings()) {
                if (x.ruleId().equals("section-drift") && x.message().startsWith("About Us differs from the version used by 3 of 5 postings")) {
                    minority.add(Path.of(f.path()).getFileName().toString().substring(0, 3));
                    assertTrue(at(Path.of(f.path()).getFileName().toString().substring(0, 3), x).startsWith("At Cloudflare, we have our eyes set"));
                }
            }
        }
        assertEquals(List.of("000", "004"), minority);
    }

    @Test
    void everyFindingPointsAtItsExcerpt() {
        for (LintReport r : List.of(cloudflare, generic)) {
            for (FileResult f : r.files()) {
                String src = sources.get(Path.of(f.path()).getFileName().toString().substring(0, 3));
                for (Finding x : f.findings()) {
                    assertFalse(x.span().endOffset() > src.length());
                    String line = src.split("\n", -1)[x.span().start().line() - 1];
                    int lineStart = src.substring(0, x.span().startOffset()).lastIndexOf('\n') + 1;
                    assertEquals(x.span().startOffset() - lineStart + 1, x.span().start().column(), x.toString());
                    assertTrue(line.length() >= x.span().start().column() - 1, x.toString());
                }
            }
        }
    }
}

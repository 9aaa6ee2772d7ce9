package dev.postinglint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.BuiltinRules;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.RuleDescription;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.policy.PolicyResolver;

import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.report.JsonReporter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on the project's example postings (the five seed postings, copied into examples/). */
class LinterTest {
    static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private static List<InputFile> examples() throws IOException {
        List<InputFile> out = new ArrayList<>();
        try (var s = Files.list(EXAMPLES)) {
            s.filter(p -> p.toString().endsWith(".html")).forEach(p -> out.add(InputFile.of(p)));
        }
        assertEquals(5, out.size(), "the five seed postings are the examples");
        return out;
    }

    private Policy policy(String yaml) throws IOException {
        Files.writeString(dir.resolve("p.yaml"), yaml);
        return new PolicyLoader().load("p.yaml", dir);
    }

    @Test
    void findsWhatTheSeedsReallyContainAtTheRightPlace() throws IOException {
        Policy p = policy("""
                name: seeds
                rules:
                  - id: retired-figure
                    type: forbid
                    severity: error
                    category: outdated-fact
                    phrase: approximately 25 million Internet properties
                  - id: conclusion-eeo
                    type: require
                    severity: error
                    category: eeo
                    pattern: '(?i)equal\\s+(employment\\s+)?opportunity'
                    scope: .content-conclusion
                  - id: blank-target
                    type: selector
                    severity: info
                    category: html-hygiene
                    selector: 'a[target=_blank]:not([rel~=noopener])'
                """);
        LintReport r = new Linter(LocalDate.of(2026, 11, 21), 2, Linter.DEFAULT_MAX_FILE_BYTES).lint(examples(), PolicyResolver.fixed(p));
        assertEquals(5, r.summary().files());
        List<String> retired = new ArrayList<>();
        for (FileResult f : r.files()) {
            String source = Files.readString(EXAMPLES.resolve(Path.of(f.path()).getFileName()));
            for (Finding fd : f.findings()) {
                String at = source.substring(fd.span().startOffset(), fd.span().endOffset());
                if (fd.ruleId().equals("retired-figure")) {
                    retired.add(Path.of(f.path()).getFileName().toString().substring(0, 3));
                    assertEquals("approximately 25 million Internet properties", at);
                    // Line and column agree with the offset.
                    String before = source.substring(0, fd.span().startOffset());
                    assertEquals(before.split("\n", -1).length, fd.span().start().line());
                }
                if (fd.ruleId().equals("blank-target")) {
                    assertTrue(at.startsWith("<a ") && at.contains("target=\"_blank\""), at);
                }
                assertFalse(fd.ruleId().equals("conclusion-eeo"), "every seed has an EEO statement in its conclusion");
            }
        }
        assertEquals(List.of("000", "004"), retired);
        assertTrue(r.files().get(3).findings().stream().anyMatch(f -> f.ruleId().equals("blank-target")), "003 has target=_blank links");
    }

    @Test
    void outputIsTheSameWhateverTheThreadCount() throws IOException {
        Policy p = policy("name: t\nrules:\n  - id: w\n    type: forbid\n    severity: info\n    category: x\n    pattern: '(?i)\\binternet\\b'\n");
        String one = json(new Linter(LocalDate.of(2026, 1, 1), 1, 1 << 20).lint(examples(), PolicyResolver.fixed(p)));
        String four = json(new Linter(LocalDate.of(2026, 1, 1), 4, 1 << 20).lint(examples(), PolicyResolver.fixed(p)));
        assertEquals(one, four);
        assertTrue(one.contains("\"ruleId\" : \"w\""));
    }

    private static String json(LintReport r) throws IOException {
        StringWriter w = new StringWriter();
        new JsonReporter().write(r, w);
        return w.toString().replaceAll("\"durationMs\" : \\d+", "");
    }

    @Test
    void aBinaryFileIsOneErrorFindingAndTheRunGoesOn() throws IOException {
        Path bin = dir.resolve("bin.html");
        Files.write(bin, new byte[] {1, 2, 0, 3});
        Path ok = dir.resolve("ok.html");
        Files.writeString(ok, "<p>fine</p>");
        Policy p = policy("name: t\nrules:\n  - id: w\n    type: forbid\n    severity: info\n    category: x\n    phrase: fine\n");
        LintReport r = new Linter(LocalDate.of(2026, 1, 1)).lint(List.of(InputFile.of(ok), InputFile.of(bin)), PolicyResolver.fixed(p));
        assertEquals(2, r.files().size());
        FileResult b = r.files().stream().filter(f -> f.path().endsWith("bin.html")).findFirst().orElseThrow();
        assertEquals(1, b.findings().size());
        assertEquals(BuiltinRules.INPUT_ERROR, b.findings().get(0).ruleId());
        assertTrue(b.findings().get(0).message().contains("binary file"));
        assertFalse(r.hasIoErrors());
        assertEquals(1, r.summary().errors());
        assertEquals(1, r.summary().infos());
    }

    @Test
    void theReportCarriesTheCatalogueOfEnabledAndBuiltinRules() throws IOException {
        Path ok = dir.resolve("ok.html");
        Files.writeString(ok, "<p>fine</p>");
        Policy p = policy("""
                name: t
                rules:
                  - id: w
                    type: forbid
                    severity: info
                    category: x
                    description: Flags the word fine.
                    link: https://example.org/fine
                    message: "Avoid '{match}'"
                    phrase: fine
                  - id: off
                    type: forbid
                    severity: error
                    category: x
                    phrase: other
                overrides:
                  off: "off"
                """);
        LintReport r = new Linter(LocalDate.of(2026, 1, 1)).lint(List.of(InputFile.of(ok)), PolicyResolver.fixed(p));
        RuleDescription w = r.rule("w").orElseThrow();
        assertEquals("Flags the word fine.", w.description().strip());
        assertEquals("https://example.org/fine", w.link());
        assertEquals("Avoid '{match}'", w.message());
        assertEquals(Severity.INFO, w.severity());
        assertTrue(r.rule("off").isEmpty(), "a rule the policy switched off is not in the catalogue");
        assertTrue(r.rule(BuiltinRules.INPUT_ERROR).isPresent(), "built-in rules are");
    }

    @Test
    void malformedHtmlStillGetsPositions() throws IOException {
        Path f = dir.resolve("bad.html");
        String html = "<div><p>unclosed <b>bold <i>rockstar\n<table><td>cell rockstar</div></span></p>";
        Files.writeString(f, html);
        Policy p = policy("name: t\nrules:\n  - id: w\n    type: forbid\n    severity: error\n    category: x\n    phrase: rockstar\n");
        FileResult r = new Linter(LocalDate.of(2026, 1, 1)).lintFile(InputFile.of(f), p);
        assertEquals(2, r.findings().size());
        assertEquals("1:" + (html.indexOf("rockstar") + 1), r.findings().get(0).span().start().toString());
        assertEquals("2:" + (html.lastIndexOf("rockstar") - html.indexOf('\n')), r.findings().get(1).span().start().toString());
    }

    @Test
    void nearestConfigWinsThenTheDefault() throws IOException {
        Path a = Files.createDirectories(dir.resolve("team-a/jobs"));
        Files.writeString(dir.resolve("team-a/.posting-lint.yaml"), "name: team-a\nrules:\n  - id: a\n    type: forbid\n    severity: error\n    category: x\n    phrase: x\n");
        Files.writeString(a.resolve("j.html"), "<p>x</p>");
        PolicyResolver r = PolicyResolver.discovering(new PolicyLoader());
        assertEquals("team-a", r.policyFor(a.resolve("j.html")).name());
        assertTrue(r.policyFor(a.resolve("j.html")) == r.policyFor(a.resolve("k.html")), "loaded once");
    }
}

package dev.postinglint.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.BuiltinRules;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.Summary;
import dev.postinglint.core.policy.PolicyResolver;

import dev.postinglint.core.yaml.PolicyException;
import dev.postinglint.core.policy.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy waivers: loaded strictly, applied by glob or posting id, counted apart, and undone when expired. */
class WaiversTest {
    @TempDir
    Path dir;

    static final String RULES = """
            name: team
            rules:
              - id: no-rockstar
                type: forbid
                severity: error
                category: inclusive-language
                pattern: '(?i)\\brockstar\\b'
              - id: no-ninja
                type: forbid
                severity: warning
                category: inclusive-language
                pattern: '(?i)\\bninja\\b'
            """;

    private LintReport lint(String waivers, LocalDate asOf) throws IOException {
        Files.writeString(dir.resolve("policy.yaml"), RULES + waivers);
        Path legacy = Files.createDirectories(dir.resolve("postings/legacy"));
        Files.writeString(legacy.resolve("old-1.html"), "<p>A rockstar ninja.</p>");
        Files.writeString(dir.resolve("postings/new-1.html"), "<p>A rockstar ninja.</p>");
        var policy = new PolicyLoader().load("policy.yaml", dir);
        return new Linter(asOf, 1, Linter.DEFAULT_MAX_FILE_BYTES).lint(
                List.of(InputFile.of(legacy.resolve("old-1.html")), InputFile.of(dir.resolve("postings/new-1.html"))),
                PolicyResolver.fixed(policy));
    }

    private static FileResult file(LintReport r, String suffix) {
        return r.files().stream().filter(f -> f.path().endsWith(suffix)).findFirst().orElseThrow();
    }

    static final String LEGACY_WAIVER = """
            waivers:
              - files: "postings/legacy/*.html"
                rule: no-rockstar
                reason: "Legacy posting, republished unchanged until the Q3 rewrite (COMP-12)"
                approved-by: Jane Doe (Compliance)
                expires: 2026-06-30
            """;

    @Test
    void aWaiverInForceMarksItsFindingsAndTheyCountAgainstNothing() throws IOException {
        LintReport r = lint(LEGACY_WAIVER, LocalDate.of(2026, 6, 30)); // the last day it holds
        FileResult legacy = file(r, "old-1.html");
        Finding rock = legacy.findings().stream().filter(f -> f.ruleId().equals("no-rockstar")).findFirst().orElseThrow();
        assertEquals("Jane Doe (Compliance)", rock.waiver().approvedBy());
        assertEquals(LocalDate.of(2026, 6, 30), rock.waiver().expires());
        assertTrue(rock.waiver().place().toString().endsWith("policy.yaml:14:5"), rock.waiver().place().toString());
        assertNull(legacy.findings().stream().filter(f -> f.ruleId().equals("no-ninja")).findFirst().orElseThrow().waiver());
        assertEquals(0, legacy.count(Severity.ERROR));
        // The glob is relative to the policy's directory: the new posting is not covered.
        assertNull(file(r, "new-1.html").findings().get(0).waiver());
        assertEquals(new Summary(2, 1, 2, 0, 1, 0, 0), r.summary());
    }

    @Test
    void anExpiredWaiverTurnsItsFindingsBackOnAndSaysSo() throws IOException {
        LintReport r = lint(LEGACY_WAIVER, LocalDate.of(2026, 7, 1));
        FileResult legacy = file(r, "old-1.html");
        assertTrue(legacy.findings().stream().noneMatch(Finding::waived));
        List<Finding> expired = legacy.findings().stream().filter(f -> f.ruleId().equals(BuiltinRules.EXPIRED_WAIVER)).toList();
        assertEquals(1, expired.size());
        Finding w = expired.get(0);
        assertEquals(Severity.WARNING, w.severity());
        assertTrue(w.message().contains("approved by Jane Doe (Compliance)"), w.message());
        assertTrue(w.message().contains("expired on 2026-06-30"), w.message());
        assertTrue(w.message().contains("policy.yaml:14:5"), w.message());
        assertEquals(new Summary(2, 2, 3, 0, 0, 0, 0), r.summary());
    }

    @Test
    void aWaiverCanNameAPostingByIdAndSeveralRules() throws IOException {
        LintReport r = lint("""
                waivers:
                  - posting: new-1
                    rule: [no-rockstar, no-ninja]
                    reason: Client-approved wording
                    approved-by: legal@example.com
                    expires: 2027-01-01
                """, LocalDate.of(2026, 1, 1));
        assertTrue(file(r, "new-1.html").findings().stream().allMatch(Finding::waived));
        assertTrue(file(r, "old-1.html").findings().stream().noneMatch(Finding::waived));
        assertEquals(2, r.summary().waived());
    }

    private PolicyException loadError(String waivers) throws IOException {
        Files.writeString(dir.resolve("policy.yaml"), RULES + waivers);
        return assertThrows(PolicyException.class, () -> new PolicyLoader().load("policy.yaml", dir));
    }

    @Test
    void waiversAreLoadedStrictlyWithFileLineAndColumn() throws IOException {
        String base = "waivers:\n  - files: \"*.html\"\n    rule: no-rockstar\n    reason: r\n    approved-by: a\n    expires: 2026-01-01\n";
        assertEquals("policy.yaml:19:5: unknown key 'ticket' in a waiver (allowed: files, posting, rule, reason, approved-by, expires)",
                loadError(base + "    ticket: COMP-1\n").getMessage().replace(dir.toString() + "/", ""));
        PolicyException noApprover = loadError(base.replace("    approved-by: a\n", ""));
        assertTrue(noApprover.getMessage().endsWith("a waiver needs 'approved-by'"), noApprover.getMessage());
        PolicyException badDate = loadError(base.replace("2026-01-01", "31/12/2026"));
        assertEquals(18, badDate.line());
        assertTrue(badDate.getMessage().contains("'expires' must be a date written YYYY-MM-DD"), badDate.getMessage());
        PolicyException unknownRule = loadError(base.replace("rule: no-rockstar", "rule: no-rokstar"));
        assertEquals(15, unknownRule.line());
        assertTrue(unknownRule.getMessage().endsWith("waiver names rule 'no-rokstar', which no policy defines; did you mean 'no-rockstar'?"), unknownRule.getMessage());
        PolicyException both = loadError(base.replace("    rule:", "    posting: x\n    rule:"));
        assertTrue(both.getMessage().contains("exactly one of 'files' (a glob) or 'posting'"), both.getMessage());
        PolicyException blankReason = loadError(base.replace("reason: r", "reason: \"  \""));
        assertTrue(blankReason.getMessage().endsWith("'reason' must not be empty"), blankReason.getMessage());
    }
}

package dev.postinglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adopting the lint on an existing repository, with the real jar: a baseline ratchet, suppression comments and
 * policy waivers, as each report format shows them.
 */
class AdoptionIT {
    @TempDir
    Path tmp;

    static final String POLICY = """
            name: team
            rules:
              - id: no-rockstar
                type: forbid
                severity: error
                category: inclusive-language
                message: "Avoid '{match}'"
                pattern: '(?i)\\brockstar\\b'
              - id: no-ninja
                type: forbid
                severity: warning
                category: inclusive-language
                pattern: '(?i)\\bninja\\b'
            """;

    static final String WAIVER = """
            waivers:
              - files: "postings/legacy-*.html"
                rule: no-rockstar
                reason: Republished unchanged until the Q3 rewrite (COMP-12)
                approved-by: Jane Doe (Compliance)
                expires: 2026-06-30
            """;

    @BeforeEach
    void postings() throws IOException {
        Files.createDirectories(tmp.resolve("postings"));
        Files.writeString(tmp.resolve("postings/a.html"), "<h1>A</h1>\n<p>We want a rockstar.</p>\n<p>And a ninja.</p>\n");
        Files.writeString(tmp.resolve("postings/b.html"), "<h1>B</h1>\n<p>A rockstar ninja, a rockstar.</p>\n");
        Files.writeString(tmp.resolve("team.yaml"), POLICY);
    }

    @Test
    void theBaselineRatchet() throws IOException {
        Cli.Result write = Cli.run(tmp, "check", "--policy", "team.yaml", "--write-baseline", "posting-lint-baseline.json", "postings");
        assertEquals(0, write.exit(), write.toString());
        assertTrue(write.err().contains("wrote baseline posting-lint-baseline.json: 5 entries"), write.err());
        String baseline = Files.readString(tmp.resolve("posting-lint-baseline.json"));
        assertTrue(baseline.contains("\"path\": \"postings/a.html\""), baseline);

        Cli.Result clean = Cli.run(tmp, "check", "--policy", "team.yaml", "--baseline", "posting-lint-baseline.json", "postings");
        assertEquals(0, clean.exit(), clean.toString());
        assertTrue(clean.err().contains("baseline posting-lint-baseline.json: 5 known findings not reported"), clean.err());
        assertTrue(clean.out().contains("2 files checked: 0 errors, 0 warnings, 0 infos, 5 in the baseline"), clean.out());

        // Reflowed and with a paragraph added above: nothing comes back.
        Files.writeString(tmp.resolve("postings/a.html"), "<h1>A</h1>\n<p>New intro.</p>\n<p>We   want a\n  rockstar.</p>\n<p>And a ninja.</p>\n");
        assertEquals(0, Cli.run(tmp, "check", "--policy", "team.yaml", "--baseline", "posting-lint-baseline.json", "postings").exit());

        // A new occurrence fails, and only it is reported; a fixed one is counted as fixed.
        Files.writeString(tmp.resolve("postings/b.html"), "<h1>B</h1>\n<p>A rockstar ninja, a person.</p>\n<p>Rockstar wanted.</p>\n");
        Cli.Result changed = Cli.run(tmp, "check", "--policy", "team.yaml", "--baseline", "posting-lint-baseline.json", "--format", "json", "postings");
        assertEquals(1, changed.exit(), changed.toString());
        JsonNode json = new ObjectMapper().readTree(changed.out());
        assertEquals(1, json.at("/summary/errors").asInt());
        assertEquals(4, json.at("/summary/baselined").asInt()); // b's second 'rockstar' is gone, 'Rockstar' is new text
        assertEquals("Rockstar", json.at("/files/1/findings/0/excerpt").asText());
        assertTrue(changed.err().contains("4 known findings not reported; 1 entry fixed since"), changed.err());

        Files.writeString(tmp.resolve("postings/b.html"), "<h1>B</h1>\n<p>A rockstar ninja, a person.</p>\n");
        Cli.Result fixed = Cli.run(tmp, "check", "--policy", "team.yaml", "--baseline", "posting-lint-baseline.json", "postings");
        assertEquals(0, fixed.exit(), fixed.toString());
        assertTrue(fixed.err().contains("4 known findings not reported; 1 entry fixed since (run --write-baseline posting-lint-baseline.json to drop it)"),
                fixed.err());
        Cli.Result prune = Cli.run(tmp, "check", "--policy", "team.yaml", "--write-baseline", "posting-lint-baseline.json", "postings");
        assertTrue(prune.err().contains("wrote baseline posting-lint-baseline.json: 4 entries (1 fixed and dropped, 0 new)"), prune.err());

        Files.writeString(tmp.resolve("broken.json"), "{\"entries\": []}");
        Cli.Result broken = Cli.run(tmp, "check", "--policy", "team.yaml", "--baseline", "broken.json", "postings");
        assertEquals(2, broken.exit());
        assertTrue(broken.err().contains("broken.json: not a posting-lint baseline"), broken.err());
    }

    @Test
    void suppressionCommentsNeedReasonsAndStaleOnesAreReported() throws IOException {
        Files.writeString(tmp.resolve("postings/a.html"), """
                <h1>A</h1>
                <!-- posting-lint-disable-next no-rockstar -- quoting the 2019 ad in the history section -->
                <p>We want a rockstar.</p>
                <!-- posting-lint-disable-next no-ninja -->
                <p>And a ninja.</p>
                <!-- posting-lint-disable-next no-rockstar -- stale -->
                <p>Nothing here.</p>
                """);
        Cli.Result r = Cli.run(tmp, "check", "--policy", "team.yaml", "--color", "never", "--format", "json", "postings/a.html");
        assertEquals(1, r.exit(), r.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode findings = json.at("/files/0/findings");
        assertEquals(2, findings.size(), findings.toString());
        assertEquals("suppression-without-reason", findings.get(0).get("ruleId").asText());
        assertEquals(4, findings.get(0).get("line").asInt());
        assertEquals("unused-suppression", findings.get(1).get("ruleId").asText());
        assertEquals(6, findings.get(1).get("line").asInt());
        assertEquals(2, json.at("/summary/suppressed").asInt());
    }

    @Test
    void waiversAreListedInEveryFormatAndExpire() throws IOException {
        Files.writeString(tmp.resolve("team.yaml"), POLICY + WAIVER);
        Files.move(tmp.resolve("postings/a.html"), tmp.resolve("postings/legacy-a.html"));
        Files.delete(tmp.resolve("postings/b.html"));

        Cli.Result text = Cli.run(tmp, "check", "--policy", "team.yaml", "--as-of", "2026-06-30", "--color", "never", "postings");
        assertEquals(0, text.exit(), "a waived error does not fail the run\n" + text);
        assertTrue(text.out().contains("error [no-rockstar] Avoid 'rockstar' [waived until 2026-06-30, approved by Jane Doe (Compliance): "
                + "Republished unchanged until the Q3 rewrite (COMP-12)]"), text.out());
        assertTrue(text.out().contains("1 file checked: 0 errors, 1 warning, 0 infos, 1 waived"), text.out());

        JsonNode json = new ObjectMapper().readTree(Cli.run(tmp, "check", "--policy", "team.yaml", "--as-of", "2026-06-30",
                "--format", "json", "postings").out());
        JsonNode waiver = json.at("/files/0/findings/0/waiver");
        assertEquals("Jane Doe (Compliance)", waiver.get("approvedBy").asText());
        assertEquals("2026-06-30", waiver.get("expires").asText());
        assertEquals("team.yaml:15:5", waiver.get("source").asText());
        assertTrue(json.at("/files/0/findings/1/waiver").isNull());
        assertEquals(1, json.at("/summary/waived").asInt());

        JsonNode sarif = new ObjectMapper().readTree(Cli.run(tmp, "check", "--policy", "team.yaml", "--as-of", "2026-06-30",
                "--format", "sarif", "postings").out());
        JsonNode suppression = sarif.at("/runs/0/results/0/suppressions/0");
        assertEquals("external", suppression.get("kind").asText());
        assertEquals("accepted", suppression.get("status").asText());
        assertEquals("Republished unchanged until the Q3 rewrite (COMP-12)", suppression.get("justification").asText());
        assertFalse(sarif.at("/runs/0/results/1").has("suppressions"));

        String checkstyle = Cli.run(tmp, "check", "--policy", "team.yaml", "--as-of", "2026-06-30", "--format", "checkstyle", "postings").out();
        assertTrue(checkstyle.contains("severity=\"info\" message=\"[waived until 2026-06-30, approved by Jane Doe (Compliance)"), checkstyle);
        String github = Cli.run(tmp, "check", "--policy", "team.yaml", "--as-of", "2026-06-30", "--format", "github", "postings").out();
        assertTrue(github.contains("::notice file=postings/legacy-a.html,line=2,"), github);
        Cli.run(tmp, "check", "--policy", "team.yaml", "--as-of", "2026-06-30", "--format", "html=report.html", "postings");
        String html = Files.readString(tmp.resolve("report.html"));
        assertTrue(html.contains("\"approvedBy\":\"Jane Doe (Compliance)\",\"expires\":\"2026-06-30\""), "the report's data");

        Cli.Result expired = Cli.run(tmp, "check", "--policy", "team.yaml", "--as-of", "2026-07-01", "--color", "never", "postings");
        assertEquals(1, expired.exit(), expired.toString());
        assertTrue(expired.out().contains("warning [expired-waiver] The waiver of 'no-rockstar' for files postings/legacy-*.html "
                + "(approved by Jane Doe (Compliance): Republished unchanged until the Q3 rewrite (COMP-12); team.yaml:15:5) expired on 2026-06-30"),
                expired.out());
        assertTrue(expired.out().contains("1 file checked: 1 error, 2 warnings, 0 infos"), expired.out());
    }
}

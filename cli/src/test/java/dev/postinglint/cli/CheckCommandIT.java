package dev.postinglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar as a process on the example postings: findings, exit codes 0/1/2, error messages. */
class CheckCommandIT {
    @TempDir
    Path tmp;

    static final String ROCKSTAR_POLICY = """
            name: team
            extends: [builtin:eeo, builtin:accommodation]
            rules:
              - id: no-rockstar
                type: forbid
                severity: error
                category: inclusive-language
                message: "Avoid '{match}': it puts off applicants"
                pattern: '(?i)\\brock ?stars?\\b'
                examples:
                  flag: ["We need a rockstar engineer."]
                  pass: ["We need a skilled engineer."]
              - id: internet-word
                type: forbid
                severity: warning
                category: style
                phrase: Internet properties
            """;

    /** An independent count: how often the phrase occurs in the raw example files. */
    private static int rawOccurrences(String phrase) throws IOException {
        int n = 0;
        try (var s = Files.list(Cli.EXAMPLES)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".html")).toList()) {
                var m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(phrase), java.util.regex.Pattern.CASE_INSENSITIVE)
                        .matcher(Files.readString(p));
                while (m.find()) {
                    n++;
                }
            }
        }
        return n;
    }

    private Path copyExamples() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("postings"));
        try (var s = Files.list(Cli.EXAMPLES)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".html")).toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void theExamplesAreCheckedWithTheirCloudflarePack() {
        // examples/.posting-lint.yaml extends builtin:cloudflare: 000 and 004 lack the location line.
        Cli.Result r = Cli.run(Cli.EXAMPLES.getParent(), "check", "examples/");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("5 files checked: 2 errors"), r.toString());
        assertTrue(r.out().contains("examples/000_50a907982d230e5a.html:1:1: error [cloudflare-location-present]"), r.out());
    }

    @Test
    void theDefaultPackPassesTheExamplesWithWarningsOnly() {
        Cli.Result r = Cli.run(Cli.EXAMPLES.getParent(), "check", "--policy", "builtin:default", "examples/");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("5 files checked: 0 errors"), r.toString());
    }

    @Test
    void violationsExitOneAndShowPathLineColumnAndCaret() throws IOException {
        Path dir = copyExamples();
        String html = "<p>We need a <b>rock</b>star!</p>\n<p>Equal opportunity employer; ask for reasonable accommodation at hr@example.com.</p>";
        Files.writeString(dir.resolve("new.html"), html);
        Files.writeString(tmp.resolve("policy.yaml"), ROCKSTAR_POLICY);
        Cli.Result r = Cli.run(tmp, "check", "--policy", "policy.yaml", "--color", "never", "postings");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("postings/new.html:1:" + (html.indexOf("rock") + 1) + ": error [no-rockstar] Avoid 'rockstar': it puts off applicants"), r.out());
        assertTrue(r.out().contains("     1 | <p>We need a <b>rock</b>star!</p>"), r.out());
        assertTrue(r.out().contains("       | " + " ".repeat(html.indexOf("rock")) + "^".repeat("rock</b>star".length()) + "\n"), r.out());
        int warnings = rawOccurrences("Internet properties");
        assertTrue(warnings > 5, "the seeds say 'Internet properties' often");
        assertTrue(r.out().contains("6 files checked: 1 error, " + warnings + " warnings, 0 infos"), r.out());
    }

    @Test
    void failOnDecidesTheExitCode() throws IOException {
        Path dir = copyExamples();
        Files.writeString(tmp.resolve("policy.yaml"), ROCKSTAR_POLICY);
        assertEquals(0, Cli.run(tmp, "check", "--policy", "policy.yaml", "postings").exit(), "warnings only");
        assertEquals(1, Cli.run(tmp, "check", "--policy", "policy.yaml", "--fail-on", "warning", "postings").exit());
        assertEquals(1, Cli.run(tmp, "check", "--policy", "policy.yaml", "--fail-on", "info", "postings").exit());
        Files.writeString(dir.resolve("bad.html"), "<p>rockstar</p>");
        assertEquals(0, Cli.run(tmp, "check", "--policy", "policy.yaml", "--fail-on", "never", "postings").exit());
        assertEquals(2, Cli.run(tmp, "check", "--fail-on", "sometimes", "postings").exit());
    }

    @Test
    void jsonOutputMatchesTheSourceFiles() throws IOException {
        copyExamples();
        Files.writeString(tmp.resolve("policy.yaml"), ROCKSTAR_POLICY);
        Cli.Result r = Cli.run(tmp, "check", "--policy", "policy.yaml", "--format", "json", "postings");
        assertEquals(0, r.exit(), r.toString());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(5, root.at("/summary/files").asInt());
        int expected = rawOccurrences("Internet properties");
        assertEquals(expected, root.at("/summary/warnings").asInt());
        int checked = 0;
        for (JsonNode file : root.get("files")) {
            List<String> lines = Files.readAllLines(tmp.resolve(file.get("path").asText()));
            for (JsonNode f : file.get("findings")) {
                String line = lines.get(f.get("line").asInt() - 1);
                String at = line.substring(f.get("column").asInt() - 1, f.get("endColumn").asInt() - 1);
                assertTrue(at.equalsIgnoreCase("Internet properties"), at);
                assertEquals(f.get("excerpt").asText(), at);
                checked++;
            }
        }
        assertEquals(expected, checked);
    }

    @Test
    void aBrokenPolicyExitsTwoWithFileLineColumnAndNoStackTrace() throws IOException {
        copyExamples();
        Files.writeString(tmp.resolve("broken.yaml"), "name: broken\nrules:\n  - id: x\n    type: forbid\n    severity: error\n    category: eeo\n    pattern: '(?<=a)b'\n");
        Cli.Result r = Cli.run(tmp, "check", "--policy", "broken.yaml", "postings");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("broken.yaml:7:14: 'pattern' uses lookahead or lookbehind"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals("", r.out());
        Files.writeString(tmp.resolve("typo.yaml"), "name: t\nrulez: []\n");
        Cli.Result typo = Cli.run(tmp, "check", "--policy", "typo.yaml", "postings");
        assertEquals(2, typo.exit());
        assertTrue(typo.err().startsWith("typo.yaml:2:1: unknown key 'rulez'"), typo.err());
    }

    @Test
    void badFilesAreReportedAndTheRunGoesOn() throws IOException {
        Path dir = copyExamples();
        Files.write(dir.resolve("binary.html"), new byte[] {'<', 'p', '>', 0, 0, 1});
        Files.write(dir.resolve("latin1.html"), "<p>caf\u00e9</p>".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Cli.Result r = Cli.run(tmp, "check", "--format", "json", "postings");
        assertEquals(1, r.exit(), r.toString());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(7, root.at("/summary/files").asInt());
        assertEquals(2, root.at("/summary/errors").asInt());
        assertTrue(r.out().contains("binary file (NUL byte at offset 3)"));
        assertTrue(r.out().contains("not valid UTF-8"));
    }

    @Test
    void usageAndPathErrorsExitTwo() {
        Cli.Result missing = Cli.run(tmp, "check", "nope/");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nope: no such file or directory"), missing.err());
        Cli.Result date = Cli.run(tmp, "check", "--as-of", "21/11/2026", Cli.EXAMPLES.toString());
        assertEquals(2, date.exit());
        assertTrue(date.err().contains("YYYY-MM-DD"));
        Cli.Result opt = Cli.run(tmp, "check", "--frobnicate");
        assertEquals(2, opt.exit());
        assertTrue(opt.err().contains("Unknown option: '--frobnicate'"));
        Cli.Result empty = Cli.run(tmp, "check", ".");
        assertEquals(2, empty.exit());
        assertTrue(empty.err().contains("no posting files found"));
    }

    @Test
    void nearestConfigIsFoundFromEachFile() throws IOException {
        Path dir = copyExamples();
        Files.writeString(dir.resolve(".posting-lint.yaml"), "name: local\nrules:\n  - id: cf\n    type: forbid\n    severity: error\n    category: x\n    phrase: Cloudflare\n");
        Cli.Result r = Cli.run(tmp, "check", "--format", "json", "postings/001_f3e5182a31427572.html");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("\"policy\" : \"local\""), r.out());
    }

    @Test
    void outputFileAndSeveralFormats() throws IOException {
        copyExamples();
        Cli.Result r = Cli.run(tmp, "check", "--format", "json=out/r.json", "--format", "text", "postings");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("5 files checked"));
        assertEquals(5, new ObjectMapper().readTree(tmp.resolve("out/r.json").toFile()).at("/summary/files").asInt());
        Cli.Result o = Cli.run(tmp, "check", "--format", "json", "--output", "x.json", "postings");
        assertEquals("", o.out());
        assertTrue(Files.readString(tmp.resolve("x.json")).contains("\"files\""));
    }

    @Test
    void rulesExplainTestPolicyAndVersion() throws IOException {
        Files.writeString(tmp.resolve("policy.yaml"), ROCKSTAR_POLICY);
        Cli.Result rules = Cli.run(tmp, "rules", "--policy", "policy.yaml");
        assertEquals(0, rules.exit());
        assertTrue(rules.out().matches("(?s).*no-rockstar\\s+forbid\\s+error\\s+inclusive-language\\s+policy.yaml.*"), rules.out());
        assertTrue(rules.out().matches("(?s).*eeo-statement-present\\s+require\\s+error\\s+eeo\\s+builtin:eeo.*"), rules.out());
        Cli.Result explain = Cli.run(tmp, "explain", "eeo-statement-present");
        assertEquals(0, explain.exit());
        assertTrue(explain.out().contains("Source:  https://"), explain.out());
        assertTrue(explain.out().contains("Flagged:"));
        assertEquals(2, Cli.run(tmp, "explain", "no-such-rule").exit());
        // A jurisdiction entry's except: and remote: false say where the rule does not apply.
        Cli.Result except = Cli.run(tmp, "explain", "criminal-history-exclusion-us");
        assertTrue(except.out().contains("US         the United States, except where US-CA or US-NY-NYC or US-CO applies"), except.out());
        Cli.Result placed = Cli.run(tmp, "explain", "fair-chance-statement-sf");
        assertTrue(placed.out().contains("US-CA-SF   San Francisco, from 2014-08-13, only for jobs placed there (not remote ones)"), placed.out());
        assertTrue(rules.out().matches("(?s).*expired-waiver\\s+built-in\\s+warning\\s+waiver\\s+posting-lint.*"), rules.out());
        Cli.Result builtin = Cli.run(tmp, "explain", "expired-waiver");
        assertEquals(0, builtin.exit(), builtin.toString());
        assertTrue(builtin.out().startsWith("expired-waiver (built-in, warning, category waiver)"), builtin.out());
        assertTrue(builtin.out().contains("'expires' day has passed"), builtin.out());
        Cli.Result test = Cli.run(tmp, "test-policy", "policy.yaml");
        assertEquals(0, test.exit(), test.toString());
        assertTrue(test.out().contains("2 passed, 0 failed"), test.out());
        Files.writeString(tmp.resolve("wrong.yaml"), ROCKSTAR_POLICY.replace("pass: [\"We need a skilled engineer.\"]", "pass: [\"Rock stars welcome.\"]"));
        Cli.Result fail = Cli.run(tmp, "test-policy", "wrong.yaml");
        assertEquals(1, fail.exit(), fail.toString());
        assertTrue(fail.out().contains("FAIL  no-rockstar pass: Rock stars welcome."), fail.out());
        assertTrue(fail.out().contains("1 passed, 1 failed"));
        Cli.Result v = Cli.run(tmp, "--version");
        assertTrue(v.out().startsWith("posting-lint "), v.out());
        assertFalse(v.out().contains("dev") || v.out().contains("unknown"), v.out());
    }

    @Test
    void runsAreDeterministic() throws IOException {
        copyExamples();
        Files.writeString(tmp.resolve("policy.yaml"), ROCKSTAR_POLICY);
        String a = Cli.run(tmp, "check", "--policy", "policy.yaml", "--format", "json", "--threads", "1", "postings").out();
        String b = Cli.run(tmp, "check", "--policy", "policy.yaml", "--format", "json", "--threads", "4", "postings").out();
        assertEquals(a.replaceAll("\"durationMs\" : \\d+", ""), b.replaceAll("\"durationMs\" : \\d+", ""));
    }

    @Test
    void theLauncherWorksFromAnyDirectory() {
        Path launcher = Cli.EXAMPLES.getParent().resolve("posting-lint");
        Cli.Result r = Cli.exec(tmp, List.of(launcher.toString(), "check", Cli.EXAMPLES.toString()));
        assertEquals(1, r.exit(), r.toString());
        assertFalse(r.err().contains("building"), "the jar built by this build is current: " + r.err());
        assertTrue(r.out().contains("5 files checked"), r.out());
    }
}

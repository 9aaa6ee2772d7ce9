package dev.postinglint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code posting-lint fix}, the real jar as a process: fixes, dry-run diffs, --rule, exit codes, read-only files. */
class FixCommandIT {
    @TempDir
    Path tmp;

    /** Only rules with fixes and no error left after fixing: exit 0 is reachable. */
    static final String FIXABLE_POLICY = """
            name: fixable
            extends: [builtin:html-hygiene]
            rules:
              - id: fast-paced
                type: substitute
                severity: warning
                category: inclusive-language
                swap:
                  fast-paced: dynamic
            """;

    private Path copyExamples() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("postings"));
        try (var s = Files.list(Cli.EXAMPLES)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".html")).toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
                dir.resolve(p.getFileName()).toFile().setWritable(true); // a checkout may hold them read-only
            }
        }
        Files.writeString(tmp.resolve("fixable.yaml"), FIXABLE_POLICY);
        return dir;
    }

    private static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                out.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static void assertSame(Map<String, byte[]> a, Map<String, byte[]> b) {
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertArrayEquals(v, b.get(k), k));
    }

    @Test
    void fixesInPlaceThenASecondRunChangesNothing() throws IOException {
        Path dir = copyExamples();
        Cli.Result r = Cli.run(tmp, "fix", "--policy", "fixable.yaml", "--color", "never", "postings");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("fixed postings/001_f3e5182a31427572.html: "), r.out());
        assertTrue(r.out().contains("fast-paced"), r.out());
        // pasted-inline-style reports once per posting: its one finding's fix removed every pasted style, in one pass.
        assertTrue(r.out().matches("(?s).*fixed postings/001_f3e5182a31427572.html: \\d+ fixes \\([^)]*pasted-inline-style \u00d716[,)].*"), r.out());
        assertTrue(r.out().matches("(?s).*Fixed \\d+ findings in 5 files \\(1 pass\\)\\n"), r.out());
        String fixed = Files.readString(dir.resolve("001_f3e5182a31427572.html"));
        assertFalse(fixed.contains("fast-paced"), "fixed");
        assertFalse(fixed.contains("style=\"font-weight: 400;\""), "fixed");
        String original = Files.readString(Cli.EXAMPLES.resolve("001_f3e5182a31427572.html"));
        assertEquals(original.lines().count(), fixed.lines().count(), "fixes never add or remove lines here");

        Map<String, byte[]> once = snapshot(dir);
        Cli.Result again = Cli.run(tmp, "fix", "--policy", "fixable.yaml", "postings");
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.out().contains("Fixed 0 findings in 0 files (0 passes)"), again.out());
        assertSame(once, snapshot(dir));
        // And check agrees that nothing fixable is left.
        Cli.Result check = Cli.run(tmp, "check", "--policy", "fixable.yaml", "--format", "json", "postings");
        assertFalse(check.out().contains("\"replacement\""), check.out());
    }

    @Test
    void dryRunPrintsADiffThatPatchAppliesAndChangesNothing() throws IOException {
        Path dir = copyExamples();
        Map<String, byte[]> before = snapshot(dir);
        Cli.Result dry = Cli.run(tmp, "fix", "--dry-run", "--policy", "fixable.yaml", "postings");
        assertEquals(0, dry.exit(), dry.toString());
        assertSame(before, snapshot(dir));
        assertTrue(dry.out().contains("--- a/postings/001_f3e5182a31427572.html\n+++ b/postings/001_f3e5182a31427572.html\n@@ -"), dry.out());
        assertTrue(dry.out().lines().anyMatch(l -> l.startsWith("-") && l.contains("fast-paced")), dry.out());
        assertTrue(dry.out().lines().anyMatch(l -> l.startsWith("+") && l.contains("dynamic")), dry.out());
        assertTrue(dry.err().contains("Would fix "), dry.err());

        // The diff is exactly what fix does: patch(1) applied to a copy gives the fixed files.
        Path copy = Files.createDirectories(tmp.resolve("copy"));
        for (var e : before.entrySet()) {
            Files.createDirectories(copy.resolve("postings"));
            Files.write(copy.resolve("postings").resolve(e.getKey()), e.getValue());
        }
        Path diff = tmp.resolve("fix.diff");
        Files.writeString(diff, dry.out());
        Cli.Result patch = Cli.exec(copy, List.of("patch", "-p1", "--quiet", "-i", diff.toString()));
        assertEquals(0, patch.exit(), patch.toString());
        assertEquals(0, Cli.run(tmp, "fix", "--policy", "fixable.yaml", "postings").exit());
        assertSame(snapshot(dir), snapshot(copy.resolve("postings")));
    }

    @Test
    void ruleLimitsTheFixesAndUnknownRulesAreUsageErrors() throws IOException {
        Path dir = copyExamples();
        Cli.Result r = Cli.run(tmp, "fix", "--policy", "fixable.yaml", "--rule", "fast-paced", "postings");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("fixed postings/001_f3e5182a31427572.html: 1 fix (fast-paced)"), r.out());
        String fixed = Files.readString(dir.resolve("001_f3e5182a31427572.html"));
        assertFalse(fixed.contains("fast-paced"));
        assertTrue(fixed.contains("style=\"font-weight: 400;\""), "other rules' fixes are not applied");

        Cli.Result unknown = Cli.run(tmp, "fix", "--policy", "fixable.yaml", "--rule", "fast-pacd", "postings");
        assertEquals(2, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("--rule fast-pacd: no such rule in policy fixable"), unknown.err());
    }

    @Test
    void exitCodesFollowWhatRemainsAtFailOn() throws IOException {
        copyExamples();
        // The report demo policy keeps an error that no fix can remove (no pay range in an EU posting).
        Files.copy(Cli.EXAMPLES.resolve("report-demo-policy.yaml"), tmp.resolve("demo.yaml"));
        Cli.Result r = Cli.run(tmp, "fix", "--policy", "demo.yaml", "--as-of", "2025-06-01", "--color", "never", "postings");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("error [pay-range-present]"), r.out());
        assertEquals(0, Cli.run(tmp, "fix", "--policy", "demo.yaml", "--as-of", "2025-06-01", "--fail-on", "never", "postings").exit());
        assertEquals(2, Cli.run(tmp, "fix", "--policy", "demo.yaml", "--fail-on", "sometimes", "postings").exit());
        assertEquals(2, Cli.run(tmp, "fix", "--policy", "demo.yaml", "no-such-dir").exit());
    }

    @Test
    void aReadOnlyFileIsReportedAndLeftIntactWhileTheOthersAreFixed() throws IOException {
        // As root, chmod alone would not stop a rename over the file: posting-lint itself refuses a file
        // without any write permission bit, so this works for root too.
        Path dir = copyExamples();
        Path ro = dir.resolve("001_f3e5182a31427572.html");
        byte[] original = Files.readAllBytes(ro);
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r--r--r--"));
        Cli.Result r = Cli.run(tmp, "fix", "--policy", "fixable.yaml", "postings");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("cannot write postings/001_f3e5182a31427572.html: the file is read-only (no write permission); left unchanged"),
                r.err());
        assertArrayEquals(original, Files.readAllBytes(ro));
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(ro)));
        assertFalse(Files.readString(dir.resolve("000_50a907982d230e5a.html"), StandardCharsets.UTF_8).contains("style=\"font-weight"));
        try (var s = Files.list(dir)) {
            assertEquals(5, s.count(), "no temporary file is left behind");
        }
    }

    @Test
    void fixSharesCheckInputAndPolicyOptions() {
        Cli.Result help = Cli.run(tmp, "fix", "--help");
        assertEquals(0, help.exit());
        for (String option : List.of("--policy", "--fail-on", "--as-of", "--include", "--exclude", "--threads", "--max-file-size",
                "--dry-run", "--rule", "--quiet", "--color")) {
            assertTrue(help.out().contains(option), option + "\n" + help.out());
        }
        Cli.Result checkHelp = Cli.run(tmp, "check", "--help");
        for (String option : List.of("--baseline", "--write-baseline", "--policy", "--include")) {
            assertTrue(checkHelp.out().contains(option), option + "\n" + checkHelp.out());
        }
    }
}

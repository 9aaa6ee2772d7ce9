package dev.postinglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input catalogue (docs/RELIABILITY.md), run against the real jar as a process. Every case
 * checks: the exit code (1 only for findings, 2 for anything that did not complete), one clear line
 * naming the file (file:line:col for a policy), no stack trace, a bounded run (a 256 MB heap and a
 * 90-second limit: a safety net, not a benchmark) and that no file other than the one a case may write
 * changed. Large fixtures are generated here, never committed.
 */
class HostileInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String POLICY = """
            name: hostile
            rules:
              - id: no-rockstar
                type: forbid
                severity: error
                category: inclusive-language
                message: "Avoid '{match}'"
                pattern: '(?i)rockstar'
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void clean() throws IOException {
        Files.writeString(dir.resolve(".posting-lint.yaml"), POLICY);
        Files.writeString(dir.resolve("ok.html"), "<p>We hire engineers.</p>\n");
    }

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + cut(out) + "\n--- stderr\n" + cut(err);
        }

        private static String cut(String s) {
            return s.length() > 4000 ? s.substring(0, 4000) + "..." : s;
        }
    }

    /** Runs the jar in {@link #dir} with a small heap and a time limit; checks no other file changed. */
    private Run run(List<String> mayChange, String... args) throws Exception {
        Map<String, String> before = snapshot();
        List<String> cmd = new ArrayList<>(List.of(Cli.javaBin(), "-Xmx256m", "-jar", Cli.JAR.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("out", ".txt");
        Path err = Files.createTempFile("err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish in 90 s: " + cmd);
        }
        Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        assertFalse(r.all().contains("\tat ") || r.all().contains("Exception in thread"), "no stack trace: " + r);
        Map<String, String> after = snapshot();
        for (String name : mayChange) {
            before.remove(name);
            after.remove(name);
        }
        assertEquals(before, after, "no other file changed: " + r);
        return r;
    }

    private Map<String, String> snapshot() throws IOException, NoSuchAlgorithmException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return files;
    }

    private static void hasLine(Run r, String... parts) {
        boolean found = r.all().lines().anyMatch(l -> {
            for (String part : parts) {
                if (!l.contains(part)) {
                    return false;
                }
            }
            return true;
        });
        assertTrue(found, "one line with " + List.of(parts) + ": " + r);
    }

    // ------------------------------------------------------------------ Markdown

    @Test
    void deeplyNestedMarkdownIsOneInputErrorAndTheOtherFilesAreChecked() throws Exception {
        Files.writeString(dir.resolve("quotes.md"), ">".repeat(2000) + " deep\n");
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            list.append("  ".repeat(i)).append("- item\n");
        }
        Files.writeString(dir.resolve("list.md"), list);
        Files.writeString(dir.resolve("emphasis.md"), "*a ".repeat(5000) + "b" + " a*".repeat(5000) + "\n");
        Files.writeString(dir.resolve("rock.html"), "<p>A rockstar.</p>\n");
        Run r = run(List.of(), "check", ".");
        assertEquals(1, r.exit(), r.toString());
        hasLine(r, "quotes.md:1:", "input-error", "nested more than 100 levels");
        hasLine(r, "list.md:", "input-error", "nested more than 100 levels");
        hasLine(r, "emphasis.md:", "input-error");
        hasLine(r, "rock.html:1:", "no-rockstar");
    }

    @Test
    void markdownThatWouldParseQuadraticallyIsRefusedInLinearTime() throws Exception {
        Files.writeString(dir.resolve("lt.md"), "# Title\n\n" + "<".repeat(400_000) + "\n");
        Files.writeString(dir.resolve("brackets.md"), "[".repeat(100_000) + "]".repeat(100_000) + "\n");
        Run r = run(List.of(), "check", ".");
        assertEquals(1, r.exit(), r.toString());
        hasLine(r, "lt.md:3:1:", "input-error", "too costly to parse");
        hasLine(r, "brackets.md:1:1:", "input-error", "too costly to parse");
    }

    // ------------------------------------------------------------------ policies, regexes, globs

    @Test
    void nestedCountedRepetitionIsRefusedAtLoadWithFileLineAndColumn() throws Exception {
        Files.writeString(dir.resolve("team.yaml"), POLICY.replace("'(?i)rockstar'", "'((((a{100}){100}){100}){100})'"));
        Run r = run(List.of(), "check", "--policy", "team.yaml", "ok.html");
        assertEquals(2, r.exit(), r.toString());
        hasLine(r, "team.yaml:8:14:", "would compile to a program of about");
    }

    @Test
    void aGlobThatWouldBacktrackExponentiallyMatchesInLinearTime() throws Exception {
        Files.writeString(dir.resolve(".posting-lint.yaml"), POLICY + """
                waivers:
                  - files: "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c"
                    rule: no-rockstar
                    reason: never matches
                    approved-by: Test
                    expires: 2099-12-31
                """);
        String name = "a".repeat(65) + ".html";
        Files.writeString(dir.resolve(name), "<p>A rockstar.</p>\n");
        Run r = run(List.of(), "check", "--include", "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c", "--include", "*.html", ".");
        assertEquals(1, r.exit(), r.toString());
        hasLine(r, name + ":1:", "no-rockstar");
    }

    @Test
    void anAliasBombPolicyIsRefused() throws Exception {
        StringBuilder y = new StringBuilder("name: bomb\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            y.append(c).append(": &").append(c).append(" [*").append(prev).append(",*").append(prev).append(",*").append(prev)
                    .append(",*").append(prev).append(",*").append(prev).append(",*").append(prev).append("]\n");
        }
        Files.writeString(dir.resolve("bomb.yaml"), y);
        Run r = run(List.of(), "check", "--policy", "bomb.yaml", "ok.html");
        assertEquals(2, r.exit(), r.toString());
        hasLine(r, "bomb.yaml:11:", "Number of aliases");
    }

    // ------------------------------------------------------------------ special files

    @Test
    void aFifoNamedOnTheCommandLineIsRefusedNotWaitedOn() throws Exception {
        Path fifo = dir.resolve("pipe.html");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Run r = run(List.of(), "check", "pipe.html", "ok.html");
        assertEquals(2, r.exit(), r.toString());
        hasLine(r, "pipe.html", "not a regular file");
    }

    @Test
    void devZeroAsPostingPolicyOrBaselineIsRefusedNotReadForever() throws Exception {
        Run posting = run(List.of(), "check", "/dev/zero");
        assertEquals(2, posting.exit(), posting.toString());
        hasLine(posting, "/dev/zero", "not a regular file");
        Run policy = run(List.of(), "check", "--policy", "/dev/zero", "ok.html");
        assertEquals(2, policy.exit(), policy.toString());
        hasLine(policy, "/dev/zero", "not a regular file");
        Run baseline = run(List.of(), "check", "--baseline", "/dev/zero", "ok.html");
        assertEquals(2, baseline.exit(), baseline.toString());
        hasLine(baseline, "/dev/zero", "not a regular file");
        Files.writeString(dir.resolve("team.yaml"), "name: team\nextends: [/dev/zero]\n");
        Run extended = run(List.of(), "check", "--policy", "team.yaml", "ok.html");
        assertEquals(2, extended.exit(), extended.toString());
        hasLine(extended, "team.yaml:2:", "/dev/zero", "not a regular file");
    }

    @Test
    void aConfigFileThatIsADirectoryIsAnError() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("sub/.posting-lint.yaml")).getParent();
        Files.writeString(sub.resolve("job.html"), "<p>Hi</p>\n");
        Run r = run(List.of(), "check", "sub");
        assertEquals(2, r.exit(), r.toString());
        hasLine(r, ".posting-lint.yaml", "is a directory");
    }

    // ------------------------------------------------------------------ exit codes

    @Test
    void threadsOutOfRangeAndOutOfMemoryExit2NotTheFindingsCode() throws Exception {
        Run threads = run(List.of(), "check", "--threads", "100000", "ok.html");
        assertEquals(2, threads.exit(), threads.toString());
        hasLine(threads, "--threads must be between 1 and 256");
        Files.writeString(dir.resolve("big.html"), "<p>" + "word ".repeat(4_000_000) + "</p>\n");
        List<String> cmd = List.of(Cli.javaBin(), "-Xmx24m", "-jar", Cli.JAR.toString(), "check", "big.html");
        Cli.Result oom = Cli.exec(dir, cmd);
        assertEquals(2, oom.exit(), oom.toString());
        assertTrue(oom.err().contains("out of memory"), oom.toString());
    }

    // ------------------------------------------------------------------ outputs never overwrite inputs

    @Test
    void reportsNeverOverwriteAnInputAndUnwritableOutputsAreOneLine() throws Exception {
        Files.writeString(dir.resolve("team.yaml"), POLICY);
        for (String[] args : List.of(new String[] {"-o", "ok.html"}, new String[] {"--format", "json=team.yaml"},
                new String[] {"--write-baseline", "ok.html"}, new String[] {"--format", "json=.posting-lint.yaml"})) {
            List<String> all = new ArrayList<>(List.of("check", "--policy", "team.yaml"));
            all.addAll(List.of(args));
            all.add("ok.html");
            Run r = run(List.of(), all.toArray(String[]::new));
            assertEquals(2, r.exit(), r.toString());
            hasLine(r, "refusing to overwrite");
        }
        Files.createDirectories(dir.resolve("out"));
        Run toDir = run(List.of(), "check", "-o", "out", "ok.html");
        assertEquals(2, toDir.exit(), toDir.toString());
        hasLine(toDir, "out", "is a directory");
        Run empty = run(List.of(), "check", "-o", "", "ok.html");
        assertEquals(2, empty.exit(), empty.toString());
        hasLine(empty, "--output needs a file name");
    }

    // ------------------------------------------------------------------ fix

    @Test
    void fixNeverWritesThroughASymbolicLink() throws Exception {
        Path outside = Files.createTempDirectory("outside");
        Path target = Files.writeString(outside.resolve("secret.html"), "<p>We hire a   rockstar.</p>\n");
        Files.createSymbolicLink(dir.resolve("link.html"), target);
        Files.writeString(dir.resolve(".posting-lint.yaml"), POLICY.replace("pattern: '(?i)rockstar'",
                "pattern: '(?i)rockstar'\n    replace: engineer"));
        run(List.of(), "fix", "link.html");
        assertEquals("<p>We hire a   rockstar.</p>\n", Files.readString(target));
    }

    @Test
    void staleTemporaryFilesOfAKilledFixAreRemovedAndNeverLinted() throws Exception {
        Path stale = Files.writeString(dir.resolve(".ok.html.2147483646.42.posting-lint-tmp"), "<p>rockstar</p>\n");
        Run check = run(List.of(), "check", "--include", "**/*", "--include", ".*", ".");
        assertFalse(check.all().contains("posting-lint-tmp"), check.toString());
        Files.writeString(dir.resolve("rock.html"), "<p>A rockstar.</p>\n");
        Files.writeString(dir.resolve(".posting-lint.yaml"), POLICY.replace("pattern: '(?i)rockstar'",
                "pattern: '(?i)rockstar'\n    replace: engineer"));
        run(List.of("rock.html", ".ok.html.2147483646.42.posting-lint-tmp"), "fix", ".");
        assertEquals("<p>A engineer.</p>\n", Files.readString(dir.resolve("rock.html")));
        assertFalse(Files.exists(stale), "the dead run's temporary file is removed");
    }

    // ------------------------------------------------------------------ names, terminal safety, messages

    @Test
    void duplicateBoardJobIdsGetNamesOfTheirOwn() throws Exception {
        Files.writeString(dir.resolve("board.json"), "{\"jobs\":[{\"id\":7,\"title\":\"A\",\"content\":\"&lt;p&gt;A rockstar&lt;/p&gt;\"},"
                + "{\"id\":7,\"title\":\"B\",\"content\":\"&lt;p&gt;Another rockstar&lt;/p&gt;\"}]}");
        Run r = run(List.of("report.json", "report.sarif"), "check", "board.json", "--format", "text",
                "--format", "json=report.json", "--format", "sarif=report.sarif");
        assertEquals(1, r.exit(), r.toString());
        hasLine(r, "board.json#7:", "no-rockstar");
        hasLine(r, "board.json#7~2:", "no-rockstar");
        // The run says so: one warning on the renamed job, naming the id and where both jobs are.
        hasLine(r, "board.json#7~2:", "warning [duplicate-job-id]", "job id '7' is used more than once in board.json",
                "(first at line 1, column 10; this job at line 1, column");
        assertEquals(1, r.out().lines().filter(l -> l.contains("[duplicate-job-id]")).count(), r.toString());
        JsonNode json = JSON.readTree(dir.resolve("report.json").toFile());
        List<String> notices = new ArrayList<>();
        json.get("files").forEach(f -> f.get("findings").forEach(x -> {
            if (x.get("ruleId").asText().equals("duplicate-job-id")) {
                notices.add(f.get("path").asText() + " " + x.get("severity").asText());
            }
        }));
        assertEquals(List.of("board.json#7~2 warning"), notices);
        JsonNode sarif = JSON.readTree(dir.resolve("report.sarif").toFile()).get("runs").get(0);
        assertEquals(1, java.util.stream.StreamSupport.stream(sarif.get("results").spliterator(), false)
                .filter(x -> x.get("ruleId").asText().equals("duplicate-job-id")).count());
    }

    /**
     * File names and board job ids with an ESC sequence, a bell, a line break and a bidirectional override
     * (Trojan Source): text-like outputs show them as visible escapes; JSON, SARIF and Code Quality carry them
     * exactly (JSON escapes controls); Checkstyle and JUnit XML stay well-formed (a real parser reads them), with
     * what XML 1.0 cannot carry written as visible escapes.
     */
    @Test
    void controlAndBidiCharactersInNamesAreEscapedOrCarriedExactlyInEveryFormat() throws Exception {
        String name = "evil\u001b[2J\u0007bell\nline\u202elmth.html";
        Files.writeString(dir.resolve(name), "<p>A rockstar.</p>\n");
        Files.writeString(dir.resolve("board.json"),
                "{\"jobs\":[{\"id\":\"job\\u001b[31m\\u0007\\n\\u202eid\",\"title\":\"T\",\"content\":\"<p>A rockstar</p>\"}]}");
        String jobName = "board.json#job\u001b[31m\u0007\n\u202eid";
        List<String> files = List.of("r.json", "r.sarif", "r.xml", "junit.xml", "cc.json", "r.html");
        Run r = run(files, "check", "--color", "never", ".", "--format", "text", "--format", "json=r.json",
                "--format", "sarif=r.sarif", "--format", "checkstyle=r.xml", "--format", "junit=junit.xml",
                "--format", "codeclimate=cc.json", "--format", "html=r.html");
        assertEquals(1, r.exit(), r.toString());
        Run gh = run(List.of(), "check", ".", "--format", "github");
        assertEquals(1, gh.exit(), gh.toString());
        for (Run each : List.of(r, gh)) {
            for (String raw : List.of("\u001b", "\u0007", "\u202e")) {
                assertFalse(each.all().contains(raw), "no raw U+" + Integer.toHexString(raw.charAt(0)) + " reaches the terminal: " + each);
            }
            hasLine(each, "evil\\x1b[2J\\x07bell\\x0aline\\u202elmth.html", "no-rockstar");
            hasLine(each, "board.json#job\\x1b[31m\\x07\\x0a\\u202eid", "no-rockstar");
        }

        JsonNode json = JSON.readTree(dir.resolve("r.json").toFile());
        List<String> paths = new ArrayList<>();
        json.get("files").forEach(f -> paths.add(f.get("path").asText()));
        assertTrue(paths.contains(name) && paths.contains(jobName), "JSON carries the names exactly: " + paths);
        assertFalse(Files.readString(dir.resolve("r.json")).contains("\u001b"), "JSON escapes control characters");
        assertTrue(JSON.readTree(dir.resolve("r.sarif").toFile()).get("runs").get(0).get("results").size() >= 2);
        List<String> ccPaths = new ArrayList<>();
        JSON.readTree(dir.resolve("cc.json").toFile()).forEach(i -> ccPaths.add(i.get("location").get("path").asText()));
        assertTrue(ccPaths.contains(name), "Code Quality carries the file's name exactly: " + ccPaths);

        javax.xml.parsers.DocumentBuilderFactory xml = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        org.w3c.dom.Document checkstyle = xml.newDocumentBuilder().parse(dir.resolve("r.xml").toFile());
        List<String> names = new ArrayList<>();
        org.w3c.dom.NodeList fileElements = checkstyle.getElementsByTagName("file");
        for (int i = 0; i < fileElements.getLength(); i++) {
            names.add(((org.w3c.dom.Element) fileElements.item(i)).getAttribute("name"));
        }
        // XML cannot carry ESC or BEL: visible escapes; it normalizes a line break in an attribute to a space.
        assertTrue(names.contains("evil\\x1b[2J\\x07bell line\u202elmth.html"), names.toString());
        org.w3c.dom.Document junit = xml.newDocumentBuilder().parse(dir.resolve("junit.xml").toFile());
        assertEquals(String.valueOf(names.size()), junit.getDocumentElement().getAttribute("tests"));

        String html = Files.readString(dir.resolve("r.html"));
        assertFalse(html.contains("\u001b") || html.contains("\u0007"), "the HTML report's data escapes controls (HtmlReportIT checks the page)");
    }

    @Test
    void controlCharactersInNamesNeverReachTheTerminalAndBackslashesAreKept() throws Exception {
        Files.writeString(dir.resolve("evil\u001b[2Jname\nsplit.html"), "<p>A rockstar.</p>\n");
        Files.writeString(dir.resolve("back\\slash.html"), "<p>A rockstar.</p>\n");
        for (String format : List.of("text", "github")) {
            Run r = run(List.of(), "check", "--format", format, "--color", "never", ".");
            assertEquals(1, r.exit(), r.toString());
            assertFalse(r.out().contains("\u001b"), "no ESC reaches the terminal: " + r);
            hasLine(r, "evil\\x1b[2Jname\\x0asplit.html");
            hasLine(r, "back\\slash.html");
        }
    }

    @Test
    void aNamedSymbolicLinkLoopIsCalledALoop() throws Exception {
        Files.createSymbolicLink(dir.resolve("loop.html"), Path.of("loop.html"));
        Run r = run(List.of(), "check", "loop.html", "ok.html");
        assertEquals(2, r.exit(), r.toString());
        hasLine(r, "loop.html", "symbolic link loop");
    }

    @Test
    void theReleaseLauncherWithoutItsJarExits2NotTheFindingsCode() throws Exception {
        Path home = Files.createDirectories(dir.resolve("install/bin"));
        Path launcher = Files.copy(Cli.EXAMPLES.getParent().resolve("cli/src/dist/bin/posting-lint"), home.resolve("posting-lint"));
        assertTrue(launcher.toFile().setExecutable(true));
        Files.createDirectories(dir.resolve("install/lib"));
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "check", "ok.html").directory(dir.toFile());
        pb.environment().put("POSTING_LINT_CDS", "off");
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator + System.getenv("PATH"));
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("posting-lint.jar is missing"), out);
    }

    @Test
    void aLinkOutOfTheCheckedDirectoryIsNotFollowedUnlessAsked() throws Exception {
        Path outside = Files.createTempDirectory("outside");
        Files.writeString(outside.resolve("secret.html"), "<p>A rockstar.</p>\n");
        Path posts = Files.createDirectories(dir.resolve("posts"));
        Files.writeString(posts.resolve("job.html"), "<p>Hello.</p>\n");
        Files.createSymbolicLink(posts.resolve("secret.html"), outside.resolve("secret.html"));
        Files.createSymbolicLink(posts.resolve("elsewhere"), outside);
        Run r = run(List.of(), "check", "posts");
        assertEquals(0, r.exit(), r.toString());
        hasLine(r, "posts/secret.html", "symbolic link out of posts");
        hasLine(r, "posts/elsewhere", "symbolic link out of posts");
        assertFalse(r.out().contains("rockstar"), r.toString());
        Run followed = run(List.of(), "check", "--follow-symlinks", "posts");
        assertEquals(1, followed.exit(), followed.toString());
        hasLine(followed, "secret.html:1:", "no-rockstar");
    }

    @Test
    void anInternalErrorsStackTraceIsPrintedOnlyWithDebug() throws Exception {
        // 200,000 nested emphases overflow commonmark-java's recursive inline parser before the depth
        // check can see the tree, on any thread's stack: an internal error, caught for this posting.
        Files.writeString(dir.resolve("emphasis.md"), "*a ".repeat(200_000) + "b" + " a*".repeat(200_000) + "\n");
        Run plain = run(List.of(), "check", "emphasis.md", "ok.html");
        assertEquals(1, plain.exit(), plain.toString());
        hasLine(plain, "emphasis.md:1:1:", "input-error", "stack overflow");
        List<String> cmd = List.of(Cli.javaBin(), "-Xmx256m", "-jar", Cli.JAR.toString(), "check", "--debug", "emphasis.md", "ok.html");
        Cli.Result debug = Cli.exec(dir, cmd);
        assertEquals(1, debug.exit(), debug.toString());
        assertTrue(debug.err().contains("internal error on emphasis.md") && debug.err().contains("java.lang.StackOverflowError")
                && debug.err().contains("\tat "), "--debug logs the trace: " + debug.err().substring(0, Math.min(2000, debug.err().length())));
    }
}

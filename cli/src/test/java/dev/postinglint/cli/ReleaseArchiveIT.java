package dev.postinglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive (cli/target/posting-lint-VERSION.tar.gz) as a user gets it: unpacked into an
 * empty directory outside the repository, with a fake {@code mvn} first on PATH that fails if called,
 * it lints postings from another directory with {@code bin/posting-lint}; three launchers started at
 * once on a fresh install all succeed and leave one valid start-up archive.
 */
class ReleaseArchiveIT {
    static final Path DIST = Path.of(System.getProperty("postinglint.dist", "target/posting-lint-dev.tar.gz")).toAbsolutePath();
    static final String VERSION = System.getProperty("postinglint.version", "dev");
    static final Path ROOT = Cli.EXAMPLES.getParent();

    static final String POLICY = """
            name: team
            rules:
              - id: no-rockstar
                type: forbid
                severity: error
                category: inclusive-language
                message: "Avoid '{match}': it puts off applicants"
                pattern: '(?i)\\brock ?stars?\\b'
            """;
    static final String BAD = "<p>We need a <b>rock</b>star!</p>\n";
    static final String GOOD = "<p>We need a skilled engineer.</p>\n";

    @TempDir
    Path tmp;

    /** Unpacks the release archive into {@code into} (with tar, as a user would); returns its home. */
    static Path unpack(Path into) {
        assertTrue(Files.isRegularFile(DIST), "the release archive is built by mvn package: " + DIST);
        Cli.Result r = Cli.exec(into, List.of("tar", "-xzf", DIST.toString(), "-C", into.toString()));
        assertEquals(0, r.exit(), r.toString());
        Path home = into.resolve("posting-lint-" + VERSION);
        assertTrue(Files.isExecutable(home.resolve("bin/posting-lint")), "bin/posting-lint is executable");
        return home;
    }

    /**
     * An environment with only the JDK that runs the tests and the system's tools on PATH, behind a
     * fake {@code mvn} that records a call and fails: the installed launcher must never build.
     */
    static Map<String, String> env(Path scratch) throws IOException {
        Path fakeBin = Files.createDirectories(scratch.resolve("fake-bin"));
        Path mvn = fakeBin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\necho \"fake mvn was called\" >&2\ntouch \"" + scratch.resolve("mvn-called") + "\"\nexit 97\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = new HashMap<>();
        env.put("PATH", fakeBin + File.pathSeparator + Path.of(System.getProperty("java.home"), "bin")
                + File.pathSeparator + "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", Files.createDirectories(scratch.resolve("home")).toString());
        return env;
    }

    static Cli.Result run(Path workDir, Map<String, String> env, List<String> cmd) {
        return Cli.exec(workDir, env, cmd);
    }

    /** A repository of postings: postings/bad.html (one error), postings/good.html, team.yaml. */
    static Path postingRepo(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("postings"));
        Files.writeString(dir.resolve("team.yaml"), POLICY);
        Files.writeString(dir.resolve("postings/bad.html"), BAD);
        Files.writeString(dir.resolve("postings/good.html"), GOOD);
        return dir;
    }

    private static String withoutTime(String out) {
        return out.replaceAll("\\(\\d+\\.\\d+ s\\)", "(T)");
    }

    private static List<Path> archives(Path lib) throws IOException {
        try (Stream<Path> s = Files.list(lib)) {
            return s.filter(p -> p.getFileName().toString().matches("posting-lint-\\d+\\.(jsa|aot)")).toList();
        }
    }

    private static List<Path> leftovers(Path lib) throws IOException {
        try (Stream<Path> s = Files.list(lib)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void theArchiveHoldsTheLaunchersTheJarTheLicenseAndTheReadme() throws IOException {
        Path home = unpack(Files.createDirectories(tmp.resolve("opt")));
        for (String f : List.of("bin/posting-lint", "bin/posting-lint.cmd", "lib/posting-lint.jar", "LICENSE", "README.md")) {
            assertTrue(Files.isRegularFile(home.resolve(f)), f);
        }
        assertEquals(Files.readString(ROOT.resolve("LICENSE")), Files.readString(home.resolve("LICENSE")));
        assertTrue(Files.readString(home.resolve("bin/posting-lint.cmd")).contains("\r\n"), "the Windows launcher has CRLF lines");
        Cli.Result license = Cli.exec(tmp, List.of("unzip", "-p", home.resolve("lib/posting-lint.jar").toString(), "META-INF/LICENSE"));
        assertEquals(Files.readString(ROOT.resolve("LICENSE")), license.out(), "the jar carries the LICENSE");
        Path zip = DIST.resolveSibling("posting-lint-" + VERSION + ".zip");
        Cli.Result listing = Cli.exec(tmp, List.of("unzip", "-l", zip.toString()));
        assertEquals(0, listing.exit(), listing.toString());
        assertTrue(listing.out().contains("posting-lint-" + VERSION + "/bin/posting-lint.cmd"), listing.out());
        assertTrue(listing.out().contains("posting-lint-" + VERSION + "/lib/posting-lint.jar"), listing.out());
    }

    @Test
    void anInstalledLauncherLintsPostingsElsewhereWithoutMaven() throws IOException {
        Path home = unpack(Files.createDirectories(tmp.resolve("opt")));
        Map<String, String> env = env(tmp);
        Path repo = postingRepo(tmp.resolve("repo"));
        String launcher = home.resolve("bin/posting-lint").toString();

        Cli.Result bad = run(repo, env, List.of(launcher, "check", "--color", "never", "--policy", "team.yaml", "postings/"));
        assertEquals(1, bad.exit(), bad.toString());
        assertTrue(bad.out().contains("postings/bad.html:1:17: error [no-rockstar] Avoid 'rockstar': it puts off applicants\n"), bad.out());
        assertTrue(bad.out().contains("2 files checked: 1 error, 0 warnings, 0 infos"), bad.out());
        assertEquals("", bad.err(), "nothing on stderr (no CDS or AOT warnings)");

        Cli.Result good = run(repo, env, List.of(launcher, "check", "--color", "never", "--policy", "team.yaml", "postings/good.html"));
        assertEquals(0, good.exit(), good.toString());
        assertTrue(good.out().contains("1 file checked: 0 errors, 0 warnings, 0 infos"), good.out());

        // A symbolic link on PATH (as package managers install it) finds its home.
        Path binDir = Files.createDirectories(tmp.resolve("usr-bin"));
        Files.createSymbolicLink(binDir.resolve("posting-lint"), home.resolve("bin/posting-lint"));
        Map<String, String> linked = new HashMap<>(env);
        linked.put("PATH", binDir + File.pathSeparator + env.get("PATH"));
        Cli.Result viaPath = run(repo, linked, List.of("sh", "-c", "posting-lint check --policy team.yaml postings/"));
        assertEquals(1, viaPath.exit(), viaPath.toString());

        Cli.Result version = run(repo, env, List.of(launcher, "--version"));
        assertEquals(0, version.exit(), version.toString());
        assertEquals("posting-lint " + VERSION + "\ncommit " + expectedCommit() + "\n", version.out());

        // generate-completion: a bash (and zsh, through bashcompinit) script that completes commands and options.
        Cli.Result script = run(repo, env, List.of(launcher, "generate-completion"));
        assertEquals(0, script.exit(), script.toString());
        assertTrue(script.out().contains("complete -F _complete_posting-lint"), script.out());
        assertTrue(script.out().contains("bashcompinit"), "zsh support");
        Files.writeString(tmp.resolve("completion.bash"), script.out());
        Cli.Result completed = run(repo, env, List.of("bash", "-c", "source " + tmp.resolve("completion.bash")
                + "; COMP_WORDS=(posting-lint ch); COMP_CWORD=1; COMP_LINE='posting-lint ch'; COMP_POINT=15;"
                + " _complete_posting-lint posting-lint ch posting-lint; echo \"${COMPREPLY[@]}\";"
                + " COMP_WORDS=(posting-lint check --fail-o); COMP_CWORD=2; COMP_LINE='posting-lint check --fail-o'; COMP_POINT=27;"
                + " _complete_posting-lint posting-lint --fail-o check 2>/dev/null; echo \"${COMPREPLY[@]}\""));
        assertEquals("check\n--fail-on\n", completed.out(), completed.toString());

        // JAVA_HOME wins over PATH; a Java older than 17 is refused with a clear message.
        Map<String, String> noJavaOnPath = new HashMap<>(env);
        noJavaOnPath.put("PATH", tmp.resolve("fake-bin") + File.pathSeparator + "/usr/local/bin:/usr/bin:/bin");
        noJavaOnPath.put("JAVA_HOME", System.getProperty("java.home"));
        assertEquals(1, run(repo, noJavaOnPath, List.of(launcher, "check", "--policy", "team.yaml", "postings/")).exit());
        Path oldJava = Files.createDirectories(tmp.resolve("old-jdk/bin"));
        Files.writeString(oldJava.getParent().resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
        Files.writeString(oldJava.resolve("java"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(oldJava.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        noJavaOnPath.put("JAVA_HOME", oldJava.getParent().toString());
        Cli.Result old = run(repo, noJavaOnPath, List.of(launcher, "--version"));
        assertEquals(2, old.exit(), old.toString());
        assertTrue(old.err().contains("needs Java 17 or later"), old.err());

        assertFalse(Files.exists(tmp.resolve("mvn-called")), "the installed launcher never calls Maven");
    }

    /** The options the JVM ran with, as -XX:+PrintCommandLineFlags prints them first on standard output. */
    private static String jvmFlags(Cli.Result r) {
        return r.out().lines().findFirst().orElse("");
    }

    /**
     * Bounded memory (issue 16): every run gets the serial collector, which returns free heap, whether the run is
     * small or large and whether the start-up archive is on or off; it is no heap cap; and a collector named in
     * POSTING_LINT_JAVA_OPTS replaces it (the JVM refuses to start with two), the run working as before.
     */
    @Test
    void everyRunGetsTheSerialCollectorUnlessTheUserNamesAnother() throws IOException {
        Path home = unpack(Files.createDirectories(tmp.resolve("opt")));
        Map<String, String> env = env(tmp);
        Path repo = postingRepo(tmp.resolve("repo"));
        String launcher = home.resolve("bin/posting-lint").toString();
        List<String> large = List.of(launcher, "check", "--color", "never", "--policy", "team.yaml", "postings/");
        List<String> small = List.of(launcher, "check", "--color", "never", "--policy", "team.yaml", "postings/bad.html");
        env.put("POSTING_LINT_JAVA_OPTS", "-XX:+PrintCommandLineFlags");

        Cli.Result dir = run(repo, env, large);
        assertEquals(1, dir.exit(), dir.toString());
        String flags = jvmFlags(dir);
        assertTrue(flags.contains("-XX:+UseSerialGC") && flags.contains("-XX:MinHeapFreeRatio=20")
                && flags.contains("-XX:MaxHeapFreeRatio=40"), flags);
        assertTrue(flags.contains("-XX:TieredStopAtLevel=1"), "a directory of a few postings is a short run, C1 only: " + flags);
        Cli.Result defaults = run(repo, env, List.of(System.getProperty("java.home") + "/bin/java", "-XX:+UseSerialGC", "-XX:+PrintCommandLineFlags", "-version"));
        String defaultMax = defaults.out().replaceAll("(?s).*(-XX:MaxHeapSize=\\d+).*", "$1").strip();
        assertTrue(flags.contains(defaultMax + " "), "the JVM's own maximum heap, not a cap: " + defaultMax + " in " + flags);
        assertTrue(dir.out().contains("postings/bad.html:1:17: error [no-rockstar]"), dir.out());

        // More files than POSTING_LINT_C1_MAX_FILES (counted under the directory): a long run, with the full JIT.
        Map<String, String> fewer = new HashMap<>(env);
        fewer.put("POSTING_LINT_C1_MAX_FILES", "1");
        Cli.Result many = run(repo, fewer, large);
        assertEquals(1, many.exit(), many.toString());
        assertFalse(jvmFlags(many).contains("TieredStopAtLevel"), "more files than the limit: the full JIT: " + jvmFlags(many));

        Cli.Result one = run(repo, env, small);
        assertEquals(1, one.exit(), one.toString());
        assertTrue(jvmFlags(one).contains("-XX:+UseSerialGC") && jvmFlags(one).contains("-XX:TieredStopAtLevel=1"), jvmFlags(one));

        Map<String, String> noArchive = new HashMap<>(env);
        noArchive.put("POSTING_LINT_CDS", "off");
        Cli.Result off = run(repo, noArchive, large);
        assertEquals(1, off.exit(), off.toString());
        assertTrue(jvmFlags(off).contains("-XX:+UseSerialGC"), jvmFlags(off));

        env.put("POSTING_LINT_JAVA_OPTS", "-XX:+UseParallelGC -XX:+PrintCommandLineFlags");
        for (List<String> cmd : List.of(large, small)) {
            Cli.Result own = run(repo, env, cmd);
            assertEquals(1, own.exit(), own.toString());
            assertEquals("", own.err(), "no 'Conflicting collector combinations'");
            assertTrue(jvmFlags(own).contains("-XX:+UseParallelGC") && !jvmFlags(own).contains("SerialGC"), jvmFlags(own));
            assertTrue(own.out().contains("postings/bad.html:1:17: error [no-rockstar]"), own.out());
        }
    }

    /** A JVM that cannot make the archive: runs go on without one, and the training is not retried on every run. */
    @Test
    void aFailedTrainingIsNotRetriedOnEveryRun() throws IOException {
        Path home = unpack(Files.createDirectories(tmp.resolve("opt")));
        Map<String, String> env = env(tmp);
        Path repo = postingRepo(tmp.resolve("repo"));
        // A "JDK" whose java refuses to write an archive and logs every call.
        Path jdk = Files.createDirectories(tmp.resolve("jdk/bin")).getParent();
        Files.copy(Path.of(System.getProperty("java.home"), "release"), jdk.resolve("release"));
        Path calls = tmp.resolve("java-calls");
        Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n"
                + "case \"$*\" in *Xshare:dump*|*AOTCacheOutput*) exit 3 ;; esac\n"
                + "exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(jdk.resolve("bin/java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        env.put("JAVA_HOME", jdk.toString());
        List<String> cmd = List.of(home.resolve("bin/posting-lint").toString(), "check", "--color", "never", "--policy", "team.yaml", "postings/");
        for (int i = 0; i < 2; i++) {
            Cli.Result r = run(repo, env, cmd);
            assertEquals(1, r.exit(), r.toString());
            assertTrue(r.out().contains("postings/bad.html:1:17: error [no-rockstar]"), r.out());
            assertEquals("", r.err());
        }
        assertEquals(List.of(), archives(home.resolve("lib")));
        assertEquals(List.of(), leftovers(home.resolve("lib")));
        List<String> trainings = Files.readAllLines(calls).stream().filter(l -> l.contains("-XX:DumpLoadedClassList=")).toList();
        assertEquals(1, trainings.size(), "trained once, not on every run: " + Files.readAllLines(calls));
        List<String> dumps = Files.readAllLines(calls).stream().filter(l -> l.contains("-Xshare:dump")).toList();
        assertEquals(1, dumps.size(), "dumped once, not on every run: " + Files.readAllLines(calls));
        // A static archive, dumped with the JIT off: a JDK 17 archive dumped while a method waits for the JIT never lets it be compiled.
        assertTrue(dumps.get(0).contains(" -Xint ") && dumps.get(0).contains("-XX:SharedClassListFile="), dumps.get(0));
        assertFalse(Files.readString(calls).contains("ArchiveClassesAtExit"), "no dynamic archive: " + Files.readString(calls));
    }

    /** The commit --version must name: git's HEAD when the tests run in a git checkout, else "unknown". */
    private static String expectedCommit() {
        Cli.Result head = Cli.exec(ROOT, List.of("git", "rev-parse", "--short=12", "HEAD"));
        return head.exit() == 0 ? head.out().strip() : "unknown";
    }

    @Test
    void threeLaunchersAtOnceOnAFreshInstallAllSucceedAndLeaveOneValidArchive() throws Exception {
        concurrentFirstRuns(System.getProperty("java.home"), "jsa", false);
    }

    /** Where there is no flock (macOS, BusyBox without it), the launcher's mkdir lock does the same job. */
    @Test
    void withoutFlockTheMkdirLockKeepsConcurrentFirstRunsSafe() throws Exception {
        concurrentFirstRuns(System.getProperty("java.home"), "jsa", true);
    }

    @Test
    void onJava25OrLaterTheLauncherUsesTheJdkAotCache() throws Exception {
        String jdk25 = jdk25OrLater();
        assumeTrue(jdk25 != null, "no JDK 25 or later under /usr/lib/jvm or in POSTING_LINT_TEST_JDK25");
        concurrentFirstRuns(jdk25, "aot", false);
    }

    private void concurrentFirstRuns(String javaHome, String kind, boolean withoutFlock) throws Exception {
        Path home = unpack(Files.createDirectories(tmp.resolve("opt-" + kind)));
        Map<String, String> env = env(tmp);
        env.put("JAVA_HOME", javaHome);
        if (withoutFlock) {
            // The system's tools, as links in one directory, all but flock.
            Path tools = Files.createDirectories(tmp.resolve("tools-without-flock"));
            for (String dir : List.of("/usr/local/bin", "/usr/bin", "/bin")) {
                if (!Files.isDirectory(Path.of(dir))) {
                    continue;
                }
                try (Stream<Path> s = Files.list(Path.of(dir))) {
                    for (Path tool : s.toList()) {
                        Path link = tools.resolve(tool.getFileName().toString());
                        if (!tool.getFileName().toString().equals("flock") && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                            Files.createSymbolicLink(link, tool);
                        }
                    }
                }
            }
            env.put("PATH", tmp.resolve("fake-bin") + File.pathSeparator + tools);
            assertTrue(run(tmp, env, List.of("sh", "-c", "command -v flock")).exit() != 0, "no flock on PATH");
        }
        Path repo = postingRepo(tmp.resolve("repo"));
        List<String> cmd = List.of(home.resolve("bin/posting-lint").toString(), "check", "--color", "never", "--policy", "team.yaml",
                "postings/bad.html", "postings/good.html");
        List<Process> started = new ArrayList<>();
        List<Path[]> outputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path out = tmp.resolve("out" + i);
            Path err = tmp.resolve("err" + i);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            started.add(pb.start());
            outputs.add(new Path[] {out, err});
        }
        String expected = null;
        for (int i = 0; i < 3; i++) {
            Process p = started.get(i);
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "launcher " + i + " finished");
            String out = Files.readString(outputs.get(i)[0]);
            String err = Files.readString(outputs.get(i)[1]);
            assertEquals(1, p.exitValue(), "launcher " + i + ": " + out + err);
            assertEquals("", err, "launcher " + i + " printed nothing on stderr");
            assertTrue(out.contains("postings/bad.html:1:17: error [no-rockstar]"), out);
            if (expected == null) {
                expected = withoutTime(out);
            }
            assertEquals(expected, withoutTime(out), "every launcher prints the same findings");
        }
        Path lib = home.resolve("lib");
        List<Path> archives = archives(lib);
        assertEquals(1, archives.size(), "one start-up archive: " + archives);
        assertTrue(archives.get(0).toString().endsWith("." + kind), archives.toString());
        assertEquals(List.of(), leftovers(lib), "no temporary archive left behind");
        assertFalse(Files.exists(lib.resolve(".posting-lint.lock.d")), "the mkdir lock is released");

        // The archive maps strictly (the JVM refuses to start otherwise).
        String java = Path.of(javaHome, "bin", "java").toString();
        List<String> strict = kind.equals("aot")
                ? List.of(java, "-XX:AOTCache=" + archives.get(0), "-XX:AOTMode=on", "-jar", lib.resolve("posting-lint.jar").toString(), "--version")
                : List.of(java, "-XX:SharedArchiveFile=" + archives.get(0), "-Xshare:on", "-jar", lib.resolve("posting-lint.jar").toString(), "--version");
        Cli.Result valid = run(repo, env, strict);
        assertEquals(0, valid.exit(), valid.toString());

        // A fourth run uses it, quietly, with the same result.
        Cli.Result fourth = run(repo, env, cmd);
        assertEquals(1, fourth.exit(), fourth.toString());
        assertEquals(expected, withoutTime(fourth.out()));
        assertEquals("", fourth.err());
        assertEquals(archives, archives(lib), "the archive is reused, not made again");
        assertFalse(Files.exists(tmp.resolve("mvn-called")), "the installed launcher never calls Maven");
    }

    /** A JDK 25 or later: POSTING_LINT_TEST_JDK25, else the first under /usr/lib/jvm; null when there is none. */
    static String jdk25OrLater() throws IOException {
        String given = System.getenv("POSTING_LINT_TEST_JDK25");
        if (given != null && !given.isBlank()) {
            return given;
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (Stream<Path> s = Files.list(jvms)) {
            for (Path jdk : s.sorted().toList()) {
                Path release = jdk.resolve("release");
                if (Files.isRegularFile(release) && Files.isExecutable(jdk.resolve("bin/java"))) {
                    var m = java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
                    if (m.find() && Integer.parseInt(m.group(1)) >= 25) {
                        return jdk.toString();
                    }
                }
            }
        }
        return null;
    }
}

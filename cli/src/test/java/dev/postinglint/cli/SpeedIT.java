package dev.postinglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the speed work (issue 7) must not change, and its new moving parts: JSON output of the
 * examples byte for byte as before the optimizations, the hidden {@code bench} command, and the
 * launcher's start-up archive when it is missing, stale or damaged. Timings are never asserted:
 * bench/run.sh measures them.
 */
class SpeedIT {
    static final Path ROOT = Cli.EXAMPLES.getParent();
    /**
     * The launcher and jar copied into a scratch checkout: the archive test deletes, truncates and
     * damages the archive, which must never happen to the one other launchers of this checkout map
     * (a JVM that maps a truncated archive dies with SIGBUS).
     */
    @TempDir
    static Path checkout;
    static Path LAUNCHER;
    static Path ARCHIVE;
    static Path KEY;

    @BeforeAll
    static void copyTheLauncherAndJar() throws IOException {
        Path target = Files.createDirectories(checkout.resolve("cli/target"));
        LAUNCHER = Files.copy(ROOT.resolve("posting-lint"), checkout.resolve("posting-lint"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(Cli.JAR, target.resolve("posting-lint.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        // The launcher trains its archive on the checkout's examples.
        Path examples = Files.createDirectories(checkout.resolve("examples"));
        try (var s = Files.newDirectoryStream(Cli.EXAMPLES, "*.html")) {
            for (Path p : s) {
                Files.copy(p, examples.resolve(p.getFileName()));
            }
        }
        ARCHIVE = target.resolve("posting-lint.jsa");
        KEY = target.resolve("posting-lint.jsa.key");
    }

    /**
     * The golden files are the JSON the examples produced before any optimization (commit 35fb2ec),
     * with durationMs zeroed (regenerated at the merge from main as it was before the speed work); every finding, position, message and fix must stay the same.
     */
    @ParameterizedTest
    @ValueSource(strings = {"default", "cloudflare"})
    void jsonOutputOfTheExamplesIsUnchanged(String pack) throws IOException {
        Cli.Result r = Cli.run(ROOT, "check", "--policy", "builtin:" + pack, "--as-of", "2026-11-21", "--format", "json",
                "--fail-on", "never", "examples/");
        assertEquals(0, r.exit(), r.toString());
        String golden;
        try (InputStream in = SpeedIT.class.getResourceAsStream("/golden/examples-" + pack + ".json")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(normalize(golden), normalize(r.out()));
    }

    private static String normalize(String json) {
        return json.replaceAll("\"durationMs\" : \\d+", "\"durationMs\" : 0")
                .replaceAll("\"version\" : \"[^\"]*\"", "\"version\" : \"V\"")
                .strip();
    }

    @Test
    void benchIsHiddenAndComparesTheParseFloorWithALint() {
        assertFalse(Cli.run(ROOT, "--help").out().contains("bench"), "bench is not shown in help");
        Cli.Result r = Cli.run(ROOT, "bench", "--warmup", "0", "--runs", "2", "--threads", "2",
                "--policy", "builtin:default", "--policy", "builtin:eeo", Cli.EXAMPLES.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("# files 5 "), r.out());
        assertTrue(r.out().matches("(?s).*\n1\t[0-9.]+\t[0-9.]+\t[0-9.]+\t[0-9.]+\t[0-9.]+\t.*"), r.out());
        assertTrue(r.out().contains("floor: median"), r.out());
        assertTrue(r.out().contains("ratio builtin:default/floor: median"), r.out());
        assertTrue(r.out().contains("ratio builtin:default/builtin:eeo: median"), r.out());
        assertTrue(r.out().contains("jit: "), r.out());
        // --settle warms up until the JIT settles, here at most 2 rounds more than the one it needs.
        Cli.Result settled = Cli.run(ROOT, "bench", "--settle", "--settle-max", "2", "--warmup", "0", "--runs", "1",
                "--threads", "1", Cli.EXAMPLES.toString());
        assertEquals(0, settled.exit(), settled.toString());
        assertTrue(settled.out().matches("(?s).*\n# warm-up rounds [123] \\([012] added by --settle; .*"), settled.out());
        Cli.Result floor = Cli.run(ROOT, "bench", "--floor-only", "--warmup", "0", "--runs", "1", Cli.EXAMPLES.toString());
        assertEquals(0, floor.exit(), floor.toString());
        assertFalse(floor.out().contains("lint "), floor.out());
    }

    @Test
    void theLauncherMakesItsArchiveWhenMissingAndStillWorksWhenItIsStaleOrDamaged() throws IOException {
        Files.deleteIfExists(ARCHIVE);
        Files.deleteIfExists(KEY);
        Cli.Result first = launch(Map.of(), "check", "--color", "never", "examples/000_50a907982d230e5a.html");
        assertEquals(1, first.exit(), first.toString());
        assertTrue(first.out().contains("1 file checked"), first.out());
        assertTrue(Files.size(ARCHIVE) > 0 && Files.exists(KEY), "the archive is made next to the jar");
        String expected = first.out().replaceAll("\\(\\d+\\.\\d+ s\\)", "");

        // A key from another jar or JDK: the archive is made again, the output is the same.
        Files.writeString(KEY, "jar 1 2 jvm /elsewhere/java 3 4 archive 5\n");
        Cli.Result stale = launch(Map.of(), "check", "--color", "never", "examples/000_50a907982d230e5a.html");
        assertEquals(expected, stale.out().replaceAll("\\(\\d+\\.\\d+ s\\)", ""));
        assertTrue(Files.readString(KEY).contains(" archive " + Files.size(ARCHIVE)), "a fresh key");

        // A truncated archive (the JVM could crash on one) is noticed by its size and replaced.
        byte[] whole = Files.readAllBytes(ARCHIVE);
        Files.delete(ARCHIVE);
        Files.write(ARCHIVE, java.util.Arrays.copyOf(whole, whole.length / 3));
        Cli.Result truncated = launch(Map.of(), "check", "--color", "never", "examples/000_50a907982d230e5a.html");
        assertEquals(expected, truncated.out().replaceAll("\\(\\d+\\.\\d+ s\\)", ""), truncated.toString());
        // A regenerated archive differs in size by a few KB from run to run: what matters is that it
        // is whole again (not the truncated third) and that the key names it.
        long replaced = Files.size(ARCHIVE);
        assertTrue(replaced > whole.length / 2, "replaced by a whole archive, not left truncated: " + replaced);
        assertTrue(Files.readString(KEY).contains(" archive " + replaced), "the key names the new archive");

        // Garbage in place of an archive whose key matches: the JVM runs without it, silently.
        String key = Files.readString(KEY);
        Files.delete(ARCHIVE);
        Files.writeString(ARCHIVE, "not an archive");
        Files.writeString(KEY, key.replaceAll("archive \\d+", "archive " + Files.size(ARCHIVE)));
        Cli.Result garbage = launch(Map.of(), "check", "--color", "never", "examples/000_50a907982d230e5a.html");
        assertEquals(expected, garbage.out().replaceAll("\\(\\d+\\.\\d+ s\\)", ""), garbage.toString());
        assertFalse(garbage.err().contains("warning"), garbage.err());

        // Turned off: no archive is read or written.
        Files.delete(ARCHIVE);
        Files.delete(KEY);
        Cli.Result off = launch(Map.of("POSTING_LINT_CDS", "off"), "check", "--color", "never", "examples/000_50a907982d230e5a.html");
        assertEquals(expected, off.out().replaceAll("\\(\\d+\\.\\d+ s\\)", ""));
        assertFalse(Files.exists(ARCHIVE));

        // And the next ordinary run makes it again, for the other tests and for users.
        assertEquals(0, launch(Map.of(), "--version").exit());
        assertTrue(Files.exists(ARCHIVE));
    }

    /**
     * The CDS archive is a static one, dumped with the JIT off: on JDK 17 a method still waiting for the
     * JIT when the archive is dumped is never compiled by a JVM that maps it (JDK-8306460), which once
     * made every run 10 to 15 times slower. And a jar rewritten in place with the same size and modification time
     * (which the JVM's own check accepts) gets a new archive: the key holds the jar's change time.
     */
    @Test
    void theArchiveIsTrainedWithoutTheJitAndMadeAgainForAJarRewrittenWithTheSameSizeAndTime() throws IOException {
        // A JDK whose java logs every call, then runs the real one.
        Path jdk = Files.createDirectories(checkout.resolve("logging-jdk/bin")).getParent();
        Files.copy(Path.of(System.getProperty("java.home"), "release"), jdk.resolve("release"), StandardCopyOption.REPLACE_EXISTING);
        Path calls = checkout.resolve("java-calls");
        Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n"
                + "exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(jdk.resolve("bin/java"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.deleteIfExists(ARCHIVE);
        Files.deleteIfExists(KEY);
        String[] check = {"check", "--color", "never", "examples/000_50a907982d230e5a.html"};
        Cli.Result first = launchWith(Map.of(), jdk.toString(), check);
        assertEquals(1, first.exit(), first.toString());
        List<String> trainings = Files.readAllLines(calls).stream().filter(l -> l.contains("-Xshare:dump")).toList();
        assertEquals(1, trainings.size(), Files.readAllLines(calls).toString());
        assertTrue(trainings.get(0).contains(" -Xint "), "dumped by the interpreter alone: " + trainings.get(0));
        assertTrue(trainings.get(0).contains("-XX:SharedClassListFile="), "a static archive, from a training run's class list: " + trainings.get(0));
        assertFalse(Files.readString(calls).contains("ArchiveClassesAtExit"), "no dynamic archive: " + Files.readString(calls));
        String key = Files.readString(KEY);
        assertTrue(Files.size(ARCHIVE) > 0 && key.contains(" archive " + Files.size(ARCHIVE)), key);
        // The archive records the class path: a moved checkout's would not map, so the key names the jar's path.
        assertTrue(key.contains(" " + ARCHIVE.resolveSibling("posting-lint.jar").toRealPath() + " "), key);

        // The same bytes written over the jar, its modification time set back: the same size and time.
        Path jar = ARCHIVE.resolveSibling("posting-lint.jar");
        java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(jar);
        Files.write(jar, Files.readAllBytes(jar));
        Files.setLastModifiedTime(jar, modified);
        Cli.Result rewritten = launchWith(Map.of(), jdk.toString(), check);
        assertEquals(first.out().replaceAll("\\(\\d+\\.\\d+ s\\)", ""), rewritten.out().replaceAll("\\(\\d+\\.\\d+ s\\)", ""));
        assertEquals(2, Files.readAllLines(calls).stream().filter(l -> l.contains("-Xshare:dump")).count(),
                "trained again: " + Files.readAllLines(calls));
        assertFalse(Files.readString(KEY).equals(key), "a new key");
        Files.delete(ARCHIVE);
        Files.delete(KEY);
    }

    /**
     * On Java 25 and later the launcher makes and maps the JDK's AOT cache instead of a CDS archive,
     * with the same safety: installed only once it maps strictly, nothing left behind, garbage in its
     * place ignored silently, and the output the same as on the build's JDK.
     */
    @Test
    void onJava25OrLaterTheLauncherUsesTheJdkAotCache() throws IOException {
        String jdk25 = ReleaseArchiveIT.jdk25OrLater();
        assumeTrue(jdk25 != null, "no JDK 25 or later under /usr/lib/jvm or in POSTING_LINT_TEST_JDK25");
        Path aot = ARCHIVE.resolveSibling("posting-lint.aot");
        Path aotKey = ARCHIVE.resolveSibling("posting-lint.aot.key");
        Files.deleteIfExists(aot);
        Files.deleteIfExists(aotKey);
        String[] check = {"check", "--color", "never", "examples/000_50a907982d230e5a.html"};
        String expected = launch(Map.of("POSTING_LINT_CDS", "off"), check).out().replaceAll("\\(\\d+\\.\\d+ s\\)", "");

        Cli.Result first = launchWith(Map.of(), jdk25, check);
        assertEquals(1, first.exit(), first.toString());
        assertEquals(expected, first.out().replaceAll("\\(\\d+\\.\\d+ s\\)", ""));
        assertEquals("", first.err(), "no AOT or CDS warnings");
        assertTrue(Files.size(aot) > 0, "the AOT cache is made next to the jar");
        assertTrue(Files.readString(aotKey).contains(" archive " + Files.size(aot)), "its key names it");
        try (var s = Files.list(aot.getParent())) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().contains(".tmp")).toList(), "no temporary files left");
        }
        // It maps strictly: the JVM refuses to start otherwise.
        Cli.Result strict = Cli.exec(ROOT, List.of(Path.of(jdk25, "bin", "java").toString(), "-XX:AOTCache=" + aot, "-XX:AOTMode=on",
                "-jar", ARCHIVE.resolveSibling("posting-lint.jar").toString(), "--version"));
        assertEquals(0, strict.exit(), strict.toString());

        Cli.Result second = launchWith(Map.of(), jdk25, check);
        assertEquals(expected, second.out().replaceAll("\\(\\d+\\.\\d+ s\\)", ""));
        assertEquals("", second.err());

        // Garbage in place of a cache whose key matches: the JVM runs without it, silently.
        String key = Files.readString(aotKey);
        Files.delete(aot);
        Files.writeString(aot, "not an archive");
        Files.writeString(aotKey, key.replaceAll("archive \\d+", "archive " + Files.size(aot)));
        Cli.Result garbage = launchWith(Map.of(), jdk25, check);
        assertEquals(expected, garbage.out().replaceAll("\\(\\d+\\.\\d+ s\\)", ""), garbage.toString());
        assertEquals("", garbage.err());
        Files.delete(aot);
        Files.delete(aotKey);
    }

    private static Cli.Result launch(Map<String, String> env, String... args) {
        return launchWith(env, System.getProperty("java.home"), args);
    }

    /** Runs the copied launcher with {@code javaHome}'s java first on PATH. */
    private static Cli.Result launchWith(Map<String, String> env, String javaHome, String... args) {
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("out", ".txt");
            Path err = Files.createTempFile("err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            pb.environment().put("PATH", Path.of(javaHome, "bin") + java.io.File.pathSeparator
                    + System.getenv("PATH"));
            Process p = pb.start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + cmd);
            }
            Cli.Result r = new Cli.Result(p.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

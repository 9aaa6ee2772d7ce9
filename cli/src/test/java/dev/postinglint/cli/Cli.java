package dev.postinglint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real posting-lint jar (or launcher) as a separate process, as users and CI do. */
final class Cli {
    static final Path JAR = Path.of(System.getProperty("postinglint.jar", "target/posting-lint.jar")).toAbsolutePath();
    static final Path EXAMPLES = Path.of(System.getProperty("postinglint.examples", "../examples")).toAbsolutePath().normalize();

    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    static Result run(Path workDir, String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return exec(workDir, cmd);
    }

    /** Runs the jar with {@code stdin} (UTF-8) on its standard input, as an editor or a hook pipes a buffer. */
    static Result runWithInput(Path workDir, String stdin, String... args) {
        try {
            Path in = Files.createTempFile("in", ".txt");
            Files.writeString(in, stdin, StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", JAR.toString()));
            cmd.addAll(List.of(args));
            Result r = exec(workDir, cmd, in, null);
            Files.delete(in);
            return r;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Result exec(Path workDir, List<String> cmd) {
        return exec(workDir, cmd, null, null);
    }

    /** Runs {@code cmd} with exactly {@code env} as its environment (nothing inherited). */
    static Result exec(Path workDir, java.util.Map<String, String> env, List<String> cmd) {
        return exec(workDir, cmd, null, env);
    }

    private static Result exec(Path workDir, List<String> cmd, Path stdin, java.util.Map<String, String> env) {
        try {
            Path out = Files.createTempFile("out", ".txt");
            Path err = Files.createTempFile("err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            if (env != null) {
                pb.environment().clear();
                pb.environment().putAll(env);
            }
            if (stdin != null) {
                pb.redirectInput(stdin.toFile());
            }
            Process p = pb.start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + cmd);
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
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

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

package dev.postinglint.cli;

import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.input.RealPaths;
import dev.postinglint.core.session.SessionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Outputs never overwrite inputs: a report path ({@code -o}, {@code --format NAME=FILE}) or
 * {@code --write-baseline} that names a posting of the run, the baseline it reads, a policy given with
 * {@code --policy}, or any YAML file (policies, however they are reached, are YAML; reports never are) is
 * refused before anything is written. Paths are compared after resolving links, so {@code ./a.html} and
 * a link to it are the same file. The inputs' real paths are found when the first output is checked (a run that
 * writes only to standard output needs none), each directory's once ({@link RealPaths}).
 */
final class OutputGuard {
    private final List<InputFile> postings;
    private final List<String> policies;
    private final Path baseline;
    private Set<Path> inputs;

    OutputGuard(List<InputFile> postings, List<String> policies, Path baseline) {
        this.postings = postings;
        this.policies = policies;
        this.baseline = baseline;
    }

    private Set<Path> inputs() {
        if (inputs == null) {
            inputs = new HashSet<>();
            RealPaths reals = new RealPaths();
            postings.forEach(f -> inputs.add(reals.of(f.path())));
            policies.stream().filter(p -> !p.startsWith("builtin:")).forEach(p -> inputs.add(real(Path.of(p))));
            if (baseline != null) {
                inputs.add(real(baseline));
            }
        }
        return inputs;
    }

    /** Refuses {@code output} (named by {@code option}) when it is an input of this run. */
    void check(String option, Path output) {
        if (output == null) {
            return;
        }
        String name = output.toString();
        if (name.isBlank()) {
            throw new SessionException(option + " needs a file name, not an empty one");
        }
        if (Files.isDirectory(output)) {
            throw new SessionException(option + " " + name + ": is a directory; name a file");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (inputs().contains(real(output))) {
            throw new SessionException(option + " " + name + ": is an input of this run (a posting, policy or baseline); refusing to overwrite it");
        }
        if (Files.exists(output) && (lower.endsWith(".yaml") || lower.endsWith(".yml"))) {
            throw new SessionException(option + " " + name + ": is a YAML file, likely a policy; refusing to overwrite it with a report");
        }
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}

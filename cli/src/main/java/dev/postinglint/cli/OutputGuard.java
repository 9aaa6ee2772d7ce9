package dev.postinglint.cli;

import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.session.SessionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Outputs never overwrite inputs: a report path ({@code -o}, {@code --format NAME=FILE}) or
 * {@code --write-baseline} that names a posting of the run, the baseline it reads, a policy given with
 * {@code --policy}, or any YAML file (policies, however they are reached, are YAML; reports never are) is
 * refused before anything is written. Paths are compared after resolving links, so {@code ./a.html} and
 * a link to it are the same file: by their file keys (device and inode, {@code stat} following links), so a link, a
 * hard link or another spelling of the name on a case-insensitive file system is the same file too. Only an output
 * that exists can be an input, so a run that writes a new file, or only to standard output, looks at no input; the
 * inputs' keys are read once, when the first existing output is checked. Where the platform has no file keys, real
 * paths are compared.
 */
final class OutputGuard {
    private final List<Path> inputs = new ArrayList<>();
    private Set<Object> keys;
    private Set<Path> reals;

    OutputGuard(List<InputFile> postings, List<String> policies, Path baseline) {
        postings.forEach(f -> inputs.add(f.path()));
        policies.stream().filter(p -> !p.startsWith("builtin:")).forEach(p -> inputs.add(Path.of(p)));
        if (baseline != null) {
            inputs.add(baseline);
        }
    }

    /** Whether {@code output}, an existing file, is one of the inputs. */
    private boolean isInput(Path output) {
        Object key = key(output);
        if (key != null) {
            if (keys == null) {
                keys = new HashSet<>();
                for (Path p : inputs) {
                    Object k = key(p);
                    if (k != null) {
                        keys.add(k);
                    }
                }
            }
            return keys.contains(key);
        }
        if (reals == null) {
            reals = new HashSet<>();
            inputs.forEach(p -> reals.add(real(p)));
        }
        return reals.contains(real(output));
    }

    /** The file's key (null where the platform has none, or when it cannot be read). */
    private static Object key(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
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
        if (Files.exists(output) && isInput(output)) {
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

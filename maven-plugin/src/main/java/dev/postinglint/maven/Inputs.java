package dev.postinglint.maven;

import dev.postinglint.core.input.InputCollector;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.regex.Globs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a module's postings: the source directories (relative to the module's basedir) walked by the
 * core's {@link InputCollector} with java.nio include and exclude globs. Reports show paths relative
 * to the module basedir, whatever directory Maven was started from.
 */
final class Inputs {
    /**
     * What was found. {@code missing} are configured directories that do not exist (a module without
     * postings); {@code notes} are things skipped on purpose (link loops); {@code errors} are paths
     * that could not be read.
     */
    record Found(List<InputFile> files, List<String> missing, List<String> notes, List<String> errors) {
    }

    private Inputs() {
    }

    static Found collect(Path basedir, List<String> sourceDirectories, Globs includes, Globs excludes) {
        Path base = basedir.toAbsolutePath().normalize();
        List<Path> existing = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String dir : sourceDirectories) {
            Path p = base.resolve(dir).normalize();
            if (Files.exists(p)) {
                existing.add(p);
            } else {
                missing.add(display(base, p));
            }
        }
        if (existing.isEmpty()) {
            return new Found(List.of(), List.copyOf(missing), List.of(), List.of());
        }
        InputCollector.Collected c = new InputCollector(includes, excludes).collect(existing);
        List<InputFile> files = c.files().stream()
                .map(f -> new InputFile(f.path(), display(base, f.path())))
                .sorted()
                .toList();
        return new Found(files, List.copyOf(missing), c.notes(), c.errors());
    }

    /** The path relative to the basedir with {@code /} separators, or absolute when outside it. */
    static String display(Path basedir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path shown = abs.startsWith(basedir) ? basedir.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }
}

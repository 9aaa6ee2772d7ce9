package dev.postinglint.maven;

import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.regex.Globs;
import dev.postinglint.core.session.Postings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a module's postings: the source directories (relative to the module's basedir) that exist, collected
 * by the session with reported paths relative to the basedir, whatever directory Maven was started from.
 */
final class Inputs {
    /**
     * What was found. {@code missing} are configured directories that do not exist (a module without
     * postings); the postings' notes are things skipped on purpose (link loops), their errors paths that
     * could not be read.
     */
    record Found(Postings postings, List<String> missing) {
        List<InputFile> files() {
            return postings.files();
        }

        List<String> notes() {
            return postings.notes();
        }

        List<String> errors() {
            return postings.errors();
        }
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
                missing.add(Postings.display(base, p));
            }
        }
        Postings postings = existing.isEmpty() ? new Postings(List.of(), List.of(), List.of(), includes.patterns())
                : Postings.collect(existing, includes.patterns(), excludes.patterns(), base);
        return new Found(postings, List.copyOf(missing));
    }
}

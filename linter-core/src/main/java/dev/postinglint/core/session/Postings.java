package dev.postinglint.core.session;

import dev.postinglint.core.input.InputCollector;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.input.InputKind;
import dev.postinglint.core.policy.PolicyResolver;
import dev.postinglint.core.regex.Globs;
import java.nio.file.Path;
import java.util.List;

/**
 * The postings a run works on: the files found, things skipped on purpose ({@code notes}, such as link
 * loops), paths that could not be read ({@code errors}), and the include patterns used (for the message
 * that nothing matched).
 */
public record Postings(List<InputFile> files, List<String> notes, List<String> errors, List<String> includes) {
    public Postings {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
        errors = List.copyOf(errors);
        includes = List.copyOf(includes);
    }

    /**
     * Walks {@code paths} (none: the working directory) for the files that match {@code includes} (none: the
     * core's defaults) and not {@code excludes}. With a {@code displayRoot}, reported paths are relative to it
     * (whatever the working directory) and in path order; without one they are as the paths were given.
     * A bad glob is a {@link SessionException}.
     */
    public static Postings collect(List<Path> paths, List<String> includes, List<String> excludes, Path displayRoot) {
        return collect(paths, includes, excludes, displayRoot, false);
    }

    /** As above; {@code followSymlinks}: follow links found in directories even when they lead outside them. */
    public static Postings collect(List<Path> paths, List<String> includes, List<String> excludes, Path displayRoot,
            boolean followSymlinks) {
        Globs inc;
        Globs exc;
        try {
            inc = new Globs(includes.isEmpty() ? InputKind.DEFAULT_INCLUDES : includes);
            exc = new Globs(excludes);
        } catch (IllegalArgumentException e) {
            throw new SessionException(e.getMessage(), e);
        }
        InputCollector.Collected c = new InputCollector(inc, exc, followSymlinks).collect(paths.isEmpty() ? List.of(Path.of(".")) : paths);
        List<InputFile> files = c.files();
        if (displayRoot != null) {
            Path root = displayRoot.toAbsolutePath().normalize();
            files = files.stream().map(f -> new InputFile(f.path(), display(root, f.path()))).sorted().toList();
        }
        return new Postings(files, c.notes(), c.errors(), inc.patterns());
    }

    /**
     * These postings without those their policy's {@code ignore:} globs name (templates, drafts): they are not
     * postings, so they are left out without a note, even when named on the command line (as ESLint's ignores).
     */
    public Postings withoutIgnored(PolicyResolver resolver) {
        List<InputFile> kept = files.stream().filter(f -> !resolver.policyFor(f.path()).ignores(f.path())).toList();
        return kept.size() == files.size() ? this : new Postings(kept, notes, errors, includes);
    }

    /** The path relative to {@code root} with {@code /} separators, or absolute when outside it. */
    public static String display(Path root, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path shown = abs.startsWith(root) ? root.relativize(abs) : abs;
        return dev.postinglint.core.source.Slashes.of(shown.toString());
    }
}

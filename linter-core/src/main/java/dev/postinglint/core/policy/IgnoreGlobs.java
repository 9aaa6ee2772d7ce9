package dev.postinglint.core.policy;

import dev.postinglint.core.regex.Globs;
import java.nio.file.Path;

/**
 * A policy file's {@code ignore:} globs: files under {@code baseDir} (the policy file's directory) that are not
 * postings (templates, drafts, fixtures). A glob names a file or any directory above it, relative to
 * {@code baseDir}: {@code templates/**}, {@code **}{@code /_*.html}, {@code drafts}.
 */
public record IgnoreGlobs(Path baseDir, Globs globs) {

    /** Whether {@code file} (any form; made absolute) is ignored. Files outside {@code baseDir} never are. */
    public boolean matches(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = baseDir.toAbsolutePath().normalize();
        if (!abs.startsWith(base) || abs.equals(base)) {
            return false;
        }
        Path rel = base.relativize(abs);
        for (int n = rel.getNameCount(); n >= 1; n--) {
            String part = rel.subpath(0, n).toString().replace('\\', '/');
            if (globs.matches(part) || (n < rel.getNameCount() && globs.matches(part + "/"))) {
                return true;
            }
        }
        return false;
    }
}

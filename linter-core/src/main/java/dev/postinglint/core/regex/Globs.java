package dev.postinglint.core.regex;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Include and exclude globs over paths relative to the directory being walked, with {@code /}
 * separators. As in most tools, a leading {@code **}{@code /} also matches at the top level, so
 * {@code **}{@code /*.html} matches {@code a.html}.
 */
public final class Globs {
    private final List<PathMatcher> matchers = new ArrayList<>();
    private final List<String> patterns;

    public Globs(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        for (String p : patterns) {
            String glob = p.strip().replace('\\', '/');
            if (glob.startsWith("./")) {
                glob = glob.substring(2);
            }
            try {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
                if (glob.startsWith("**/")) {
                    matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid glob '" + p + "': " + e.getMessage(), e);
            }
        }
    }

    public List<String> patterns() {
        return patterns;
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** Whether a relative path (with {@code /} separators) matches any of the globs. */
    public boolean matches(String relativePath) {
        Path p = Path.of(relativePath);
        for (PathMatcher m : matchers) {
            if (m.matches(p)) {
                return true;
            }
        }
        return false;
    }
}

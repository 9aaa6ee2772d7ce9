package dev.postinglint.core.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Globs mean what the JDK's glob: syntax means, and match in linear time. */
class GlobsTest {
    private static final List<String> GLOBS = List.of("*.html", "**/*.html", "**/*.{html,md}", "jobs/*", "jobs/**",
            "j?bs/a.md", "[a-c]*.md", "[!a-c]*.md", "**/draft-*", "a/**/b.html", "*", "**", "{a,b}/c", "a.b", "a+b(c)");
    private static final List<String> PATHS = List.of("a.html", "jobs/a.html", "jobs/x/a.md", "jobs", "jobs/a.md", "jabs/a.md",
            "b.md", "d.md", "x/draft-1.html", "a/b.html", "a/x/y/b.html", "x*y", "xzy", "a/c", "b/c", "c/c", "a.b", "axb", "a+b(c)");

    @Test
    void agreesWithTheJdkGlobMatcher() {
        for (String g : GLOBS) {
            var jdk = FileSystems.getDefault().getPathMatcher("glob:" + g);
            var jdkTop = g.startsWith("**/") ? FileSystems.getDefault().getPathMatcher("glob:" + g.substring(3)) : null;
            Globs ours = new Globs(List.of(g));
            for (String p : PATHS) {
                boolean expected = jdk.matches(Path.of(p)) || (jdkTop != null && jdkTop.matches(Path.of(p)));
                assertEquals(expected, ours.matches(p), g + " on " + p);
            }
        }
    }

    @Test
    void starsMatchANewlineInANameWhereTheJdksDoubleStarDoesNot() {
        // The JDK's '*' is [^/]* (newline included) but its '**' is .* without DOTALL: an oddity not kept.
        assertTrue(new Globs(List.of("**")).matches("new\nline.html"));
        assertTrue(new Globs(List.of("*.html")).matches("new\nline.html"));
        assertTrue(new Globs(List.of("**/*.html")).matches("d/new\nline.html"));
    }

    @Test
    void aGlobThatMakesJavaUtilRegexBacktrackMatchesInLinearTime() {
        Globs evil = new Globs(List.of("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c"));
        String name = "a".repeat(65) + ".html";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertFalse(evil.matches(name));
            assertFalse(evil.matches("dir/".repeat(1000) + "a".repeat(10_000)));
        });
        assertTrue(evil.matches("aaaaaaaaaaaaaac"));
    }

    @Test
    void malformedGlobsSayWhat() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Globs(List.of("{a,{b}}"))).getMessage().contains("nest"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Globs(List.of("[abc"))).getMessage().contains("']'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Globs(List.of("{a,b"))).getMessage().contains("'}'"));
        // Found by fuzzing the policy loader: a backwards range reached RE2/J and escaped as its own exception.
        IllegalArgumentException backwards = assertThrows(IllegalArgumentException.class, () -> new Globs(List.of("*.[g-A]")));
        assertTrue(backwards.getMessage().startsWith("invalid glob '*.[g-A]': invalid character class range 'g-A'"), backwards.getMessage());
    }
}

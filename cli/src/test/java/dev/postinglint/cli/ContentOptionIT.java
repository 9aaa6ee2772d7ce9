package dev.postinglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --content} and the policy's {@code content:} through the real jar. */
class ContentOptionIT {
    private static final String PAGE = """
            <!DOCTYPE html>
            <html><head><title>Engineer</title></head>
            <body>
            <nav class="site-nav"><a href="http://example.com/">Home</a></nav>
            <main><h1>Engineer</h1><p>Build things. See <a href="https://example.com/team">our team</a>.</p></main>
            <footer class="site-footer"><a href="http://example.com/legal">Legal</a></footer>
            </body></html>
            """;

    @TempDir
    Path dir;

    @Test
    void aWholePagesFurnitureIsLintedOnlyWhenAsked() throws IOException {
        Files.writeString(dir.resolve("page.html"), PAGE);
        Cli.Result auto = Cli.run(dir, "check", "--policy", "builtin:html-hygiene", "--min-severity", "info", "page.html");
        assertEquals(0, auto.exit(), auto.toString());
        assertFalse(auto.out().contains("pasted-class") || auto.out().contains("insecure-link"), auto.toString());
        Cli.Result whole = Cli.run(dir, "check", "--policy", "builtin:html-hygiene", "--min-severity", "info",
                "--content", "whole-file", "page.html");
        assertTrue(whole.out().contains("page.html:4:1: info [pasted-class]"), whole.toString());
        assertTrue(whole.out().contains("[insecure-link]"), whole.toString());
        // The policy says it; the command line overrides it.
        Files.writeString(dir.resolve(".posting-lint.yaml"), "name: site\nextends: builtin:html-hygiene\ncontent: whole-file\n");
        Cli.Result policy = Cli.run(dir, "check", "--min-severity", "info", "page.html");
        assertTrue(policy.out().contains("[pasted-class]"), policy.toString());
        Cli.Result overridden = Cli.run(dir, "check", "--min-severity", "info", "--content", "main", "page.html");
        assertFalse(overridden.out().contains("[pasted-class]"), overridden.toString());
    }

    @Test
    void aBadSelectorIsAUsageErrorWithTheReason() throws IOException {
        Files.writeString(dir.resolve("page.html"), PAGE);
        Cli.Result r = Cli.run(dir, "check", "--content", "div[[", "page.html");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--content: content selector 'div[[' is not a valid CSS selector"), r.toString());
    }
}

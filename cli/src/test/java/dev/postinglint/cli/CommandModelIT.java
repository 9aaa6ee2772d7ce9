package dev.postinglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The top-level command, {@code check} and {@code fix} build picocli's model in code (start-up: see {@link Specs});
 * users must not see a difference. The golden help texts are what picocli printed when these commands were read
 * from annotations (commit 2777a36); the errors are picocli's own, for each kind of option.
 */
class CommandModelIT {
    @TempDir
    Path tmp;

    @Test
    void helpIsWhatTheAnnotatedCommandsPrinted() throws IOException {
        assertHelp("top", "--help");
        assertHelp("top", "-h");
        assertHelp("check", "check", "--help");
        assertHelp("check", "help", "check");
        assertHelp("fix", "fix", "-h");
    }

    @Test
    void versions() {
        Cli.Result top = Cli.run(tmp, "--version");
        assertEquals(0, top.exit());
        assertEquals(true, top.out().startsWith("posting-lint "), top.out());
        Cli.Result check = Cli.run(tmp, "check", "-V");
        assertEquals(0, check.exit(), check.err());
        assertEquals("", check.out(), "a subcommand has no version of its own");
    }

    @Test
    void typedOptionsAreCheckedByPicocli() {
        assertUsageError("posting-lint: Invalid value for option '--threads': 'abc' is not an int\nTry 'posting-lint check --help'.\n",
                "check", "--threads", "abc", "x.html");
        assertUsageError("posting-lint: Invalid value for option '--color': expected one of [auto, always, never] (case-sensitive) but was 'purple'\n"
                + "Try 'posting-lint fix --help'.\n", "fix", "--color", "purple", "x.html");
        assertUsageError("posting-lint: Missing required parameter for option '--policy' (FILE|builtin:NAME)\nTry 'posting-lint check --help'.\n",
                "check", "--policy");
        assertUsageError("posting-lint: Unknown option: '--bogus'\nTry 'posting-lint fix --help'.\n", "fix", "--bogus");
    }

    @Test
    void repeatedAndDefaultedOptionsReachTheCommand() {
        // --exclude twice (a list), --fail-on defaulted to error, -o as a short option, a path list: the examples hold
        // errors, so the default --fail-on gives 1; excluding every file leaves nothing to check (2).
        Cli.Result r = Cli.run(tmp, "check", "--format", "json", "-o", tmp.resolve("out.json").toString(), Cli.EXAMPLES.toString());
        assertEquals(1, r.exit(), r.err());
        Cli.Result none = Cli.run(tmp, "check", "--exclude", "0*.html", "--exclude", "*.md", Cli.EXAMPLES.toString());
        assertEquals(2, none.exit(), none.err());
        Cli.Result never = Cli.run(tmp, "check", "--fail-on", "never", "--color", "never", "-q", Cli.EXAMPLES.resolve("000_50a907982d230e5a.html").toString());
        assertEquals(0, never.exit(), never.err());
    }

    private void assertHelp(String golden, String... args) throws IOException {
        String expected;
        try (InputStream in = CommandModelIT.class.getResourceAsStream("/golden/help-" + golden + ".txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Cli.Result r = Cli.run(tmp, args);
        assertEquals(0, r.exit(), r.err());
        assertEquals(expected, r.out(), String.join(" ", args));
    }

    private void assertUsageError(String expected, String... args) {
        Cli.Result r = Cli.run(tmp, args);
        assertEquals(2, r.exit(), r.err());
        assertEquals(expected, r.err());
    }
}

package dev.postinglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --stdin-filename PATH -}, with the real jar: the text on standard input is linted as if it were
 * PATH (its policy, its kind, its name in findings), as ESLint and Prettier do for editors and hooks.
 */
class StdinIT {
    @TempDir
    Path tmp;

    @BeforeEach
    void repository() throws IOException {
        // Two teams, two policies: which one applies depends on the directory PATH names.
        Files.createDirectories(tmp.resolve("sales"));
        Files.createDirectories(tmp.resolve("eng"));
        Files.writeString(tmp.resolve("sales/.posting-lint.yaml"), """
                name: sales
                rules:
                  - id: no-rockstar
                    type: forbid
                    severity: error
                    category: inclusive-language
                    message: "Avoid '{match}'"
                    pattern: '(?i)\\brockstar\\b'
                """);
        Files.writeString(tmp.resolve("eng/.posting-lint.yaml"), """
                name: eng
                rules:
                  - id: no-ninja
                    type: forbid
                    severity: warning
                    category: inclusive-language
                    pattern: '(?i)\\bninja\\b'
                """);
        // On disk the file is clean: the unsaved buffer on standard input is what gets linted.
        Files.writeString(tmp.resolve("sales/account-exec.html"), "<p>Clean.</p>\n");
    }

    @Test
    void theTextIsLintedAsThePathWithThatPathsPolicy() {
        String buffer = "<h1>Account executive</h1>\n<p>A rockstar ninja.</p>\n";
        Cli.Result sales = Cli.runWithInput(tmp, buffer, "check", "--stdin-filename", "sales/account-exec.html", "-");
        assertEquals(1, sales.exit(), sales.toString());
        assertTrue(sales.out().contains("sales/account-exec.html:2:6: error [no-rockstar] Avoid 'rockstar'"), sales.toString());
        assertFalse(sales.out().contains("no-ninja"), "the eng policy does not apply in sales/: " + sales);

        Cli.Result eng = Cli.runWithInput(tmp, buffer, "check", "--stdin-filename", "eng/not-saved-yet.html", "-");
        assertEquals(0, eng.exit(), "a warning does not reach --fail-on error: " + eng);
        assertTrue(eng.out().contains("eng/not-saved-yet.html:2:15: warning [no-ninja]"), "the file need not exist: " + eng);
    }

    @Test
    void theSuffixSaysMarkdownAndReportsNameThePath() {
        String markdown = "# Account executive\n\nA **rockstar** wanted.\n";
        Cli.Result r = Cli.runWithInput(tmp, markdown, "check", "--stdin-filename", "sales/draft.md", "--format", "json", "-");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("\"path\" : \"sales/draft.md\""), r.toString());
        assertTrue(r.out().contains("\"line\" : 3"), "Markdown positions are the source's: " + r);
    }

    @Test
    void misuseIsAUsageErrorThatSaysWhatToDo() {
        Cli.Result dashAlone = Cli.runWithInput(tmp, "<p>x</p>", "check", "-");
        assertEquals(2, dashAlone.exit(), dashAlone.toString());
        assertTrue(dashAlone.err().contains("'-' reads standard input and needs --stdin-filename PATH"), dashAlone.toString());

        Cli.Result noDash = Cli.runWithInput(tmp, "<p>x</p>", "check", "--stdin-filename", "sales/a.html", "sales");
        assertEquals(2, noDash.exit(), noDash.toString());
        assertTrue(noDash.err().contains("--stdin-filename needs '-' as the only PATH"), noDash.toString());

        Cli.Result json = Cli.runWithInput(tmp, "{}", "check", "--stdin-filename", "sales/export.json", "-");
        assertEquals(2, json.exit(), json.toString());
        assertTrue(json.err().contains("board exports (.json) are read from files"), json.toString());
    }

    @Test
    void tooMuchTextOrBadBytesAreInputErrorFindings() {
        // As for a file on disk: an input-error finding at error level (exit 1), not a crash or a silent pass.
        Cli.Result big = Cli.runWithInput(tmp, "<p>" + "a".repeat(2000) + "</p>", "check", "--max-file-size", "1K",
                "--stdin-filename", "sales/a.html", "-");
        assertEquals(1, big.exit(), big.toString());
        assertTrue(big.out().contains("sales/a.html:1:1: error [input-error] sales/a.html: standard input is too large"), big.toString());
        Cli.Result utf16 = Cli.runWithInput(tmp, "\ufeff<p>x</p>", "check", "--stdin-filename", "sales/a.html", "-");
        assertEquals(0, utf16.exit(), "a UTF-8 byte order mark is stripped, as from a file: " + utf16);
    }
}

package dev.postinglint.core.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The dry-run diff: what patch needs to apply it exactly (CRLF kept, missing final newline marked). */
class UnifiedDiffTest {
    @Test
    void aChangedLastLineWithoutNewlineIsMarked() {
        assertEquals("""
                --- a/p.html
                +++ b/p.html
                @@ -1,2 +1,2 @@
                 <h1>T</h1>
                -<p>rockstar</p>
                \\ No newline at end of file
                +<p>engineer</p>
                \\ No newline at end of file
                """, UnifiedDiff.of("p.html", "<h1>T</h1>\n<p>rockstar</p>", "<h1>T</h1>\n<p>engineer</p>"));
    }

    @Test
    void crlfLineEndsStayOnTheLinesAndSameTextGivesNoDiff() {
        assertEquals("--- a/p.html\n+++ b/p.html\n@@ -1,2 +1,2 @@\n-<p>a</p>\r\n+<p>b</p>\r\n <p>c</p>\r\n",
                UnifiedDiff.of("p.html", "<p>a</p>\r\n<p>c</p>\r\n", "<p>b</p>\r\n<p>c</p>\r\n"));
        assertEquals("", UnifiedDiff.of("p.html", "x\n", "x\n"));
    }
}

package dev.postinglint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void controlAndBidiCharactersBecomeVisibleEscapes() {
        assertEquals("evil\\x1b[2Jname\\x0asplit.html", TerminalText.safe("evil\u001b[2Jname\nsplit.html"));
        assertEquals("a\\x7fb\\x9bc\\x09", TerminalText.safe("a\u007fb\u009bc\t"));
        assertEquals("invoice\\u202elmth.exe", TerminalText.safe("invoice\u202elmth.exe"));
    }

    @Test
    void messagesMayKeepTheirLineBreaksAndTabs() {
        assertEquals("line1\r\nline2\tx \\x1b[31m \\u2066", TerminalText.safeKeepingLines("line1\r\nline2\tx \u001b[31m \u2066"));
    }

    @Test
    void ordinaryNamesBackslashesAndNonAsciiAreKeptAsTheyAre() {
        String name = "back\\slash caf\u00e9 \uD83D\uDE00.html";
        assertSame(name, TerminalText.safe(name));
    }
}

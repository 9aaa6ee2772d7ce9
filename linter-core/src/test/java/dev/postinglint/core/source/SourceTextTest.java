package dev.postinglint.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SourceTextTest {
    @Test
    void positionsCountLinesOnLfCrLfAndLoneCr() {
        SourceText s = new SourceText("t", "ab\ncd\r\nef\rgh");
        assertEquals(new Position(1, 1), s.positionOf(0));
        assertEquals(new Position(1, 3), s.positionOf(2)); // the \n itself ends line 1
        assertEquals(new Position(2, 1), s.positionOf(3));
        assertEquals(new Position(2, 3), s.positionOf(5)); // \r of \r\n
        assertEquals(new Position(3, 1), s.positionOf(7));
        assertEquals(new Position(4, 1), s.positionOf(10));
        assertEquals(new Position(4, 3), s.positionOf(12)); // end of text
        assertEquals(4, s.lineCount());
        assertEquals("cd", s.lineText(2));
        assertEquals("gh", s.lineText(4));
    }

    @Test
    void columnsCountUtf16Units() {
        // U+1F600 is two UTF-16 units: the character after it is at column 4.
        SourceText s = new SourceText("t", "a\uD83D\uDE00b");
        assertEquals(new Position(1, 4), s.positionOf(3));
    }

    @Test
    void offsetsOutsideTheTextAreRejected() {
        SourceText s = new SourceText("t", "abc");
        assertThrows(IndexOutOfBoundsException.class, () -> s.positionOf(4));
        assertThrows(IndexOutOfBoundsException.class, () -> s.positionOf(-1));
    }

    @Test
    void sourceLineIsAWindowOnLongLines() {
        String line = "x".repeat(500) + "TARGET" + "y".repeat(500);
        SourceText s = new SourceText("t", line);
        SourceLine l = SourceLine.around(s, new Position(1, 501));
        assertEquals(501 - 60, l.startColumn());
        assertEquals("TARGET", l.text().substring(60, 66));
    }

    /** The line index found with indexOf is the one found by looking at every character: random texts of \n, \r\n and lone \r. */
    @Test
    void lineIndexIsTheCharacterByCharacterOne() {
        String[] pieces = {"a", "bc", "\n", "\r", "\r\n", "\n\r", "\u00e9"};
        java.util.Random random = new java.util.Random(16);
        for (int t = 0; t < 3_000; t++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = text.toString();
            java.util.List<Integer> expected = new java.util.ArrayList<>(java.util.List.of(0));
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                    expected.add(i + 1);
                }
            }
            assertEquals(expected, java.util.Arrays.stream(SourceText.indexLines(s)).boxed().toList(), s);
        }
    }
}

package dev.postinglint.core.source;

import java.util.Arrays;

/**
 * The decoded text of one input file with a line index, so that any UTF-16 offset maps to a
 * line and column. Line breaks are {@code \n}, {@code \r\n} and a lone {@code \r}, as editors count them.
 */
public final class SourceText {
    private final String name;
    private final String text;
    private final int[] lineStarts;
    private final boolean hadBom;

    public SourceText(String name, String text, boolean hadBom) {
        this.name = name;
        this.text = text;
        this.hadBom = hadBom;
        this.lineStarts = indexLines(text);
    }

    public SourceText(String name, String text) {
        this(name, text, false);
    }

    /**
     * The offset where each line starts. Speed: line breaks are found with {@link String#indexOf(int, int)}
     * (vectorized by the JIT) rather than by looking at every character; a text without {@code \r}, as
     * nearly every posting is, needs one search per line.
     */
    static int[] indexLines(String text) {
        int[] starts = new int[16];
        int count = 1;
        int n = text.length();
        int nextCr = text.indexOf('\r');
        int nextLf = text.indexOf('\n');
        while (nextLf >= 0 || nextCr >= 0) {
            int end;
            if (nextCr < 0 || nextLf >= 0 && nextLf < nextCr) {
                end = nextLf + 1;
            } else {
                end = nextCr + 1 < n && text.charAt(nextCr + 1) == '\n' ? nextCr + 2 : nextCr + 1;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = end;
            if (nextLf >= 0 && nextLf < end) {
                nextLf = text.indexOf('\n', end);
            }
            if (nextCr >= 0 && nextCr < end) {
                nextCr = text.indexOf('\r', end);
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** The display name of the input, usually its path. */
    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** Whether the file started with a byte-order mark (stripped from {@link #text()}). */
    public boolean hadBom() {
        return hadBom;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The position of a UTF-16 offset; an offset at the very end maps just past the last character. */
    public Position positionOf(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside 0.." + text.length());
        }
        int idx = Arrays.binarySearch(lineStarts, offset);
        int line = idx >= 0 ? idx : -idx - 2;
        return new Position(line + 1, offset - lineStarts[line] + 1);
    }

    public SourceSpan span(int startOffset, int endOffset) {
        return new SourceSpan(startOffset, endOffset, positionOf(startOffset), positionOf(endOffset));
    }

    /** The offset of the start of a 1-based line. */
    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** The text of a 1-based line without its line break. */
    public String lineText(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }
}

package dev.postinglint.core.source;

import java.util.Objects;

/**
 * The source line a finding starts on, cut to a window around it for display: {@code text} begins at
 * 1-based column {@code startColumn} of the line. Lines of minified HTML can be very long.
 */
public record SourceLine(String text, int startColumn) {
    public static final SourceLine NONE = new SourceLine("", 1);
    private static final int BEFORE = 60;
    private static final int AFTER = 140;

    public static SourceLine around(SourceText source, Position at) {
        if (at.line() > source.lineCount()) {
            return NONE;
        }
        // Speed: works on offsets into the source and copies only the window, never the whole line
        // (a minified posting is one long line, and it has many findings). Same result as cutting
        // source.lineText(line).
        String text = source.text();
        int lineStart = source.lineStart(at.line());
        int lineEnd = at.line() < source.lineCount() ? source.lineStart(at.line() + 1) : text.length();
        while (lineEnd > lineStart && (text.charAt(lineEnd - 1) == '\n' || text.charAt(lineEnd - 1) == '\r')) {
            lineEnd--;
        }
        int length = lineEnd - lineStart;
        int from = Math.max(0, at.column() - 1 - BEFORE);
        int to = Math.min(length, at.column() - 1 + AFTER);
        if (from > 0 && from < length && Character.isLowSurrogate(text.charAt(lineStart + from))) {
            from--;
        }
        if (to < length && to > 0 && Character.isHighSurrogate(text.charAt(lineStart + to - 1))) {
            to++;
        }
        return new SourceLine(text.substring(lineStart + from, lineStart + Math.max(from, to)), from + 1);
    }

    // equals and hashCode written out, with the values the generated ones have (31 * h + each component's hash,
    // in order): a record's generated methods are linked by invokedynamic on first use, which cost a cold one-file
    // check tens of ms of CPU (docs/BENCHMARKS.md, "Round 8: cold start on Java 17").
    @Override
    public boolean equals(Object other) {
        return other instanceof SourceLine o && Objects.equals(text, o.text)
                && startColumn == o.startColumn;
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(text);
        h = 31 * h + Integer.hashCode(startColumn);
        return h;
    }
}

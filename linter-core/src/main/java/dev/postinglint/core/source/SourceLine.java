package dev.postinglint.core.source;

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
}

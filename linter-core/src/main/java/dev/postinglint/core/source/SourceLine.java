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
        String line = source.lineText(at.line());
        int from = Math.max(0, at.column() - 1 - BEFORE);
        int to = Math.min(line.length(), at.column() - 1 + AFTER);
        if (from > 0 && Character.isLowSurrogate(line.charAt(from))) {
            from--;
        }
        if (to < line.length() && to > 0 && Character.isHighSurrogate(line.charAt(to - 1))) {
            to++;
        }
        return new SourceLine(line.substring(from, Math.max(from, to)), from + 1);
    }
}

package dev.postinglint.core.posting;

import dev.postinglint.core.regex.PolicyPattern;
import dev.postinglint.core.source.SourceSpan;
import dev.postinglint.core.source.SourceText;

/**
 * The readable text of a posting as rules see it: entities decoded, inline tags removed, runs of
 * white space (including {@code &nbsp;}) folded to one space, and block boundaries as {@code \n}.
 * Every character keeps the source range it came from, so a match found in this text maps back to
 * the exact line and column in the file, even when it spans entities or inline tags.
 */
public final class TextView implements PolicyPattern.Text {
    private final SourceText source;
    private final String text;
    /** Where each character came from, by runs. */
    private final OffsetRuns offsets;
    /** The text folded for literal search ({@link PolicyPattern#fold}), made on first use. */
    private String folded;
    /** The longest runs of white space and of digits ({@link PolicyPattern#runs}), made on first use. */
    private int[] runs;

    TextView(SourceText source, String text, OffsetRuns offsets) {
        if (offsets.length() != text.length()) {
            throw new IllegalArgumentException("offsets for " + offsets.length() + " characters, text of " + text.length());
        }
        this.source = source;
        this.text = text;
        this.offsets = offsets;
    }

    /** The offsets' runs: for the tests and benchmarks. */
    OffsetRuns offsets() {
        return offsets;
    }

    public SourceText source() {
        return source;
    }

    public String text() {
        return text;
    }

    /**
     * The text folded for the regex prefilter (ASCII lower case, index for index), computed once.
     * A posting is used by one thread at a time; a race would only compute the same string twice.
     */
    @Override
    public String folded() {
        String f = folded;
        if (f == null) {
            f = PolicyPattern.fold(text);
            folded = f;
        }
        return f;
    }

    /** The longest runs of RE2 white space, of digits and of word characters in the text ({@link PolicyPattern#runs}), computed once. */
    @Override
    public int[] runs() {
        int[] r = runs;
        if (r == null) {
            r = PolicyPattern.runs(text);
            runs = r;
        }
        return r;
    }

    public int length() {
        return text.length();
    }

    /** The source offset where the character at {@code index} starts. */
    public int sourceStart(int index) {
        return offsets.start(index);
    }

    /** The source offset just after the character at {@code index}. */
    public int sourceEnd(int index) {
        return offsets.end(index);
    }

    /** The source span covered by the text range {@code [start, end)}; an empty range maps to a point. */
    public SourceSpan sourceSpan(int start, int end) {
        if (start < 0 || end > text.length() || start > end) {
            throw new IndexOutOfBoundsException(start + ".." + end + " outside 0.." + text.length());
        }
        if (start == end) {
            int at = start < text.length() ? offsets.start(start)
                    : text.isEmpty() ? 0 : offsets.end(text.length() - 1);
            return source.span(at, at);
        }
        int from = offsets.start(start);
        return source.span(from, Math.max(from, offsets.end(end - 1)));
    }

    /** The whole view as a region. */
    public TextRegion whole() {
        return new TextRegion(this, 0, text.length());
    }

    public TextRegion region(int start, int end) {
        return new TextRegion(this, start, end);
    }
}

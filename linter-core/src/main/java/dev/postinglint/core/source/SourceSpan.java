package dev.postinglint.core.source;

/**
 * A half-open range {@code [start, end)} of UTF-16 offsets into a source text, with the line and
 * column of both ends. {@code end} is exclusive: it is the position just after the last character.
 */
public record SourceSpan(int startOffset, int endOffset, Position start, Position end) {
    public SourceSpan {
        if (startOffset < 0 || endOffset < startOffset) {
            throw new IllegalArgumentException("bad span " + startOffset + ".." + endOffset);
        }
    }

    public int length() {
        return endOffset - startOffset;
    }
}

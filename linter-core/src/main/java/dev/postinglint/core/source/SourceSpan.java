package dev.postinglint.core.source;

import java.util.Objects;

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

    // equals and hashCode written out, with the values the generated ones have (31 * h + each component's hash,
    // in order): a record's generated methods are linked by invokedynamic on first use, which cost a cold one-file
    // check tens of ms of CPU (docs/BENCHMARKS.md, "Round 8: cold start on Java 17").
    @Override
    public boolean equals(Object other) {
        return other instanceof SourceSpan o && startOffset == o.startOffset
                && endOffset == o.endOffset
                && Objects.equals(start, o.start)
                && Objects.equals(end, o.end);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Integer.hashCode(startOffset);
        h = 31 * h + Integer.hashCode(endOffset);
        h = 31 * h + Objects.hashCode(start);
        h = 31 * h + Objects.hashCode(end);
        return h;
    }
}

package dev.postinglint.core.posting;

import dev.postinglint.core.source.SourceSpan;

/** A part {@code [start, end)} of a posting's {@link TextView}: what a scope hands to a rule. */
public record TextRegion(TextView view, int start, int end) {
    public TextRegion {
        if (start < 0 || end > view.length() || start > end) {
            throw new IndexOutOfBoundsException(start + ".." + end);
        }
    }

    /** The region's text; index 0 is {@link #start()} in the view. */
    public String text() {
        return view.text().substring(start, end);
    }

    public boolean isEmpty() {
        return start == end;
    }

    /** The source span of a range given relative to this region. */
    public SourceSpan sourceSpan(int relativeStart, int relativeEnd) {
        return view.sourceSpan(start + relativeStart, start + relativeEnd);
    }

    public boolean contains(TextRegion other) {
        return other.view == view && other.start >= start && other.end <= end;
    }
}

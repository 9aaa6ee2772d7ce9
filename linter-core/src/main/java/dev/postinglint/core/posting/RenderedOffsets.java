package dev.postinglint.core.posting;

import dev.postinglint.core.source.SourceSpan;
import dev.postinglint.core.source.SourceText;
import java.util.Arrays;

/**
 * For HTML rendered from another source format (Markdown), where each rendered character came from:
 * the source range {@code [start(r), end(r))} of rendered offset {@code r}. Text characters map to
 * the characters they were written as (a backslash escape or an entity covers its whole spelling);
 * the first character of a start tag the renderer wrote maps to the first line of the construct that
 * produced it (recorded as the tag was written: {@code ![alt](src)} for an {@code <img>}, the
 * {@code ## Benefits} line for an {@code <h2>}); other markup maps to a point, the next mapped
 * character's start.
 */
final class RenderedOffsets {
    private final int[] start;
    private final int[] end;

    private RenderedOffsets(int[] start, int[] end) {
        this.start = start;
        this.end = end;
    }

    /** Collects mappings while rendering; unmapped offsets are filled in by {@link #finish}. */
    static final class Recorder {
        private int[] start = new int[1024];
        private int[] end = new int[1024];

        private void ensure(int n) {
            if (n > start.length) {
                int size = Math.max(n, start.length * 2);
                int old = start.length;
                start = Arrays.copyOf(start, size);
                end = Arrays.copyOf(end, size);
                Arrays.fill(start, old, size, -1);
                Arrays.fill(end, old, size, -1);
            }
        }

        Recorder() {
            Arrays.fill(start, -1);
            Arrays.fill(end, -1);
        }

        /** Rendered offsets {@code [from, to)} all stand for the source range {@code [s, e)}. */
        void map(int from, int to, int s, int e) {
            ensure(to);
            for (int r = from; r < to; r++) {
                start[r] = s;
                end[r] = e;
            }
        }

        /** A tag about to be written at rendered offset {@code at} comes from the source range {@code [s, e)}. */
        void tag(int at, int s, int e) {
            ensure(at + 1);
            if (start[at] < 0) {
                start[at] = s;
                end[at] = e;
            }
        }

        RenderedOffsets finish(int renderedLength) {
            ensure(renderedLength + 1);
            int[] s = Arrays.copyOf(start, renderedLength + 1);
            int[] e = Arrays.copyOf(end, renderedLength + 1);
            // Unmapped offsets take the next mapped character's start; trailing ones the last end.
            int next = -1;
            for (int r = renderedLength; r >= 0; r--) {
                if (s[r] >= 0) {
                    next = s[r];
                } else if (next >= 0) {
                    s[r] = next;
                    e[r] = next;
                }
            }
            int prev = 0;
            for (int r = 0; r <= renderedLength; r++) {
                if (s[r] >= 0) {
                    prev = Math.max(prev, e[r]);
                } else {
                    s[r] = prev;
                    e[r] = prev;
                }
            }
            return new RenderedOffsets(s, e);
        }
    }

    /** The source span of the rendered range {@code [from, to)}. */
    SourceSpan span(SourceText source, int from, int to) {
        int s = start[from];
        int e = to > from ? Math.max(end[from], end[to - 1]) : s;
        return source.span(s, Math.max(s, e));
    }

    /** The same text view with every character's range moved from rendered to source offsets. */
    TextView remap(TextView rendered, SourceText source) {
        int n = rendered.length();
        OffsetRuns.Builder runs = new OffsetRuns.Builder(16);
        for (int i = 0; i < n; i++) {
            int rs = rendered.sourceStart(i);
            int re = rendered.sourceEnd(i);
            int s = start[rs];
            runs.add(s, re > rs ? Math.max(s, end[re - 1]) : s);
        }
        return new TextView(source, rendered.text(), runs.build());
    }
}

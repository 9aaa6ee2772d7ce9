package dev.postinglint.core.posting;

import java.util.Arrays;

/**
 * Where each character of a {@link TextView} came from in the source, kept as runs rather than as an
 * offset pair per character: most of a view is text copied as it is, where character {@code i} of a run
 * comes from source offset {@code base + i}, so a run of them is one entry. An identity run's character
 * {@code k} covers the source range {@code [source(r) + k, source(r) + k + 1)}; every character of any
 * other run (a space that folded a run of white space, an entity's characters, a line break between
 * blocks) covers the same range {@code [source(r), end(r))}. Speed: building a view writes one entry per
 * run instead of eight bytes per character, and the view keeps a few hundred entries instead of two
 * arrays as long as its text; a character's offsets are found by a binary search over the runs, which
 * only findings and field values ask for.
 */
final class OffsetRuns {
    /** {@link #ends}' value for an identity run. */
    private static final int IDENTITY = -1;

    /** The view index of each run's first character, ascending; the first run starts at 0. */
    private final int[] firsts;
    /** The source offset of each run's first character. */
    private final int[] sources;
    /** Where every character of a run ends in the source, or {@link #IDENTITY}. */
    private final int[] ends;
    private final int count;
    /** The view's length: the last run ends there. */
    private final int length;

    private OffsetRuns(int[] firsts, int[] sources, int[] ends, int count, int length) {
        this.firsts = firsts;
        this.sources = sources;
        this.ends = ends;
        this.count = count;
        this.length = length;
    }

    int length() {
        return length;
    }

    /** How many runs: for the tests and benchmarks. */
    int runCount() {
        return count;
    }

    /** The source offset where view character {@code index} starts. */
    int start(int index) {
        int r = runOf(index);
        return ends[r] == IDENTITY ? sources[r] + index - firsts[r] : sources[r];
    }

    /** The source offset just after view character {@code index}. */
    int end(int index) {
        int r = runOf(index);
        return ends[r] == IDENTITY ? sources[r] + index - firsts[r] + 1 : ends[r];
    }

    private int runOf(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " outside 0.." + length);
        }
        int lo = 0;
        int hi = count - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (firsts[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * Collects the runs character by character, as a view is built: consecutive characters that continue
     * an identity run, or share a non-identity run's range, only make it longer.
     */
    static final class Builder {
        private int[] firsts;
        private int[] sources;
        private int[] ends;
        private int count;
        private int length;

        Builder(int capacity) {
            firsts = new int[capacity];
            sources = new int[capacity];
            ends = new int[capacity];
        }

        /** A builder that reuses the arrays of {@code previous} (its runs are dropped). */
        Builder(Builder previous) {
            firsts = previous.firsts;
            sources = previous.sources;
            ends = previous.ends;
        }

        int capacity() {
            return firsts.length;
        }

        int length() {
            return length;
        }

        /** The next {@code n} view characters come from source offsets {@code source .. source + n - 1}, one each. */
        void identity(int source, int n) {
            if (n <= 0) {
                return;
            }
            int last = count - 1;
            if (last < 0 || ends[last] != IDENTITY || sources[last] + length - firsts[last] != source) {
                newRun(source, IDENTITY);
            }
            length += n;
        }

        /** The next view character covers the source range {@code [start, end)}. */
        void add(int start, int end) {
            if (end == start + 1) {
                identity(start, 1);
                return;
            }
            int last = count - 1;
            if (last < 0 || ends[last] != end || sources[last] != start) {
                newRun(start, end);
            }
            length++;
        }

        /** Where the last character added ends in the source. */
        int lastEnd() {
            int last = count - 1;
            return ends[last] == IDENTITY ? sources[last] + length - firsts[last] : ends[last];
        }

        /** The last character added now ends at {@code end} in the source (a folded space grows over the white space it replaces). */
        void setLastEnd(int end) {
            int last = count - 1;
            int index = length - 1;
            if (firsts[last] == index) {
                ends[last] = end == sources[last] + 1 ? IDENTITY : end; // the run is this one character
                return;
            }
            int start = ends[last] == IDENTITY ? sources[last] + index - firsts[last] : sources[last];
            length--;
            newRun(start, IDENTITY);
            length++;
            ends[count - 1] = end == start + 1 ? IDENTITY : end;
        }

        private void newRun(int source, int end) {
            if (count == firsts.length) {
                int n = Math.max(16, count * 2);
                firsts = Arrays.copyOf(firsts, n);
                sources = Arrays.copyOf(sources, n);
                ends = Arrays.copyOf(ends, n);
            }
            firsts[count] = length;
            sources[count] = source;
            ends[count] = end;
            count++;
        }

        /** The runs collected, in arrays of their own (the builder's may be reused). */
        OffsetRuns build() {
            return new OffsetRuns(Arrays.copyOf(firsts, count), Arrays.copyOf(sources, count), Arrays.copyOf(ends, count),
                    count, length);
        }
    }
}

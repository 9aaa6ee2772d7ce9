package dev.postinglint.core.text;

/** Searches in sorted arrays of offsets (literal occurrences, word starts). */
public final class SortedInts {
    private SortedInts() {
    }

    /** The index of the first of {@code a[0..n)} (sorted) that is at least {@code from}; {@code n} when none is. */
    public static int firstAtOrAfter(int[] a, int n, int from) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

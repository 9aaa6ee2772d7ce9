package dev.postinglint.core.rules;

/**
 * One copy of each text for a whole run, shared by every posting (and every consistency rule) that keeps it:
 * a whole-corpus run keeps some 100,000 texts of postings until its end, most of them boilerplate that many
 * postings repeat. Thread-safe: the engine's workers observe postings concurrently; the table is split into segments, each
 * locked on its own (two workers seldom want the same one).
 */
final class TextInterner {
    private static final int SEGMENTS = 64; // a power of two

    private final Segment[] segments = new Segment[SEGMENTS];

    TextInterner() {
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment();
        }
    }

    /** The run's copy of {@code s}: an equal text already there, else {@code s} itself, added. */
    String intern(String s) {
        int h = hash(s);
        return segment(h).intern(h, s);
    }

    /** How many texts are kept. */
    int size() {
        int n = 0;
        for (Segment s : segments) {
            synchronized (s) {
                n += s.size;
            }
        }
        return n;
    }

    private Segment segment(int h) {
        return segments[(h * 0x9E3779B9) >>> 26]; // the mixed hash's top 6 bits: SEGMENTS = 64
    }

    /**
     * A hash of the text's characters in four interleaved sums: {@link String#hashCode} is one chain of
     * multiply-adds, a character at a time; four independent chains run side by side (the texts run to
     * thousands of characters).
     */
    static int hash(String s) {
        int n = s.length();
        int h0 = 0;
        int h1 = 0;
        int h2 = 0;
        int h3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            h0 = 31 * h0 + s.charAt(i);
            h1 = 31 * h1 + s.charAt(i + 1);
            h2 = 31 * h2 + s.charAt(i + 2);
            h3 = 31 * h3 + s.charAt(i + 3);
        }
        for (; i < n; i++) {
            h0 = 31 * h0 + s.charAt(i);
        }
        return ((h0 * 0x01000193 + h1) * 0x01000193 + h2) * 0x01000193 + h3 + n;
    }

    /** One part of the table: open addressing over the texts' hashes, at most half full. */
    private static final class Segment {
        private String[] texts = new String[256];
        private int[] hashes = new int[256];
        private int size;

        synchronized String intern(int h, String s) {
            int mask = texts.length - 1;
            int slot = (h * 0x9E3779B9) & mask;
            for (String t = texts[slot]; t != null; t = texts[slot]) {
                if (hashes[slot] == h && t.equals(s)) {
                    return t;
                }
                slot = (slot + 1) & mask;
            }
            texts[slot] = s;
            hashes[slot] = h;
            if (++size * 2 > texts.length) {
                grow();
            }
            return s;
        }

        private void grow() {
            String[] oldTexts = texts;
            int[] oldHashes = hashes;
            texts = new String[oldTexts.length * 2];
            hashes = new int[oldTexts.length * 2];
            int mask = texts.length - 1;
            for (int i = 0; i < oldTexts.length; i++) {
                if (oldTexts[i] != null) {
                    int slot = (oldHashes[i] * 0x9E3779B9) & mask;
                    while (texts[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    texts[slot] = oldTexts[i];
                    hashes[slot] = oldHashes[i];
                }
            }
        }
    }
}

package dev.postinglint.core.rules;

/**
 * One consistency group of a run (a heading's key, a paragraph's leading words) and one copy of each text its
 * blocks keep: a whole-corpus run keeps some 155,000 blocks until its end, half of their text boilerplate that
 * many postings repeat. Only texts of the same group are ever compared, so each group keeps its own: a group
 * holds a few distinct texts (the largest of the corpus some 2,000), found again by their length and a character
 * or two, then {@code equals}; no text is hashed whole, and no run-wide table is probed or grown.
 *
 * <p>Thread-safe: the engine's workers observe postings concurrently. Finding a text takes no lock and writes
 * nothing (most blocks of a group repeat a text it has, and two workers often read the same group); adding one
 * locks the group.
 */
final class GroupTexts {
    /** The texts and the index over them; replaced by a larger one when full, never changed below {@link #size}. */
    private static final class Table {
        final String[] texts;
        /**
         * Open addressing on {@link #shape}: a text's shape in the high 32 bits, its index + 1 in the low ones, 0 free;
         * at most half full. Speed: a slot of another shape is passed over without reading its text, and growing
         * re-inserts the slots without reading any text (each read a cache miss: a group's texts lie all over the heap).
         */
        final long[] slots;

        Table(int capacity) {
            texts = new String[capacity];
            slots = new long[capacity * 2];
        }
    }

    private final String key;
    private volatile Table table = new Table(2);
    /** How many texts there are: written after the text (and a larger table), so a reader that sees it sees them. */
    private volatile int size;

    GroupTexts(String key) {
        this.key = key;
    }

    /** The group's key: the first copy, shared by every block of the group. */
    String key() {
        return key;
    }

    /** How many distinct texts the group keeps. */
    int size() {
        return size;
    }

    /** The group's copy of {@code s}: an equal text it keeps already, else {@code s} itself, added. */
    String keep(String s) {
        int n = size; // read before the table: every text below n is in it and visible
        int shape = shape(s);
        String found = find(table, n, shape, s);
        if (found != null) {
            return found;
        }
        synchronized (this) {
            int m = size;
            Table t = table;
            if (m > n) {
                found = find(t, m, shape, s); // added by another worker meanwhile
                if (found != null) {
                    return found;
                }
            }
            if (m == t.texts.length) {
                t = grown(t, m);
                table = t;
            }
            t.texts[m] = s;
            insert(t.slots, shape, m);
            size = m + 1;
            return s;
        }
    }

    /** The text equal to {@code s} among the first {@code n}, or null. Entries from {@code n} on may be half written: skipped. */
    private static String find(Table t, int n, int shape, String s) {
        long[] slots = t.slots;
        int mask = slots.length - 1;
        for (int i = mix(shape) & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                return null;
            }
            int e = (int) slot;
            if (e <= n && (int) (slot >>> 32) == shape) {
                String c = t.texts[e - 1];
                if (c.length() == s.length() && c.equals(s)) {
                    return c;
                }
            }
        }
    }

    private static void insert(long[] slots, int shape, int index) {
        insert(slots, (long) shape << 32 | (index + 1));
    }

    private static void insert(long[] slots, long slot) {
        int mask = slots.length - 1;
        int i = mix((int) (slot >>> 32)) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = slot;
    }

    /** A table twice the size with the first {@code n} texts (every text the caller, holding the lock, has added). */
    private static Table grown(Table t, int n) {
        Table g = new Table(t.texts.length * 2);
        System.arraycopy(t.texts, 0, g.texts, 0, n);
        for (long slot : t.slots) {
            if (slot != 0) {
                insert(g.slots, slot);
            }
        }
        return g;
    }

    /**
     * What tells a group's texts apart at a glance, in constant time: the length and the characters in the middle
     * and at the end. A group's variants are near copies, so most differ in length; the rest are told apart by
     * {@code equals}.
     */
    static int shape(String s) {
        int n = s.length();
        return n == 0 ? 0 : (n * 31 + s.charAt(n >>> 1)) * 31 + s.charAt(n - 1);
    }

    private static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}

package dev.postinglint.core.regex;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ahocorasick.trie.PayloadTrie;

/**
 * Every literal that a policy's patterns need (the literals one of which each match must contain,
 * and those a match must start with: see {@link RegexPrefilter} and {@link AnchoredScan}) in one
 * Aho-Corasick automaton, built once when the policy loads. One pass of it over a posting's folded
 * text ({@link #index}) finds every occurrence of every literal, so the rules' patterns no longer each
 * scan the posting for their own literals: they look their occurrences up and run RE2/J only there.
 * A pattern compiled outside the policy (not given to {@link #of}) is simply not indexed and searches
 * as before. Immutable; shared by all worker threads.
 *
 * <p>The automaton is a flat table ({@link Flat}: one row of next states per state, one column per
 * character that occurs in a literal) when that fits in {@link #FLAT_BUDGET} entries, which the
 * shipped packs do many times over; a policy of many thousands of phrases uses {@code org.ahocorasick}'s
 * trie, which walks a map of boxed characters per character of the text and so costs several times more.
 */
public final class PolicyMatcher {
    /** A matcher that knows no literal: every pattern searches on its own. */
    public static final PolicyMatcher NONE = new PolicyMatcher(List.of());

    /**
     * Shorter literals ("a", "/", "is") occur all over a posting: recording every occurrence costs more
     * than the searches' own lazy {@code indexOf}, which stops at the first one in a region. They stay unindexed.
     */
    static final int MIN_LENGTH = 3;

    private final Map<String, Integer> ids;
    private final List<String> literals;
    /** The most entries (states times characters, padded to a power of two) a {@link Flat} table may have: 4 M chars, 8 MB. */
    static final long FLAT_BUDGET = 1L << 22;

    /** The flat automaton over the folded literals, or null (none, or too large: see {@link #trie}). */
    private final Flat flat;
    /** Without a flat table: the trie over the folded literals (null when there are none); the payload is the literal's id. */
    private final PayloadTrie<Integer> trie;

    private PolicyMatcher(Collection<String> literals) {
        this(literals, FLAT_BUDGET);
    }

    /** {@code budget}: the largest flat table allowed (tests make it small to check the trie). */
    PolicyMatcher(Collection<String> literals, long budget) {
        this.literals = List.copyOf(literals);
        this.ids = new HashMap<>();
        for (String l : this.literals) {
            ids.put(l, ids.size());
        }
        this.flat = this.literals.isEmpty() ? null : Flat.of(this.literals, budget);
        if (flat == null && !this.literals.isEmpty()) {
            PayloadTrie.PayloadTrieBuilder<Integer> b = PayloadTrie.builder();
            for (String l : this.literals) {
                b.addKeyword(l, ids.get(l));
            }
            this.trie = b.build();
        } else {
            this.trie = null;
        }
    }

    /** The matcher of every literal these patterns' speed-ups look for. */
    public static PolicyMatcher of(Collection<PolicyPattern> patterns) {
        return of(patterns, List.of());
    }

    /**
     * {@link #of(Collection)} with plain {@code words} besides (folded, any length), for a caller that looks
     * for fixed words in every posting: it reads their occurrences from the same one pass
     * ({@link MatchIndex#occurrences(String)}) instead of walking the text itself (the jurisdiction layer's
     * cue words for places in prose).
     */
    public static PolicyMatcher of(Collection<PolicyPattern> patterns, Collection<String> words) {
        Set<String> all = new LinkedHashSet<>();
        for (String w : words) {
            if (w.isEmpty() || !PolicyPattern.fold(w).equals(w)) {
                throw new IllegalArgumentException("'" + w + "' is not a folded word");
            }
            all.add(w);
        }
        for (PolicyPattern p : patterns) {
            for (String l : p.indexedLiterals()) {
                if (l.length() >= MIN_LENGTH) {
                    all.add(l);
                }
            }
        }
        if (all.isEmpty()) {
            return NONE;
        }
        PolicyMatcher m = new PolicyMatcher(all);
        for (PolicyPattern p : patterns) {
            p.bind(m);
        }
        return m;
    }

    /** How many distinct literals the automaton holds. */
    public int size() {
        return literals.size();
    }

    /** The literals, each at its id (for tests and benchmarks). */
    List<String> literals() {
        return literals;
    }

    /** The literal's id, or -1 when it is not in the automaton. */
    int id(String literal) {
        Integer id = ids.get(literal);
        return id == null ? -1 : id;
    }

    /**
     * Where each literal occurs in {@code text} (in its {@link PolicyPattern.Text#folded folded} copy):
     * the automaton runs once, when the index is first asked.
     */
    public MatchIndex index(PolicyPattern.Text text) {
        return new MatchIndex(this, text);
    }

    /** Every occurrence of every literal in {@code folded}: per literal id, the sorted start offsets (null: none). */
    int[][] occurrences(String folded) {
        if (flat != null) {
            return flat.occurrences(folded);
        }
        int[][] out = new int[literals.size()][];
        int[] counts = new int[literals.size()];
        if (trie != null) {
            scanTrie(folded, out, counts);
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] != null && out[i].length != counts[i]) {
                out[i] = java.util.Arrays.copyOf(out[i], counts[i]);
            }
        }
        return out;
    }

    /** Appends {@code start} to literal {@code id}'s occurrences. */
    private static void add(int[][] out, int[] counts, int id, int start) {
        int[] o = out[id];
        if (o == null) {
            o = new int[4];
            out[id] = o;
        } else if (counts[id] == o.length) {
            o = java.util.Arrays.copyOf(o, o.length * 2);
            out[id] = o;
        }
        o[counts[id]++] = start;
    }

    private void scanTrie(String folded, int[][] out, int[] counts) {
        trie.parseText(folded, emit -> {
            add(out, counts, emit.getPayload(), emit.getStart());
            return true;
        });
    }

    /** Whether the literals are in a flat table (for tests). */
    boolean isFlat() {
        return flat != null;
    }

    /** The flat table's columns, the distinct characters of the literals plus one (for tests). */
    int columns() {
        return flat == null ? 0 : flat.columns();
    }

    /**
     * An Aho-Corasick automaton as a deterministic table: the characters that occur in the literals are
     * numbered 1..k (every other character is 0, which leads back to the start), and row {@code s} of
     * {@link #next}, at {@code s << shift} (rows padded to a power of two), gives the state after each of
     * them, failure links already followed. An entry is a char, the next state's number: the table has half
     * the bytes of one of ints, and so half the cache lines for a walk to wait for (the default pack's
     * 3,076 states by 53 characters: 394 KB, not 652). The states where no literal ends are numbered first,
     * so the walk knows where something ends by comparing the state with {@link #emitting}: each character
     * of the text costs a column lookup (a small table for ASCII) and one read of the table, with no
     * multiplication and no look at the emits where nothing ends. A state's {@link #emits} are the literals
     * that end there, its own and those its failure links reach, longest first.
     */
    private record Flat(char[] column, byte[] ascii, int columns, int shift, char[] next, int emitting, int[] emitStart, int[] emits,
            int[] lengths, int longest) {

        /** The table for these literals (ids are their indexes), or null when it would exceed {@code budget} entries or 65,536 states. */
        static Flat of(List<String> literals, long budget) {
            char[] column = new char[65536];
            int columns = 1;
            int states = 1;
            for (String l : literals) {
                states += l.length();
                for (int i = 0; i < l.length(); i++) {
                    if (column[l.charAt(i)] == 0) {
                        if (columns == Character.MAX_VALUE) {
                            return null;
                        }
                        column[l.charAt(i)] = (char) columns++;
                    }
                }
            }
            // Entries are chars: at most 65,536 states (counted here as the trie's most, one per literal character).
            int shift = 32 - Integer.numberOfLeadingZeros(columns - 1);
            if (states > 65536 || ((long) states << shift) > Math.min(budget, Integer.MAX_VALUE)) {
                return null;
            }
            // The trie, in the table itself (0: no edge yet; the start state 0 has no edge into it).
            int[] next = new int[states * columns];
            int[] depth = new int[states];
            List<List<Integer>> own = new java.util.ArrayList<>();
            own.add(new java.util.ArrayList<>());
            int count = 1;
            for (int id = 0; id < literals.size(); id++) {
                String l = literals.get(id);
                int s = 0;
                for (int i = 0; i < l.length(); i++) {
                    int c = column[l.charAt(i)];
                    if (next[s * columns + c] == 0) {
                        next[s * columns + c] = count;
                        depth[count] = depth[s] + 1;
                        own.add(new java.util.ArrayList<>());
                        count++;
                    }
                    s = next[s * columns + c];
                }
                own.get(s).add(id);
            }
            // Breadth first: each state's failure link, its missing edges taken from the failure state's row
            // (already complete, being shallower), and its emits extended by the failure state's.
            int[] fail = new int[count];
            List<List<Integer>> emitted = new java.util.ArrayList<>(own);
            int[] queue = new int[count];
            int head = 0;
            int tail = 0;
            for (int c = 1; c < columns; c++) {
                int t = next[c];
                if (t != 0) {
                    queue[tail++] = t; // depth 1: fails to the start
                }
            }
            while (head < tail) {
                int s = queue[head++];
                List<Integer> e = new java.util.ArrayList<>(own.get(s));
                e.addAll(emitted.get(fail[s]));
                emitted.set(s, e);
                for (int c = 1; c < columns; c++) {
                    int t = next[s * columns + c];
                    if (t != 0 && depth[t] == depth[s] + 1) {
                        fail[t] = next[fail[s] * columns + c];
                        queue[tail++] = t;
                    } else {
                        next[s * columns + c] = next[fail[s] * columns + c];
                    }
                }
            }
            // Numbered anew: the states where nothing ends first (the start state stays 0), then the others.
            int[] number = new int[count];
            int[] state = new int[count];
            int emitting = 0;
            for (int s = 0; s < count; s++) {
                if (emitted.get(s).isEmpty()) {
                    number[s] = emitting++;
                }
            }
            for (int s = 0, k = emitting; s < count; s++) {
                if (!emitted.get(s).isEmpty()) {
                    number[s] = k++;
                }
            }
            for (int s = 0; s < count; s++) {
                state[number[s]] = s;
            }
            int[] emitStart = new int[count + 1];
            int total = 0;
            for (int n = 0; n < count; n++) {
                emitStart[n] = total;
                total += emitted.get(state[n]).size();
            }
            emitStart[count] = total;
            int[] emits = new int[total];
            for (int n = 0, k = 0; n < count; n++) {
                for (int id : emitted.get(state[n])) {
                    emits[k++] = id;
                }
            }
            char[] table = new char[count << shift];
            for (int n = 0; n < count; n++) {
                for (int c = 0; c < columns; c++) {
                    table[(n << shift) + c] = (char) number[next[state[n] * columns + c]];
                }
            }
            byte[] ascii = null;
            if (columns <= Byte.MAX_VALUE) {
                ascii = new byte[128];
                for (int c = 0; c < 128; c++) {
                    ascii[c] = (byte) column[c];
                }
            }
            int[] lengths = literals.stream().mapToInt(String::length).toArray();
            return new Flat(column, ascii, columns, shift, table, emitting, emitStart, emits, lengths, java.util.Arrays.stream(lengths).max().orElse(1));
        }

        /** Below this length a text is walked in one lane ({@link #occurrences}). */
        private static final int TWO_LANES = 256;

        /**
         * Every occurrence of every literal in {@code folded}: per literal id, the sorted start offsets (null: none).
         *
         * <p>Each step of the walk reads the table at the row the previous step gave, so one walk waits for
         * one memory read after another. A text of some length is walked in two lanes at once, its first
         * and second half, whose reads the processor overlaps. The second lane starts from the start state
         * {@code longest - 1} characters before its half (every literal ending in its half starts there or
         * later, and the automaton from the start state finds every occurrence that starts at or after where
         * it starts), and records only literals that end in its half, after the first lane's: per literal the
         * occurrences stay in increasing order.
         *
         * <p>The walk only notes where literals end, as (state, end) pairs appended to one array per lane
         * ({@link Ends}); {@link #expand} then sizes each literal's array exactly and fills it, which costs
         * less than growing a list per literal as they are found (no copies, no trimming).
         */
        int[][] occurrences(String folded) {
            int n = folded.length();
            char[] text = new char[n];
            folded.getChars(0, n, text, 0); // array reads: String.charAt checks its index and coder each time
            Ends first = new Ends(Math.max(16, n >>> 3));
            if (ascii == null) {
                walkColumns(text, first);
                return expand(first, null);
            }
            if (n < TWO_LANES) {
                walk(text, 0, n, 0, first);
                return expand(first, null);
            }
            int half = n / 2;
            int sB = 0;
            for (int j = Math.max(0, half - (longest - 1)); j < half; j++) {
                char ch = text[j];
                sB = next[(sB << shift) + (ch < 128 ? ascii[ch] : column[ch])]; // the first lane records what ends here
            }
            int sA = 0;
            Ends second = new Ends(first.pairs.length);
            int[] a = first.pairs;
            int ka = 0;
            int[] b = second.pairs;
            int kb = 0;
            for (int i = 0; i < half; i++) {
                char ca = text[i];
                char cb = text[half + i];
                sA = next[(sA << shift) + (ca < 128 ? ascii[ca] : column[ca])];
                sB = next[(sB << shift) + (cb < 128 ? ascii[cb] : column[cb])];
                if (sA >= emitting) {
                    if (ka == a.length) {
                        a = java.util.Arrays.copyOf(a, ka * 2);
                    }
                    a[ka++] = sA;
                    a[ka++] = i;
                }
                if (sB >= emitting) {
                    if (kb == b.length) {
                        b = java.util.Arrays.copyOf(b, kb * 2);
                    }
                    b[kb++] = sB;
                    b[kb++] = half + i;
                }
            }
            first.pairs = a;
            first.size = ka;
            second.pairs = b;
            second.size = kb;
            walk(text, 2 * half, n, sB, second);
            return expand(first, second);
        }

        /** Walks {@code text[from, to)} from state {@code s}, noting where literals end. */
        private void walk(char[] text, int from, int to, int s, Ends ends) {
            int[] e = ends.pairs;
            int k = ends.size;
            for (int i = from; i < to; i++) {
                char ch = text[i];
                s = next[(s << shift) + (ch < 128 ? ascii[ch] : column[ch])];
                if (s >= emitting) {
                    if (k == e.length) {
                        e = java.util.Arrays.copyOf(e, k * 2);
                    }
                    e[k++] = s;
                    e[k++] = i;
                }
            }
            ends.pairs = e;
            ends.size = k;
        }

        /** As {@link #walk}, every character's column read from the large table (literals of more than 127 distinct characters). */
        private void walkColumns(char[] text, Ends ends) {
            int[] e = ends.pairs;
            int k = ends.size;
            int s = 0;
            for (int i = 0; i < text.length; i++) {
                s = next[(s << shift) + column[text[i]]];
                if (s >= emitting) {
                    if (k == e.length) {
                        e = java.util.Arrays.copyOf(e, k * 2);
                    }
                    e[k++] = s;
                    e[k++] = i;
                }
            }
            ends.pairs = e;
            ends.size = k;
        }

        /**
         * Per literal id, the sorted starts of the literals that end at the noted (state, end) pairs, the first
         * lane's before the second's: counted, then filled into arrays of the exact size.
         */
        private int[][] expand(Ends first, Ends second) {
            int[] counts = new int[lengths.length];
            first.count(this, counts);
            if (second != null) {
                second.count(this, counts);
            }
            int[][] out = new int[lengths.length][];
            for (int id = 0; id < out.length; id++) {
                if (counts[id] > 0) {
                    out[id] = new int[counts[id]];
                    counts[id] = 0;
                }
            }
            first.fill(this, out, counts);
            if (second != null) {
                second.fill(this, out, counts);
            }
            return out;
        }
    }

    /** Where a walk found literals ending: (state, end index) pairs, in the order of the ends. */
    private static final class Ends {
        int[] pairs;
        int size;

        Ends(int capacity) {
            this.pairs = new int[capacity & ~1];
        }

        /** Counts the occurrences per literal. */
        void count(Flat flat, int[] counts) {
            int[] emitStart = flat.emitStart;
            int[] emits = flat.emits;
            for (int j = 0; j < size; j += 2) {
                int s = pairs[j];
                for (int k = emitStart[s], end = emitStart[s + 1]; k < end; k++) {
                    counts[emits[k]]++;
                }
            }
        }

        /** Stores each occurrence's start in its literal's array at the next free place ({@code filled}), after {@link #count}. */
        void fill(Flat flat, int[][] out, int[] filled) {
            int[] emitStart = flat.emitStart;
            int[] emits = flat.emits;
            int[] lengths = flat.lengths;
            for (int j = 0; j < size; j += 2) {
                int s = pairs[j];
                int last = pairs[j + 1];
                for (int k = emitStart[s], end = emitStart[s + 1]; k < end; k++) {
                    int id = emits[k];
                    out[id][filled[id]++] = last + 1 - lengths[id];
                }
            }
        }
    }
}

package dev.postinglint.core.regex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Layouts of the policy automaton's table, for {@link MatcherBench} to compare side by side with
 * {@link PolicyMatcher}'s own: the states numbered as the literals insert them or breadth first, the columns
 * numbered as the literals' characters first occur or by a fixed ranking of how common they are in text, int
 * entries (row offset and emit bit) or char entries (state id and emit bit, rows padded to a power of two),
 * one, two or four lanes, a hot byte table in front, branch-free recording. Each records occurrences as round 9's
 * matcher did (a growing array per literal as they are found, trimmed at the end); the first is round 9's
 * matcher itself. Measured, not kept (docs/BENCHMARKS.md "Round 10: the automaton's working set").
 */
final class Layouts {
    /**
     * {@code hot}: the shallowest states where nothing ends (up to 255) also have rows of bytes, read first;
     * {@code branchFree}: each step stores its (state, end) pair and advances by the emit bit, without a branch;
     * {@code quiet}: a diagnostic that walks without recording anything.
     */
    record Options(boolean bfs, boolean frequent, boolean chars, int lanes, boolean hot, boolean branchFree, boolean quiet) {
        Options(boolean bfs, boolean frequent, boolean chars, int lanes) {
            this(bfs, frequent, chars, lanes, false, false, false);
        }

        static List<Options> variants() {
            return List.of(
                    new Options(false, false, false, 2), // round 9's table and recording
                    new Options(true, false, false, 2),
                    new Options(true, true, false, 2),
                    new Options(true, true, true, 2),
                    new Options(true, true, true, 4),
                    new Options(true, true, true, 2, true, false, false),
                    new Options(true, true, true, 2, false, true, false));
        }

        @Override
        public String toString() {
            return (bfs ? "bfs" : "ins") + (frequent ? "-freq" : "-first") + (chars ? "-char" : "-int") + "-" + lanes + (hot ? "-hot" : "") + (branchFree ? "-bf" : "") + (quiet ? "-quiet" : "");
        }
    }

    /** Characters roughly by how common they are in English postings' folded text. */
    private static final String RANKING = " etaoinsrhldcumfpgwybv,.kx\n-j0q1z2/()'5:3&4;$%6789@\"!?#*+";

    private final Options options;
    private final char[] column;
    private final byte[] ascii;
    private final int columns;
    private final int shift;
    private final int[] intNext;
    private final char[] charNext;
    private final int[] emitStart;
    private final int[] emits;
    private final int[] lengths;
    private final int longest;
    /** With a hot table: the states below this id (shallow, no emits) have rows of bytes in {@link #hot}. */
    private int hotStates;
    private byte[] hot;

    private Layouts(Options options, char[] column, int columns, int shift, int[] intNext, char[] charNext, int[] emitStart, int[] emits, int[] lengths) {
        this.options = options;
        this.column = column;
        this.ascii = new byte[128];
        for (int c = 0; c < 128; c++) {
            ascii[c] = (byte) column[c];
        }
        this.columns = columns;
        this.shift = shift;
        this.intNext = intNext;
        this.charNext = charNext;
        this.emitStart = emitStart;
        this.emits = emits;
        this.lengths = lengths;
        this.longest = Arrays.stream(lengths).max().orElse(1);
    }

    static Layouts of(List<String> literals, Options o) {
        // Columns.
        List<Character> seen = new ArrayList<>();
        for (String l : literals) {
            for (int i = 0; i < l.length(); i++) {
                if (!seen.contains(l.charAt(i))) {
                    seen.add(l.charAt(i));
                }
            }
        }
        if (o.frequent()) {
            List<Character> ranked = new ArrayList<>();
            for (char c : RANKING.toCharArray()) {
                if (seen.contains(c)) {
                    ranked.add(c);
                }
            }
            for (char c : seen) {
                if (!ranked.contains(c)) {
                    ranked.add(c);
                }
            }
            seen = ranked;
        }
        char[] column = new char[65536];
        for (int i = 0; i < seen.size(); i++) {
            column[seen.get(i)] = (char) (i + 1);
        }
        int columns = seen.size() + 1;
        int states = 1;
        for (String l : literals) {
            states += l.length();
        }
        // Trie.
        int[] next = new int[states * columns];
        int[] depth = new int[states];
        List<List<Integer>> own = new ArrayList<>();
        own.add(new ArrayList<>());
        int count = 1;
        for (int id = 0; id < literals.size(); id++) {
            String l = literals.get(id);
            int s = 0;
            for (int i = 0; i < l.length(); i++) {
                int c = column[l.charAt(i)];
                if (next[s * columns + c] == 0) {
                    next[s * columns + c] = count;
                    depth[count] = depth[s] + 1;
                    own.add(new ArrayList<>());
                    count++;
                }
                s = next[s * columns + c];
            }
            own.get(s).add(id);
        }
        int[] fail = new int[count];
        List<List<Integer>> emitted = new ArrayList<>(own);
        int[] queue = new int[count];
        int head = 0;
        int tail = 0;
        for (int c = 1; c < columns; c++) {
            int t = next[c];
            if (t != 0) {
                queue[tail++] = t;
            }
        }
        while (head < tail) {
            int s = queue[head++];
            List<Integer> e = new ArrayList<>(own.get(s));
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
        // Numbering: as inserted, or breadth first (the start state, then the queue's order).
        int[] id = new int[count];
        int[] old = new int[count];
        for (int s = 0; s < count; s++) {
            id[s] = s;
        }
        int hotStates = 0;
        if (o.hot() && columns <= 64) {
            // The start state and the shallowest states where nothing ends, up to 255 of them, then the others, breadth first.
            Arrays.fill(id, -1);
            id[0] = 0;
            hotStates = 1;
            for (int k = 0; k < tail; k++) {
                if (hotStates < 255 && emitted.get(queue[k]).isEmpty()) {
                    id[queue[k]] = hotStates++;
                }
            }
            int n = hotStates;
            for (int k = 0; k < tail; k++) {
                if (id[queue[k]] < 0) {
                    id[queue[k]] = n++;
                }
            }
        } else if (o.bfs()) {
            for (int k = 0; k < tail; k++) {
                id[queue[k]] = k + 1;
            }
        }
        for (int s = 0; s < count; s++) {
            old[id[s]] = s;
        }
        int[] emitStart = new int[count + 1];
        int total = 0;
        for (int n = 0; n < count; n++) {
            emitStart[n] = total;
            total += emitted.get(old[n]).size();
        }
        emitStart[count] = total;
        int[] emits = new int[total];
        for (int n = 0, k = 0; n < count; n++) {
            for (int e : emitted.get(old[n])) {
                emits[k++] = e;
            }
        }
        int[] lengths = literals.stream().mapToInt(String::length).toArray();
        if (o.chars()) {
            int shift = 32 - Integer.numberOfLeadingZeros(columns - 1);
            char[] table = new char[count << shift];
            for (int n = 0; n < count; n++) {
                for (int c = 0; c < columns; c++) {
                    int t = id[next[old[n] * columns + c]];
                    table[(n << shift) + c] = (char) (t << 1 | (emitStart[t + 1] > emitStart[t] ? 1 : 0));
                }
            }
            Layouts built = new Layouts(o, column, columns, shift, null, table, emitStart, emits, lengths);
            if (hotStates > 0) {
                built.hotStates = hotStates;
                built.hot = new byte[hotStates << 6];
                for (int n = 0; n < hotStates; n++) {
                    for (int c = 0; c < columns; c++) {
                        int t = id[next[old[n] * columns + c]];
                        built.hot[(n << 6) + c] = (byte) (t < hotStates ? t : 255);
                    }
                }
            }
            return built;
        }
        int[] table = new int[count * columns];
        for (int n = 0; n < count; n++) {
            for (int c = 0; c < columns; c++) {
                int t = id[next[old[n] * columns + c]];
                table[n * columns + c] = (t * columns) << 1 | (emitStart[t + 1] > emitStart[t] ? 1 : 0);
            }
        }
        return new Layouts(o, column, columns, 0, table, null, emitStart, emits, lengths);
    }

    int[][] occurrences(String folded) {
        int[][] out = new int[lengths.length][];
        int[] counts = new int[lengths.length];
        int n = folded.length();
        char[] text = new char[n];
        folded.getChars(0, n, text, 0);
        if (options.branchFree()) {
            if (options.lanes() == 4 && n >= 512) {
                bf4(text, out, counts);
            } else if (n >= 256) {
                bf2(text, out, counts);
            } else if (options.chars()) {
                charWalk(text, 0, n, 0, out, counts);
            } else {
                intWalk(text, 0, n, 0, out, counts);
            }
        } else if (options.chars()) {
            if (options.lanes() == 4 && n >= 512) {
                charScan4(text, out, counts);
            } else if (options.lanes() >= 2 && n >= 256) {
                charScan2(text, out, counts);
            } else {
                charWalk(text, 0, n, 0, out, counts);
            }
        } else {
            if (n >= 256) {
                intScan2(text, out, counts);
            } else {
                intWalk(text, 0, n, 0, out, counts);
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] != null && out[i].length != counts[i]) {
                out[i] = Arrays.copyOf(out[i], counts[i]);
            }
        }
        return out;
    }

    private int col(char ch) {
        return ch < 128 ? ascii[ch] : column[ch];
    }

    // ---- int entries: (row offset << 1) | emit

    private void intScan2(char[] text, int[][] out, int[] counts) {
        int n = text.length;
        int half = n / 2;
        int rowB = 0;
        for (int j = Math.max(0, half - (longest - 1)); j < half; j++) {
            rowB = intNext[rowB + col(text[j])] >>> 1;
        }
        int rowA = 0;
        int[] later = new int[64];
        int k = 0;
        for (int i = 0; i < half; i++) {
            int ta = intNext[rowA + col(text[i])];
            int tb = intNext[rowB + col(text[half + i])];
            rowA = ta >>> 1;
            rowB = tb >>> 1;
            if ((ta & 1) != 0) {
                emit(rowA / columns, i, out, counts);
            }
            if ((tb & 1) != 0) {
                if (k == later.length) {
                    later = Arrays.copyOf(later, k * 2);
                }
                later[k++] = rowB / columns;
                later[k++] = half + i;
            }
        }
        for (int j = 0; j < k; j += 2) {
            emit(later[j], later[j + 1], out, counts);
        }
        intWalk(text, 2 * half, n, rowB, out, counts);
    }

    private void intWalk(char[] text, int from, int to, int row, int[][] out, int[] counts) {
        for (int i = from; i < to; i++) {
            int t = intNext[row + col(text[i])];
            row = t >>> 1;
            if ((t & 1) != 0) {
                emit(row / columns, i, out, counts);
            }
        }
    }

    // ---- char entries: (state << 1) | emit, rows of 1 << shift

    /** The next entry ((state << 1) | emit) from state {@code s} on column {@code c}, from the hot table where it has it. */
    private int step(int s, int c) {
        if (s < hotStates) {
            int h = hot[(s << 6) + c] & 0xFF;
            if (h != 255) {
                return h << 1;
            }
        }
        return charNext[(s << shift) + c];
    }

    private void charWalk(char[] text, int from, int to, int s, int[][] out, int[] counts) {
        for (int i = from; i < to; i++) {
            int t = step(s, col(text[i]));
            s = t >>> 1;
            if ((t & 1) != 0) {
                emit(s, i, out, counts);
            }
        }
    }

    private int warm(char[] text, int at) {
        int s = 0;
        for (int j = Math.max(0, at - (longest - 1)); j < at; j++) {
            s = step(s, col(text[j])) >>> 1;
        }
        return s;
    }

    private void charScan2(char[] text, int[][] out, int[] counts) {
        int n = text.length;
        int half = n / 2;
        int sB = warm(text, half);
        int sA = 0;
        int[] later = new int[64];
        int k = 0;
        for (int i = 0; i < half; i++) {
            int ta = step(sA, col(text[i]));
            int tb = step(sB, col(text[half + i]));
            sA = ta >>> 1;
            sB = tb >>> 1;
            if ((ta & 1) != 0) {
                emit(sA, i, out, counts);
            }
            if ((tb & 1) != 0) {
                if (k == later.length) {
                    later = Arrays.copyOf(later, k * 2);
                }
                later[k++] = sB;
                later[k++] = half + i;
            }
        }
        for (int j = 0; j < k; j += 2) {
            emit(later[j], later[j + 1], out, counts);
        }
        charWalk(text, 2 * half, n, sB, out, counts);
    }

    private void charScan4(char[] text, int[][] out, int[] counts) {
        int n = text.length;
        int q = n / 4;
        int sA = 0;
        int sB = warm(text, q);
        int sC = warm(text, 2 * q);
        int sD = warm(text, 3 * q);
        int[] laterB = new int[32];
        int[] laterC = new int[32];
        int[] laterD = new int[32];
        int kb = 0;
        int kc = 0;
        int kd = 0;
        for (int i = 0; i < q; i++) {
            int ta = step(sA, col(text[i]));
            int tb = step(sB, col(text[q + i]));
            int tc = step(sC, col(text[2 * q + i]));
            int td = step(sD, col(text[3 * q + i]));
            sA = ta >>> 1;
            sB = tb >>> 1;
            sC = tc >>> 1;
            sD = td >>> 1;
            if (((ta | tb | tc | td) & 1) != 0) {
                if ((ta & 1) != 0) {
                    emit(sA, i, out, counts);
                }
                if ((tb & 1) != 0) {
                    if (kb == laterB.length) {
                        laterB = Arrays.copyOf(laterB, kb * 2);
                    }
                    laterB[kb++] = sB;
                    laterB[kb++] = q + i;
                }
                if ((tc & 1) != 0) {
                    if (kc == laterC.length) {
                        laterC = Arrays.copyOf(laterC, kc * 2);
                    }
                    laterC[kc++] = sC;
                    laterC[kc++] = 2 * q + i;
                }
                if ((td & 1) != 0) {
                    if (kd == laterD.length) {
                        laterD = Arrays.copyOf(laterD, kd * 2);
                    }
                    laterD[kd++] = sD;
                    laterD[kd++] = 3 * q + i;
                }
            }
        }
        for (int j = 0; j < kb; j += 2) {
            emit(laterB[j], laterB[j + 1], out, counts);
        }
        for (int j = 0; j < kc; j += 2) {
            emit(laterC[j], laterC[j + 1], out, counts);
        }
        for (int j = 0; j < kd; j += 2) {
            emit(laterD[j], laterD[j + 1], out, counts);
        }
        charWalk(text, 4 * q, n, sD, out, counts);
    }

    private static final int BLOCK = 512;

    /** Two lanes; every step's (state, end) stored, the count advanced only by the emit bit: no branch on it. */
    private void bf2(char[] text, int[][] out, int[] counts) {
        int n = text.length;
        int half = n / 2;
        if (charNext == null) {
            bf2int(text, out, counts);
            return;
        }
        int sB = warm(text, half);
        int sA = 0;
        int[] bufA = new int[2 * BLOCK + 2];
        int[] later = new int[2 * BLOCK + 2];
        int kb = 0;
        for (int base = 0; base < half; base += BLOCK) {
            int end = Math.min(half, base + BLOCK);
            if (later.length < kb + 2 * BLOCK + 2) {
                later = Arrays.copyOf(later, Math.max(later.length * 2, kb + 2 * BLOCK + 2));
            }
            int ka = 0;
            for (int i = base; i < end; i++) {
                int ta = charNext[(sA << shift) + col(text[i])];
                int tb = charNext[(sB << shift) + col(text[half + i])];
                sA = ta >>> 1;
                sB = tb >>> 1;
                bufA[ka] = sA;
                bufA[ka + 1] = i;
                ka += (ta & 1) << 1;
                later[kb] = sB;
                later[kb + 1] = half + i;
                kb += (tb & 1) << 1;
            }
            for (int j = 0; j < ka; j += 2) {
                emit(bufA[j], bufA[j + 1], out, counts);
            }
        }
        for (int j = 0; j < kb; j += 2) {
            emit(later[j], later[j + 1], out, counts);
        }
        charWalk(text, 2 * half, n, sB, out, counts);
    }

    private void bf2int(char[] text, int[][] out, int[] counts) {
        int n = text.length;
        int half = n / 2;
        int rowB = 0;
        for (int j = Math.max(0, half - (longest - 1)); j < half; j++) {
            rowB = intNext[rowB + col(text[j])] >>> 1;
        }
        int rowA = 0;
        int[] bufA = new int[2 * BLOCK + 2];
        int[] later = new int[2 * BLOCK + 2];
        int kb = 0;
        for (int base = 0; base < half; base += BLOCK) {
            int end = Math.min(half, base + BLOCK);
            if (later.length < kb + 2 * BLOCK + 2) {
                later = Arrays.copyOf(later, Math.max(later.length * 2, kb + 2 * BLOCK + 2));
            }
            int ka = 0;
            for (int i = base; i < end; i++) {
                int ta = intNext[rowA + col(text[i])];
                int tb = intNext[rowB + col(text[half + i])];
                rowA = ta >>> 1;
                rowB = tb >>> 1;
                bufA[ka] = rowA;
                bufA[ka + 1] = i;
                ka += (ta & 1) << 1;
                later[kb] = rowB;
                later[kb + 1] = half + i;
                kb += (tb & 1) << 1;
            }
            for (int j = 0; j < ka; j += 2) {
                emit(bufA[j] / columns, bufA[j + 1], out, counts);
            }
        }
        for (int j = 0; j < kb; j += 2) {
            emit(later[j] / columns, later[j + 1], out, counts);
        }
        intWalk(text, 2 * half, n, rowB, out, counts);
    }

    private void bf4(char[] text, int[][] out, int[] counts) {
        int n = text.length;
        int q = n / 4;
        int sA = 0;
        int sB = warm(text, q);
        int sC = warm(text, 2 * q);
        int sD = warm(text, 3 * q);
        int[] bufA = new int[2 * BLOCK + 2];
        int[] laterB = new int[2 * BLOCK + 2];
        int[] laterC = new int[2 * BLOCK + 2];
        int[] laterD = new int[2 * BLOCK + 2];
        int kb = 0;
        int kc = 0;
        int kd = 0;
        for (int base = 0; base < q; base += BLOCK) {
            int end = Math.min(q, base + BLOCK);
            if (laterB.length < kb + 2 * BLOCK + 2) {
                laterB = Arrays.copyOf(laterB, Math.max(laterB.length * 2, kb + 2 * BLOCK + 2));
            }
            if (laterC.length < kc + 2 * BLOCK + 2) {
                laterC = Arrays.copyOf(laterC, Math.max(laterC.length * 2, kc + 2 * BLOCK + 2));
            }
            if (laterD.length < kd + 2 * BLOCK + 2) {
                laterD = Arrays.copyOf(laterD, Math.max(laterD.length * 2, kd + 2 * BLOCK + 2));
            }
            int ka = 0;
            for (int i = base; i < end; i++) {
                int ta = charNext[(sA << shift) + col(text[i])];
                int tb = charNext[(sB << shift) + col(text[q + i])];
                int tc = charNext[(sC << shift) + col(text[2 * q + i])];
                int td = charNext[(sD << shift) + col(text[3 * q + i])];
                sA = ta >>> 1;
                sB = tb >>> 1;
                sC = tc >>> 1;
                sD = td >>> 1;
                bufA[ka] = sA;
                bufA[ka + 1] = i;
                ka += (ta & 1) << 1;
                laterB[kb] = sB;
                laterB[kb + 1] = q + i;
                kb += (tb & 1) << 1;
                laterC[kc] = sC;
                laterC[kc + 1] = 2 * q + i;
                kc += (tc & 1) << 1;
                laterD[kd] = sD;
                laterD[kd + 1] = 3 * q + i;
                kd += (td & 1) << 1;
            }
            for (int j = 0; j < ka; j += 2) {
                emit(bufA[j], bufA[j + 1], out, counts);
            }
        }
        for (int j = 0; j < kb; j += 2) {
            emit(laterB[j], laterB[j + 1], out, counts);
        }
        for (int j = 0; j < kc; j += 2) {
            emit(laterC[j], laterC[j + 1], out, counts);
        }
        for (int j = 0; j < kd; j += 2) {
            emit(laterD[j], laterD[j + 1], out, counts);
        }
        charWalk(text, 4 * q, n, sD, out, counts);
    }

    private void emit(int s, int i, int[][] out, int[] counts) {
        if (options.quiet()) {
            counts[0] += s; // keeps the walk from being optimised away
            return;
        }
        for (int k = emitStart[s], end = emitStart[s + 1]; k < end; k++) {
            int id = emits[k];
            int start = i + 1 - lengths[id];
            int[] o = out[id];
            if (o == null) {
                o = new int[4];
                out[id] = o;
            } else if (counts[id] == o.length) {
                o = Arrays.copyOf(o, o.length * 2);
                out[id] = o;
            }
            o[counts[id]++] = start;
        }
    }
}

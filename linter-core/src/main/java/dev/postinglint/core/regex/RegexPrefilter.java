package dev.postinglint.core.regex;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cheap test that tells when a policy pattern cannot match a text, so the RE2/J scan (linear, but
 * 2-3x slower than java.util.regex and run by dozens of rules on every posting) can be skipped.
 *
 * <p>From the pattern's source we derive a set of literal strings at least one of which occurs,
 * contiguously, in every match (for {@code \bequal\s+(?:employment\s+)?opportunit(?:y|ies)\b|\bEEO\b}
 * that is {@code {"opportunit", "eeo"}}). Literals are compared against a {@linkplain #fold folded}
 * copy of the text, so a case-sensitive and a {@code (?i)} pattern are treated alike: folding only
 * ever finds more, never fewer, occurrences. Anything the analysis does not understand for certain
 * makes it give up for that part of the pattern (no literal required there), so the filter can only
 * err towards running the regex. Which matches RE2/J reports, and so every finding, is unchanged:
 * the prefilter only skips scans that would have found nothing.
 *
 * <p>Case folding: RE2's {@code (?i)} uses Unicode simple case folding. The only characters outside
 * ASCII that fold to an ASCII character are U+017F (long s) and U+212A (Kelvin sign) ({@code
 * RegexPrefilterTest} checks this against RE2/J over all of Unicode); {@link #fold} maps them too.
 * Literals hold only ASCII characters and caseless punctuation or symbols (such as {@code €} or
 * {@code –}); any other character ends a literal.
 */
public final class RegexPrefilter {
    /** A filter that never skips: the pattern has no required literal we could find. */
    public static final RegexPrefilter NONE = new RegexPrefilter(List.of());
    private static final Map<String, RegexPrefilter> CACHE = new ConcurrentHashMap<>();

    private final List<String> literals;

    private RegexPrefilter(List<String> literals) {
        this.literals = literals;
    }

    /** The filter of a compiled pattern (computed once per pattern string). */
    public static RegexPrefilter of(Pattern pattern) {
        return of(pattern.pattern());
    }

    public static RegexPrefilter of(String regex) {
        return CACHE.computeIfAbsent(regex, r -> {
            Set<String> req;
            try {
                req = new Analyzer(r).analyze();
            } catch (RuntimeException e) {
                req = null; // something unexpected: never skip
            }
            return req == null || req.isEmpty() || req.contains("") ? NONE : new RegexPrefilter(List.copyOf(req));
        });
    }

    /** The required literals (any one of them), folded; empty when the filter never skips. */
    public List<String> literals() {
        return literals;
    }

    /** Whether the filter never skips anything. */
    public boolean isNone() {
        return literals.isEmpty();
    }

    /** Whether a match may exist in {@code folded} (a {@link #fold folded} text). */
    public boolean mayMatch(String folded) {
        if (literals.isEmpty()) {
            return true;
        }
        for (String l : literals) {
            if (folded.contains(l)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A cursor over one folded text for regions visited in increasing order: answers whether a
     * match may exist in {@code [from, to)} with work linear in the text overall, however many
     * regions there are (each literal's next occurrence is remembered).
     */
    public Cursor cursor(String folded) {
        return new Cursor(folded);
    }

    public final class Cursor {
        private final String folded;
        private final int[] next;
        private final int[] searchedFrom;

        private Cursor(String folded) {
            this.folded = folded;
            this.next = new int[literals.size()];
            this.searchedFrom = new int[literals.size()];
            java.util.Arrays.fill(searchedFrom, Integer.MAX_VALUE);
        }

        /** Whether a match may exist within {@code [from, to)} of the text. */
        public boolean mayMatch(int from, int to) {
            if (literals.isEmpty()) {
                return true;
            }
            for (int i = 0; i < next.length; i++) {
                String l = literals.get(i);
                // Re-search only when the remembered occurrence is before this region (or unknown).
                if (searchedFrom[i] > from || (next[i] >= 0 && next[i] < from)) {
                    next[i] = folded.indexOf(l, from);
                    searchedFrom[i] = from;
                }
                if (next[i] >= 0 && next[i] + l.length() <= to) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Folds text for literal search: ASCII letters to lower case, U+017F to {@code s}, U+212A to
     * {@code k}; every other character unchanged. Same length as the input, index for index.
     */
    public static String fold(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && !needsFold(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        char[] out = s.toCharArray();
        for (; i < n; i++) {
            char c = out[i];
            if (c >= 'A' && c <= 'Z') {
                out[i] = (char) (c + 32);
            } else if (c == '\u017f') {
                out[i] = 's';
            } else if (c == '\u212a') {
                out[i] = 'k';
            }
        }
        return new String(out);
    }

    private static boolean needsFold(char c) {
        return (c >= 'A' && c <= 'Z') || c == '\u017f' || c == '\u212a';
    }

    /** A character that may stand in a literal: it matches only itself, or only its ASCII case pair. */
    static boolean literalChar(char c) {
        if (c < 128) {
            return c >= 32 || c == '\n' || c == '\t';
        }
        return switch (Character.getType(c)) {
            case Character.CURRENCY_SYMBOL, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.MATH_SYMBOL, Character.SPACE_SEPARATOR -> true;
            default -> false;
        };
    }

    static char foldChar(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /**
     * A small recursive-descent reader of RE2 syntax that keeps only what the prefilter needs. The
     * pattern was already compiled by RE2/J, so it is well formed; whatever construct is not handled
     * explicitly throws, and the caller then uses {@link #NONE}.
     */
    static final class Analyzer {
        private final String re;
        private int i;

        Analyzer(String re) {
            this.re = re;
        }

        Set<String> analyze() {
            Set<String> r = alternation();
            if (i != re.length()) {
                throw new IllegalStateException("unbalanced at " + i);
            }
            return r;
        }

        /** Literals one of which every match of {@code a|b|...} contains; null when none is required. */
        private Set<String> alternation() {
            List<Set<String>> alts = new ArrayList<>();
            alts.add(sequence());
            while (i < re.length() && re.charAt(i) == '|') {
                i++;
                alts.add(sequence());
            }
            Set<String> out = new LinkedHashSet<>();
            for (Set<String> a : alts) {
                if (a == null) {
                    return null;
                }
                out.addAll(a);
            }
            return out;
        }

        /** One alternative: the best of the requirements its parts impose. */
        private Set<String> sequence() {
            Seq seq = new Seq();
            while (i < re.length()) {
                char c = re.charAt(i);
                if (c == '|' || c == ')') {
                    break;
                }
                atom(seq);
            }
            seq.flush();
            return seq.best;
        }

        /** Requirements found so far in a sequence, and the literal run being built. */
        private static final class Seq {
            final StringBuilder run = new StringBuilder();
            Set<String> best;

            void flush() {
                if (run.length() > 0) {
                    offer(Set.of(run.toString()));
                    run.setLength(0);
                }
            }

            void offer(Set<String> req) {
                if (req == null || req.isEmpty() || req.contains("")) {
                    return;
                }
                if (best == null || score(req) > score(best)) {
                    best = req;
                }
            }

            /** Longer shortest literal wins; then fewer alternatives. */
            private static long score(Set<String> s) {
                int min = Integer.MAX_VALUE;
                for (String x : s) {
                    min = Math.min(min, x.length());
                }
                return (long) min * 1000 - Math.min(999, s.size());
            }
        }

        private void atom(Seq seq) {
            char c = re.charAt(i);
            switch (c) {
                case '(' -> group(seq);
                case '[' -> {
                    skipClass();
                    nonLiteral(seq);
                }
                case '.' -> {
                    i++;
                    nonLiteral(seq);
                }
                case '^', '$' -> {
                    i++;
                    seq.flush();
                    skipRepeat();
                }
                case '\\' -> escape(seq);
                case '*', '+', '?' -> throw new IllegalStateException("repeat without operand");
                case '{' -> {
                    i++;
                    nonLiteral(seq); // a '{' that is not a repetition: literal in RE2, unknown to us
                }
                default -> {
                    i++;
                    literal(seq, c);
                }
            }
        }

        /** A character that matches itself (or its case pair), with any repetition that follows. */
        private void literal(Seq seq, char c) {
            if (!literalChar(c) || Character.isSurrogate(c)) {
                nonLiteral(seq);
                return;
            }
            int min = repeat();
            if (min < 0) {
                seq.run.append(foldChar(c));
            } else if (min == 0) {
                seq.flush();
            } else {
                // "ab+c" holds "ab" and "bc": the run ends with the first copy, the next starts with the last.
                seq.run.append(foldChar(c));
                seq.flush();
                seq.run.append(foldChar(c));
            }
        }

        /** A single character we do not read as a literal (class, dot, \d...): ends the run. */
        private void nonLiteral(Seq seq) {
            seq.flush();
            skipRepeat();
        }

        private void escape(Seq seq) {
            if (i + 1 >= re.length()) {
                throw new IllegalStateException("trailing backslash");
            }
            char e = re.charAt(i + 1);
            i += 2;
            if (e < 128 && !Character.isLetterOrDigit(e)) {
                literal(seq, e); // escaped punctuation: \. \$ \+ \  ...
                return;
            }
            switch (e) {
                case 'b', 'B', 'A', 'z' -> {
                    seq.flush();
                    skipRepeat();
                }
                case 'd', 'D', 's', 'S', 'w', 'W', 'a', 'f', 't', 'n', 'r', 'v' -> nonLiteral(seq);
                case 'p', 'P' -> {
                    skipName();
                    nonLiteral(seq);
                }
                case 'x' -> {
                    if (i < re.length() && re.charAt(i) == '{') {
                        skipName();
                    } else {
                        i = Math.min(re.length(), i + 2);
                    }
                    nonLiteral(seq);
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int k = 0;
                    while (k < 2 && i < re.length() && re.charAt(i) >= '0' && re.charAt(i) <= '7') {
                        i++;
                        k++;
                    }
                    nonLiteral(seq);
                }
                case 'Q' -> quoted(seq);
                default -> throw new IllegalStateException("unknown escape \\" + e);
            }
        }

        /** {@code \Q...\E}: literal text; a repetition after it makes the whole of it optional here. */
        private void quoted(Seq seq) {
            int end = re.indexOf("\\E", i);
            String lit = end < 0 ? re.substring(i) : re.substring(i, end);
            i = end < 0 ? re.length() : end + 2;
            if (i < re.length() && (re.charAt(i) == '*' || re.charAt(i) == '+' || re.charAt(i) == '?' || re.charAt(i) == '{')) {
                seq.flush();
                skipRepeat();
                return;
            }
            for (int k = 0; k < lit.length(); k++) {
                char c = lit.charAt(k);
                if (literalChar(c) && !Character.isSurrogate(c)) {
                    seq.run.append(foldChar(c));
                } else {
                    seq.flush();
                }
            }
        }

        private void group(Seq seq) {
            i++; // (
            if (re.startsWith("?", i)) {
                i++;
                if (re.startsWith("P<", i) || re.startsWith("<", i)) {
                    int gt = re.indexOf('>', i);
                    if (gt < 0) {
                        throw new IllegalStateException("bad group name");
                    }
                    i = gt + 1;
                } else {
                    // flags: (?i) sets them for the rest of the group; (?i:...) is a group.
                    while (i < re.length() && "imsU-".indexOf(re.charAt(i)) >= 0) {
                        i++;
                    }
                    if (i < re.length() && re.charAt(i) == ')') {
                        i++;
                        seq.flush();
                        return;
                    }
                    if (i >= re.length() || re.charAt(i) != ':') {
                        throw new IllegalStateException("unknown group syntax");
                    }
                    i++;
                }
            }
            Set<String> inner = alternation();
            if (i >= re.length() || re.charAt(i) != ')') {
                throw new IllegalStateException("unclosed group");
            }
            i++;
            seq.flush();
            int min = repeat();
            if (min != 0) {
                seq.offer(inner);
            }
        }

        /** Skips a character class, {@code [...]}, including {@code []...]}, escapes and {@code [:name:]}. */
        private void skipClass() {
            i++; // [
            if (i < re.length() && re.charAt(i) == '^') {
                i++;
            }
            if (i < re.length() && re.charAt(i) == ']') {
                i++;
            }
            while (i < re.length()) {
                char c = re.charAt(i);
                if (c == ']') {
                    i++;
                    return;
                }
                if (c == '\\') {
                    char e = i + 1 < re.length() ? re.charAt(i + 1) : 0;
                    i += 2;
                    if ((e == 'p' || e == 'P' || e == 'x') && i < re.length() && re.charAt(i) == '{') {
                        skipName();
                    }
                    continue;
                }
                if (c == '[' && re.startsWith("[:", i)) {
                    int close = re.indexOf(":]", i + 2);
                    if (close < 0) {
                        throw new IllegalStateException("bad POSIX class");
                    }
                    i = close + 2;
                    continue;
                }
                i++;
            }
            throw new IllegalStateException("unclosed class");
        }

        /** Skips {@code {...}} or one character (after \p or \x). */
        private void skipName() {
            if (i < re.length() && re.charAt(i) == '{') {
                int close = re.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalStateException("unclosed {");
                }
                i = close + 1;
            } else {
                i++;
            }
        }

        private void skipRepeat() {
            repeat();
        }

        /**
         * Reads a repetition operator at {@code i}, if any: its minimum count, or -1 when there is
         * none. A lazy {@code ?} after it is consumed too.
         */
        private int repeat() {
            if (i >= re.length()) {
                return -1;
            }
            char c = re.charAt(i);
            int min;
            if (c == '*' || c == '?') {
                i++;
                min = 0;
            } else if (c == '+') {
                i++;
                min = 1;
            } else if (c == '{') {
                int j = i + 1;
                int k = j;
                while (k < re.length() && Character.isDigit(re.charAt(k))) {
                    k++;
                }
                if (k == j) {
                    return -1; // not a repetition: '{' is then read as an atom
                }
                int m = k;
                if (m < re.length() && re.charAt(m) == ',') {
                    m++;
                    while (m < re.length() && Character.isDigit(re.charAt(m))) {
                        m++;
                    }
                }
                if (m >= re.length() || re.charAt(m) != '}') {
                    return -1;
                }
                min = Integer.parseInt(re.substring(j, k));
                i = m + 1;
            } else {
                return -1;
            }
            if (i < re.length() && re.charAt(i) == '?') {
                i++;
            }
            return min;
        }
    }
}

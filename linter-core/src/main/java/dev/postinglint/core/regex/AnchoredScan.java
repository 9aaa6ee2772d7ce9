package dev.postinglint.core.regex;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the matches of a pattern that can only start with one of a few literals (for
 * {@code (?i)\b(?:rock\s?stars?|ninjas?)\b}: "rock" or "ninja") without running RE2/J's NFA over the
 * whole text: the literals' occurrences are the only places a match can start, so RE2/J is run
 * anchored ({@code lookingAt}) at each of them, on a small window. The result is exactly what
 * {@code while (matcher.find())} over the whole text reports, for these reasons:
 * <ul>
 * <li>every match starts with a literal of the {@linkplain #prefixes prefix set} (compared on
 * {@linkplain RegexPrefilter#fold folded} text, which only finds more places), so no match is missed;</li>
 * <li>candidates are tried in order from where the previous match ended, as {@code find()} does; the
 * first that matches is the leftmost match, and anchored at its start RE2/J picks the same
 * (leftmost-first) alternative as the unanchored search;</li>
 * <li>the window holds the character before the candidate (matched by a leading {@code (?s:.)}, so
 * {@code \b} sees its real context) and extends one character past the longest match the pattern
 * can have in this text ({@link #maxLength}), so nothing a match depends on is cut off; patterns
 * with {@code ^ $ \A \z}, or whose longest match is unbounded, are not handled here.</li>
 * </ul>
 * Matches are never empty (every match holds a literal), so {@code find()}'s empty-match step does
 * not arise.
 */
public final class AnchoredScan {
    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();
    private static final Object NOT_APPLICABLE = new Object();
    /** Beyond this longest-match length the windows would be large: scan normally instead. */
    private static final long MAX_WINDOW = 4_000;

    private final Pattern pattern;
    /** The pattern after one character of context, compiled on first use (a cold run needs few). */
    private volatile Pattern shifted;
    private final List<String> prefixes;
    /** Per prefix: a {@code \b} precedes it in every way the pattern can start with it. */
    private final boolean[] boundary;
    private final Node tree;

    private AnchoredScan(Pattern pattern, Map<String, Boolean> prefixes, Node tree) {
        this.pattern = pattern;

        this.prefixes = prefixes == null ? null : List.copyOf(prefixes.keySet());
        this.boundary = new boolean[this.prefixes == null ? 0 : this.prefixes.size()];
        for (int k = 0; k < boundary.length; k++) {
            boundary[k] = prefixes.get(this.prefixes.get(k));
        }
        this.tree = tree;
    }

    private Pattern shifted() {
        Pattern p = shifted;
        if (p == null) {
            p = Pattern.compile("(?s:.)(" + pattern.pattern() + ")", pattern.flags());
            shifted = p;
        }
        return p;
    }

    /** The scan for a pattern, or null when the pattern cannot be scanned this way. */
    public static AnchoredScan of(Pattern pattern) {
        Object o = CACHE.computeIfAbsent(pattern.pattern() + "\u0000" + pattern.flags(), k -> {
            try {
                Node tree = new Reader(pattern.pattern()).read();
                if (tree.hasTextAnchor()) {
                    return NOT_APPLICABLE;
                }
                Map<String, Boolean> p = tree.prefixes(false);
                if (p == null || p.isEmpty() || p.containsKey("")) {
                    // No literal starts every match: scan windows around the required literals instead.
                    return RegexPrefilter.of(pattern).isNone() ? NOT_APPLICABLE : new AnchoredScan(pattern, null, tree);
                }
                return new AnchoredScan(pattern, p, tree);
            } catch (RuntimeException e) {
                return NOT_APPLICABLE;
            }
        });
        return o instanceof AnchoredScan a ? a : null;
    }

    /** The literals (folded) one of which every match starts with. */
    public List<String> prefixes() {
        return prefixes;
    }

    /**
     * The longest match the pattern can have in {@code text}, whose longest run of {@code \s}
     * characters is at most {@code spaceRun} and of digits {@code digitRun}, in UTF-16 units;
     * {@link Long#MAX_VALUE} when unbounded.
     */
    public long maxLength(String text, int spaceRun, int digitRun) {
        return tree.max(new Runs(spaceRun, digitRun, text));
    }

    /**
     * What bounds a run of one kind of character in the text being scanned: the longest runs of
     * white space and digits (given), and of any small set of characters (counted on demand).
     */
    static final class Runs {
        final int space;
        final int digit;
        private final String text;
        private Map<String, Integer> sets;

        Runs(int space, int digit, String text) {
            this.space = space;
            this.digit = digit;
            this.text = text;
        }

        int run(String set) {
            if (sets == null) {
                sets = new java.util.HashMap<>();
            }
            return sets.computeIfAbsent(set, k -> {
                int best = 0;
                int cur = 0;
                for (int i = 0; i < text.length(); i++) {
                    cur = k.indexOf(text.charAt(i)) >= 0 ? cur + 1 : 0;
                    best = Math.max(best, cur);
                }
                return best;
            });
        }
    }

    /** Receives a match: start and end offsets in the text. */
    public interface MatchSink {
        void match(int start, int end);
    }

    /**
     * Reports every match in {@code text} as {@code while (find())} would, or returns false (having
     * reported nothing) when this text needs a normal scan. {@code folded} is the folded text that
     * contains {@code text} at {@code offset}; {@code spaceRun} and {@code digitRun} bound the runs
     * of white space and digits in {@code text}.
     */
    public boolean findAll(String text, String folded, int offset, int spaceRun, int digitRun, MatchSink sink) {
        return scan(text, folded, offset, spaceRun, digitRun, sink, false) != -2;
    }

    /**
     * The start of the first match in {@code text} (what {@code find()} would report first), -1 when
     * there is none, or -2 when this text needs a normal scan.
     */
    public int firstStart(String text, String folded, int offset, int spaceRun, int digitRun) {
        return scan(text, folded, offset, spaceRun, digitRun, (s, e) -> { }, true);
    }

    private int scan(String text, String folded, int offset, int spaceRun, int digitRun, MatchSink sink, boolean firstOnly) {
        long max = maxLength(text, spaceRun, digitRun);
        if (prefixes == null) {
            return windows(text, folded, offset, max, sink, firstOnly);
        }
        int[] candidates = candidates(text, folded, offset, offset + text.length());
        // Without a bound on a match's length the window is the rest of the text: still exact, and
        // cheap for a few candidates (an anchored run stops adding work once its threads die).
        if (max > MAX_WINDOW && candidates.length > MAX_UNBOUNDED_CANDIDATES) {
            return -2;
        }
        int pos = 0;
        for (int c : candidates) {
            if (c < pos) {
                continue;
            }
            int end = max > MAX_WINDOW ? text.length() : (int) Math.min(text.length(), c + max + 1);
            int s;
            int e;
            if (c == 0) {
                Matcher m = pattern.matcher(new Slice(text, 0, end));
                if (!m.lookingAt()) {
                    continue;
                }
                s = m.start();
                e = m.end();
            } else {
                Matcher m = shifted().matcher(new Slice(text, c - 1, end));
                if (!m.lookingAt()) {
                    continue;
                }
                s = c - 1 + m.start(1);
                e = c - 1 + m.end(1);
            }
            if (e > s) {
                if (firstOnly) {
                    return s;
                }
                sink.match(s, e);
                pos = e;
            }
        }
        return -1;
    }

    private static final int MAX_UNBOUNDED_CANDIDATES = 32;

    /**
     * For patterns whose required literals ({@link RegexPrefilter}) may stand anywhere in a match:
     * every match contains an occurrence of one and, being at most {@code max} long, lies within
     * {@code max} characters of it. So find() runs only on windows around the occurrences, merged,
     * and widened until the character outside each end is not an ASCII word character (so {@code \b}
     * and {@code \B} at a window's edge read as in the whole text; text anchors never reach here).
     * A match cannot cross from one window to another (its own window would contain both), so the
     * matches are those of find() over the whole text, in the same order.
     */
    private int windows(String text, String folded, int offset, long max, MatchSink sink, boolean firstOnly) {
        List<String> literals = RegexPrefilter.of(pattern).literals();
        int n = text.length();
        if (max > MAX_WINDOW || literals.isEmpty()) {
            return -2;
        }
        long[] spans = new long[16];
        int count = 0;
        for (String l : literals) {
            int at = folded.indexOf(l, offset);
            while (at >= 0 && at + l.length() <= offset + n) {
                int rel = at - offset;
                int a = (int) Math.max(0, rel - max);
                int b = (int) Math.min(n, rel + l.length() + max);
                if (count == spans.length) {
                    spans = Arrays.copyOf(spans, count * 2);
                }
                spans[count++] = ((long) a << 32) | b;
                at = folded.indexOf(l, at + 1);
            }
        }
        if (count == 0) {
            return -1;
        }
        Arrays.sort(spans, 0, count);
        int pos = 0;
        int i = 0;
        long covered = 0;
        int[] ws = new int[count];
        int[] we = new int[count];
        int w = 0;
        while (i < count) {
            int a = (int) (spans[i] >>> 32);
            int b = (int) spans[i];
            i++;
            while (true) {
                while (a > 0 && asciiWord(text.charAt(a - 1))) {
                    a--;
                }
                while (b < n && asciiWord(text.charAt(b))) {
                    b++;
                }
                if (i < count && (int) (spans[i] >>> 32) <= b) {
                    b = Math.max(b, (int) spans[i]);
                    i++;
                    continue;
                }
                break;
            }
            if (w > 0 && a <= we[w - 1]) {
                we[w - 1] = Math.max(we[w - 1], b);
            } else {
                ws[w] = a;
                we[w] = b;
                w++;
            }
        }
        for (int k = 0; k < w; k++) {
            covered += we[k] - ws[k];
        }
        if (covered > n / 2) {
            return -2; // windows cover most of the text: a plain scan is as cheap
        }
        for (int k = 0; k < w; k++) {
            if (we[k] <= pos) {
                continue;
            }
            int a = ws[k];
            Matcher m = pattern.matcher(new Slice(text, a, we[k]));
            boolean found = m.find(Math.max(a, pos) - a);
            while (found) {
                if (m.end() > m.start()) {
                    if (firstOnly) {
                        return a + m.start();
                    }
                    sink.match(a + m.start(), a + m.end());
                }
                pos = a + m.end();
                found = m.find();
            }
        }
        return -1;
    }

    /** A part of a string as a CharSequence, without copying it. */
    private record Slice(String s, int from, int to) implements CharSequence {
        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            return s.charAt(from + index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.substring(from + start, from + end);
        }

        @Override
        public String toString() {
            return s.substring(from, to);
        }
    }

    /**
     * Offsets (relative to {@code from}) where a prefix occurs entirely within {@code [from, to)},
     * sorted. Where the pattern puts {@code \b} before a prefix that starts with an ASCII word
     * character, an occurrence right after another ASCII word character cannot start a match
     * (RE2's {@code \b} is ASCII) and is left out; one at the text's start always stays in.
     */
    private int[] candidates(String text, String folded, int from, int to) {
        int[] out = new int[16];
        int n = 0;
        for (int k = 0; k < prefixes.size(); k++) {
            String p = prefixes.get(k);
            int at = folded.indexOf(p, from);
            while (at >= 0 && at + p.length() <= to) {
                int rel = at - from;
                if (!(boundary[k] && rel > 0 && asciiWord(text.charAt(rel)) && asciiWord(text.charAt(rel - 1)))) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = rel;
                }
                at = folded.indexOf(p, at + 1);
            }
        }
        int[] r = Arrays.copyOf(out, n);
        Arrays.sort(r);
        return r;
    }

    private static boolean asciiWord(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** The longest runs of RE2's {@code \s} ([\t\n\f\r ]) and of digits in a text: {spaces, digits}. */
    public static int[] runs(String text) {
        int s = 0;
        int d = 0;
        int maxS = 0;
        int maxD = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
                s++;
                maxS = Math.max(maxS, s);
            } else {
                s = 0;
            }
            if (c >= '0' && c <= '9') {
                d++;
                maxD = Math.max(maxD, d);
            } else {
                d = 0;
            }
        }
        return new int[] {maxS, maxD};
    }

    // ---- a small syntax tree of the RE2 pattern, enough for prefixes and longest match ----

    private static Map<String, Boolean> one(String literal, boolean boundary) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        // The flag is only useful (and only used) when the literal starts with an ASCII word character.
        m.put(literal, boundary && asciiWord(literal.charAt(0)));
        return m;
    }

    /** Both sets of prefixes; a literal keeps its boundary flag only if every way to it has one. */
    private static Map<String, Boolean> union(Map<String, Boolean> a, Map<String, Boolean> b) {
        Map<String, Boolean> out = new LinkedHashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Boolean::logicalAnd));
        return out;
    }

    /** Single-character kinds: a run of these is bounded by the text. */
    enum Kind { LITERAL, SPACE, DIGIT, SET, OTHER }

    abstract static class Node {
        /**
         * Literals one of which every match starts with, each with whether a {@code \b} certainly
         * precedes it ({@code boundary}: one was seen just before this node); null when unknown.
         */
        abstract Map<String, Boolean> prefixes(boolean boundary);

        /** The longest match in UTF-16 units, given the text's runs; Long.MAX_VALUE when unbounded. */
        abstract long max(Runs runs);

        boolean hasTextAnchor() {
            return false;
        }

        /** Whether the node matches only the empty string (an assertion). */
        boolean zeroWidth() {
            return false;
        }
    }

    /** One character: a literal (folded) or a class. */
    static final class Char extends Node {
        final Kind kind;
        final char literal;
        final int width;
        /** For {@link Kind#SET}: the characters of a class such as {@code [:\-–]}, each matching only itself. */
        final String set;

        Char(Kind kind, char literal, int width) {
            this(kind, literal, width, null);
        }

        Char(Kind kind, char literal, int width, String set) {
            this.kind = kind;
            this.literal = literal;
            this.width = width;
            this.set = set;
        }

        @Override
        Map<String, Boolean> prefixes(boolean boundary) {
            return kind == Kind.LITERAL ? one(String.valueOf(literal), boundary) : null;
        }

        @Override
        long max(Runs runs) {
            return width;
        }
    }

    /** A zero-width assertion: {@code \b}, {@code \B}, or a text/line anchor. */
    static final class Assert extends Node {
        final boolean textAnchor;
        final boolean wordBoundary;

        Assert(boolean textAnchor, boolean wordBoundary) {
            this.textAnchor = textAnchor;
            this.wordBoundary = wordBoundary;
        }

        @Override
        Map<String, Boolean> prefixes(boolean boundary) {
            return null;
        }

        @Override
        long max(Runs runs) {
            return 0;
        }

        @Override
        boolean hasTextAnchor() {
            return textAnchor;
        }

        @Override
        boolean zeroWidth() {
            return true;
        }
    }

    static final class Cat extends Node {
        final List<Node> parts;

        Cat(List<Node> parts) {
            this.parts = parts;
        }

        @Override
        Map<String, Boolean> prefixes(boolean boundary) {
            return prefixesFrom(0, boundary);
        }

        /**
         * What the parts from {@code i} on start with: a run of literals; or, after an optional part
         * such as {@code (?:u\.?s\.?\s+)?}, either what that part starts with or what follows it.
         */
        private Map<String, Boolean> prefixesFrom(int i, boolean boundary) {
            while (i < parts.size() && parts.get(i).zeroWidth()) {
                if (parts.get(i) instanceof Assert a && a.wordBoundary) {
                    boundary = true;
                }
                i++;
            }
            if (i == parts.size()) {
                return null;
            }
            if (parts.get(i) instanceof Char c && c.kind == Kind.LITERAL) {
                StringBuilder run = new StringBuilder();
                while (i < parts.size() && parts.get(i) instanceof Char d && d.kind == Kind.LITERAL) {
                    run.append(d.literal);
                    i++;
                }
                return one(run.toString(), boundary);
            }
            if (parts.get(i) instanceof Repeat r && r.min == 0) {
                Map<String, Boolean> inner = r.inner.zeroWidth() ? null : r.inner.prefixes(boundary);
                Map<String, Boolean> rest = prefixesFrom(i + 1, boundary);
                if (inner == null || rest == null) {
                    return null;
                }
                return union(inner, rest);
            }
            return parts.get(i).prefixes(boundary);
        }

        @Override
        long max(Runs runs) {
            long sum = 0;
            for (Node p : parts) {
                long m = p.max(runs);
                if (m == Long.MAX_VALUE) {
                    return Long.MAX_VALUE;
                }
                sum += m;
            }
            return sum;
        }

        @Override
        boolean hasTextAnchor() {
            return parts.stream().anyMatch(Node::hasTextAnchor);
        }

        @Override
        boolean zeroWidth() {
            return parts.stream().allMatch(Node::zeroWidth);
        }
    }

    static final class Alt extends Node {
        final List<Node> alternatives;

        Alt(List<Node> alternatives) {
            this.alternatives = alternatives;
        }

        @Override
        Map<String, Boolean> prefixes(boolean boundary) {
            Map<String, Boolean> out = new LinkedHashMap<>();
            for (Node a : alternatives) {
                Map<String, Boolean> p = a.prefixes(boundary);
                if (p == null) {
                    return null;
                }
                out = union(out, p);
            }
            return out;
        }

        @Override
        long max(Runs runs) {
            long m = 0;
            for (Node a : alternatives) {
                m = Math.max(m, a.max(runs));
            }
            return m;
        }

        @Override
        boolean hasTextAnchor() {
            return alternatives.stream().anyMatch(Node::hasTextAnchor);
        }

        @Override
        boolean zeroWidth() {
            return alternatives.stream().allMatch(Node::zeroWidth);
        }
    }

    static final class Repeat extends Node {
        final Node inner;
        final int min;
        final int max; // -1: unbounded

        Repeat(Node inner, int min, int max) {
            this.inner = inner;
            this.min = min;
            this.max = max;
        }

        @Override
        Map<String, Boolean> prefixes(boolean boundary) {
            return min >= 1 ? inner.prefixes(boundary) : null;
        }

        @Override
        long max(Runs runs) {
            if (max >= 0) {
                long m = inner.max(runs);
                return m == Long.MAX_VALUE ? m : m * max;
            }
            if (inner instanceof Char c) {
                // A run of one kind of character is no longer than the longest such run in the text.
                if (c.kind == Kind.SPACE || (c.kind == Kind.LITERAL && " \n\t\r\f".indexOf(c.literal) >= 0)) {
                    return runs.space;
                }
                if (c.kind == Kind.DIGIT || (c.kind == Kind.LITERAL && c.literal >= '0' && c.literal <= '9')) {
                    return runs.digit;
                }
                if (c.kind == Kind.SET) {
                    return runs.run(c.set);
                }
            }
            return Long.MAX_VALUE;
        }

        @Override
        boolean hasTextAnchor() {
            return inner.hasTextAnchor();
        }

        @Override
        boolean zeroWidth() {
            return inner.zeroWidth();
        }
    }

    /** Reads RE2 syntax into {@link Node}s; throws on anything it does not know. */
    static final class Reader {
        private final String re;
        private int i;

        Reader(String re) {
            this.re = re;
        }

        Node read() {
            Node n = alternation();
            if (i != re.length()) {
                throw new IllegalStateException("unbalanced");
            }
            return n;
        }

        private Node alternation() {
            List<Node> alts = new ArrayList<>();
            alts.add(sequence());
            while (i < re.length() && re.charAt(i) == '|') {
                i++;
                alts.add(sequence());
            }
            return alts.size() == 1 ? alts.get(0) : new Alt(alts);
        }

        private Node sequence() {
            List<Node> parts = new ArrayList<>();
            while (i < re.length() && re.charAt(i) != '|' && re.charAt(i) != ')') {
                Node a = atom();
                if (a != null) {
                    parts.add(repeat(a));
                }
            }
            return new Cat(parts);
        }

        /** One atom, or null for a flag group such as {@code (?i)}. */
        private Node atom() {
            char c = re.charAt(i);
            switch (c) {
                case '(' -> {
                    return group();
                }
                case '[' -> {
                    int at = i;
                    String set = simpleSet();
                    if (set != null) {
                        return new Char(Kind.SET, '\0', 1, set);
                    }
                    i = at;
                    skipClass();
                    return new Char(Kind.OTHER, '\0', 2);
                }
                case '.' -> {
                    i++;
                    return new Char(Kind.OTHER, '\0', 2);
                }
                case '^', '$' -> {
                    i++;
                    return new Assert(true, false);
                }
                case '\\' -> {
                    return escape();
                }
                case '*', '+', '?', '{' -> throw new IllegalStateException("unexpected " + c);
                default -> {
                    i++;
                    return character(c);
                }
            }
        }

        private Node character(char c) {
            if (RegexPrefilter.literalChar(c) && !Character.isSurrogate(c)) {
                return new Char(Kind.LITERAL, RegexPrefilter.foldChar(c), 1);
            }
            return new Char(Kind.OTHER, '\0', 2);
        }

        private Node escape() {
            char e = re.charAt(i + 1);
            i += 2;
            if (e < 128 && !Character.isLetterOrDigit(e)) {
                return character(e);
            }
            return switch (e) {
                case 'b' -> new Assert(false, true);
                case 'B' -> new Assert(false, false);
                case 'A', 'z' -> new Assert(true, false);
                case 's' -> new Char(Kind.SPACE, '\0', 1);
                case 'd' -> new Char(Kind.DIGIT, '\0', 1);
                case 'w', 'a', 'f', 't', 'n', 'r', 'v' -> new Char(Kind.OTHER, '\0', 1);
                case 'D', 'S', 'W' -> new Char(Kind.OTHER, '\0', 2);
                default -> throw new IllegalStateException("escape \\" + e);
            };
        }

        private Node group() {
            i++;
            if (re.startsWith("?", i)) {
                i++;
                if (re.startsWith("P<", i) || re.startsWith("<", i)) {
                    i = re.indexOf('>', i) + 1;
                    if (i == 0) {
                        throw new IllegalStateException("bad name");
                    }
                } else {
                    while (i < re.length() && "imsU-".indexOf(re.charAt(i)) >= 0) {
                        i++;
                    }
                    if (re.charAt(i) == ')') {
                        i++;
                        return null;
                    }
                    if (re.charAt(i) != ':') {
                        throw new IllegalStateException("group syntax");
                    }
                    i++;
                }
            }
            Node inner = alternation();
            if (i >= re.length() || re.charAt(i) != ')') {
                throw new IllegalStateException("unclosed group");
            }
            i++;
            return inner;
        }

        /**
         * A class made only of characters that match nothing but themselves (punctuation, digits,
         * caseless symbols; no letters, ranges, negation or escapes other than punctuation), as a
         * string of them; null otherwise (the class is then skipped as an unknown character).
         */
        private String simpleSet() {
            i++; // [
            StringBuilder set = new StringBuilder();
            boolean first = true;
            while (i < re.length()) {
                char c = re.charAt(i);
                if (c == ']' && !first) {
                    i++;
                    return set.length() == 0 ? null : set.toString();
                }
                if (c == '^' && first) {
                    return null;
                }
                if (c == '\\') {
                    char e = i + 1 < re.length() ? re.charAt(i + 1) : 'x';
                    if (e >= 128 || Character.isLetterOrDigit(e)) {
                        return null;
                    }
                    set.append(e);
                    i += 2;
                } else if (c == '-' && !first && i + 1 < re.length() && re.charAt(i + 1) != ']') {
                    return null; // a range
                } else if (c == '[' || Character.isLetter(c) || Character.isSurrogate(c) || !RegexPrefilter.literalChar(c)) {
                    return null;
                } else {
                    set.append(c);
                    i++;
                }
                first = false;
            }
            return null;
        }

        private void skipClass() {
            i++;
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
                    if (e == 'p' || e == 'P' || e == 'x' || e == 'Q') {
                        throw new IllegalStateException("class escape");
                    }
                    i += 2;
                    continue;
                }
                if (c == '[' && re.startsWith("[:", i)) {
                    int close = re.indexOf(":]", i + 2);
                    if (close < 0) {
                        throw new IllegalStateException("posix");
                    }
                    i = close + 2;
                    continue;
                }
                i++;
            }
            throw new IllegalStateException("unclosed class");
        }

        private Node repeat(Node atom) {
            while (i < re.length()) {
                char c = re.charAt(i);
                int min;
                int max;
                if (c == '*') {
                    min = 0;
                    max = -1;
                    i++;
                } else if (c == '+') {
                    min = 1;
                    max = -1;
                    i++;
                } else if (c == '?') {
                    min = 0;
                    max = 1;
                    i++;
                } else if (c == '{') {
                    java.util.regex.Matcher m = REPEAT.matcher(re).region(i, re.length());
                    if (!m.lookingAt()) {
                        throw new IllegalStateException("literal '{'");
                    }
                    min = Integer.parseInt(m.group(1));
                    max = m.group(2) == null ? min : m.group(3).isEmpty() ? -1 : Integer.parseInt(m.group(3));
                    i = m.end();
                } else {
                    return atom;
                }
                if (i < re.length() && re.charAt(i) == '?') {
                    i++; // lazy: same matches possible, same bounds
                }
                atom = new Repeat(atom, min, max);
            }
            return atom;
        }

        private static final java.util.regex.Pattern REPEAT = java.util.regex.Pattern.compile("\\{(\\d+)(,(\\d*))?\\}");
    }
}

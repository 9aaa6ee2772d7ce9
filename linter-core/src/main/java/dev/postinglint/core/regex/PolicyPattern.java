package dev.postinglint.core.regex;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.postinglint.core.yaml.YamlValue;
import java.util.Map;

/**
 * A policy pattern, compiled once when the policy loads: the RE2/J pattern (linear time, so no
 * policy can make the linter backtrack forever) together with what its syntax tree
 * ({@link RegexSyntax}) tells about it: the literals a match must contain ({@link RegexPrefilter})
 * and where a match can start ({@link AnchoredScan}). Rules call only this; every speed-up reports
 * exactly what a plain {@code find()} loop would. The analysis lives in the instance, which the
 * compiled policy owns: nothing is cached globally.
 *
 * <p>What RE2/J rejects, or would silently read differently from java.util.regex, is reported at
 * the pattern's place in the policy.
 */
public final class PolicyPattern {
    private static final int MAX_PATTERN_LENGTH = 10_000;
    /**
     * The most instructions a policy pattern's compiled program may have, as estimated by
     * {@link #programSize}. RE2/J expands counted repetition into copies ({@code (a{1000}){1000}} is a
     * million instructions, {@code ((((a{100}){100}){100}){100})} a hundred million: out of memory),
     * and its matching time is the program's size times the text's length. No pattern without
     * nested counted repetition comes near this; {@code [a-z]{1,1000}} is about 2,000.
     */
    public static final long MAX_PROGRAM_SIZE = 20_000;
    private static final java.util.regex.Pattern CLASS_INTERSECTION = java.util.regex.Pattern.compile("\\[[^\\]]*&&");
    private static final java.util.regex.Pattern LOOKAROUND = java.util.regex.Pattern.compile("\\(\\?<?[=!]");
    private static final java.util.regex.Pattern BACKREF = java.util.regex.Pattern.compile("(?<!\\\\)\\\\[1-9]|\\\\k<");


    private final Pattern pattern;
    private final RegexPrefilter prefilter;
    /** Null when matches are not found faster by scanning from literals. */
    private final AnchoredScan scan;
    /** Null unless the pattern ends in a long bounded repeat that the first match extends by hand. */
    private final LineTail tail;
    /** Null unless the pattern is an alternation that no literal narrows as a whole but each of whose branches one does. */
    private final Branches branches;

    private PolicyPattern(Pattern pattern) {
        this(pattern, true);
    }

    /** {@code whole}: a policy's pattern, not a part made for one of its speed-ups (which get no speed-ups of their own parts). */
    private PolicyPattern(Pattern pattern, boolean whole) {
        this(pattern, syntaxOrNull(pattern.pattern()), whole);
    }

    /** {@code tree}: the pattern's syntax tree, or null for a construct the reader does not know (no speed-up, plain RE2/J). */
    private PolicyPattern(Pattern pattern, RegexSyntax.Node tree, boolean whole) {
        this.pattern = pattern;
        this.prefilter = tree == null ? RegexPrefilter.NONE : RegexPrefilter.of(tree);
        this.scan = tree == null ? null : AnchoredScan.of(pattern, tree, prefilter);
        this.tail = tree == null || !whole ? null : LineTail.of(pattern, tree);
        this.branches = tree instanceof RegexSyntax.Alt && whole && (scan == null || scan.prefixes() == null)
                ? Branches.of(pattern) : null;
    }

    /** A pattern already checked (tests, built-in patterns); policy patterns go through {@link #compile}. */
    static PolicyPattern of(Pattern pattern) {
        return new PolicyPattern(pattern);
    }

    public static PolicyPattern compile(YamlValue value, String what) {
        return compile(value.asNonBlank(what), value, what);
    }

    public static PolicyPattern compile(String regex, YamlValue at, String what) {
        if (regex.length() > MAX_PATTERN_LENGTH) {
            throw at.error(what + " is longer than " + MAX_PATTERN_LENGTH + " characters");
        }
        if (LOOKAROUND.matcher(regex).find()) {
            throw at.error(what + " uses lookahead or lookbehind, which RE2/J does not support: '" + regex + "'");
        }
        java.util.regex.Matcher backref = BACKREF.matcher(regex);
        if (backref.find()) {
            throw at.error(what + " uses a backreference (" + backref.group() + "), which RE2/J does not support: '" + regex + "'");
        }
        if (CLASS_INTERSECTION.matcher(regex).find()) {
            throw at.error(what + " uses '&&' inside a character class; RE2/J reads it as literal characters, not an intersection: '" + regex + "'");
        }
        RegexSyntax.Node tree = syntaxOrNull(regex); // read once: for the size here, and for the speed-ups
        long size = programSize(tree);
        if (size > MAX_PROGRAM_SIZE) {
            throw at.error(what + " would compile to a program of about " + (size > 1_000_000_000L ? "more than 10^9" : String.valueOf(size))
                    + " instructions (the limit is " + MAX_PROGRAM_SIZE + "): nested counted repetition such as (a{100}){100}"
                    + " multiplies; use + or * instead of a large count: '" + regex + "'");
        }
        try {
            return new PolicyPattern(Pattern.compile(regex), tree, true);
        } catch (PatternSyntaxException e) {
            throw at.error(what + " is not a valid RE2 regular expression: " + e.getDescription() + " in '" + regex + "'");
        }
    }

    /**
     * Roughly how many instructions RE2/J's program for {@code regex} has, from its syntax tree, before
     * RE2/J builds it: each counted repetition copies its operand up to its maximum (or minimum plus
     * one, when unbounded), so nested counts multiply. Saturates at Long.MAX_VALUE / 2. A pattern
     * the tree reader does not know is left to RE2/J, which rejects malformed patterns before it
     * expands anything.
     */
    static long programSize(String regex) {
        return programSize(syntaxOrNull(regex));
    }

    private static long programSize(RegexSyntax.Node tree) {
        try {
            return tree == null ? 0 : size(tree);
        } catch (RuntimeException | StackOverflowError e) {
            return 0;
        }
    }

    /** The syntax tree of {@code regex}, or null when the reader does not know a construct in it. */
    private static RegexSyntax.Node syntaxOrNull(String regex) {
        try {
            return RegexSyntax.parse(regex);
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    private static final long SATURATED = Long.MAX_VALUE / 2;

    private static long size(RegexSyntax.Node n) {
        if (n instanceof RegexSyntax.Cat c) {
            long sum = 0;
            for (RegexSyntax.Node p : c.parts()) {
                sum = Math.min(SATURATED, sum + size(p));
            }
            return sum;
        }
        if (n instanceof RegexSyntax.Alt a) {
            long sum = a.alternatives().size();
            for (RegexSyntax.Node p : a.alternatives()) {
                sum = Math.min(SATURATED, sum + size(p));
            }
            return sum;
        }
        if (n instanceof RegexSyntax.Repeat r) {
            long copies = r.max() < 0 ? Math.max(1, r.min()) + 1L : Math.max(1, r.max());
            long inner = size(r.inner());
            return inner > SATURATED / copies ? SATURATED : inner * copies + copies;
        }
        return 1;
    }

    /**
     * A literal phrase as a pattern: case-insensitive, any run of white space between words, and word
     * boundaries where the phrase starts or ends with a letter or digit.
     */
    public static PolicyPattern phrase(String phrase, YamlValue at, String what) {
        String p = phrase.strip();
        if (p.isEmpty()) {
            throw at.error(what + " must not be empty");
        }
        return compile(phraseRegex(p), at, what);
    }

    static String phraseRegex(String p) {
        StringBuilder re = new StringBuilder("(?i)");
        if (Character.isLetterOrDigit(p.charAt(0))) {
            re.append("\\b");
        }
        String[] words = p.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                re.append("\\s+");
            }
            re.append(Pattern.quote(words[i]));
        }
        if (Character.isLetterOrDigit(p.charAt(p.length() - 1))) {
            re.append("\\b");
        }
        return re.toString();
    }

    /** The pattern as written in the policy. */
    public String pattern() {
        return pattern.pattern();
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }

    public Map<String, Integer> namedGroups() {
        return pattern.namedGroups();
    }

    /** A plain RE2/J matcher, for callers that need groups or anchoring of their own. */
    public Matcher matcher(CharSequence text) {
        return pattern.matcher(text);
    }

    /** {@code text} cut at every match, as RE2/J's {@code Pattern.split}. */
    public String[] split(String text) {
        return pattern.split(text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyPattern p && p.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    /** Whether the pattern matches somewhere in {@code text}. */
    public boolean find(CharSequence text) {
        return pattern.matcher(text).find();
    }

    /** Whether {@link #mayMatch} can ever say no (else the folded text need not be made). */
    public boolean filters() {
        return !prefilter.isNone();
    }

    /** False when the pattern certainly has no match in a text whose {@link #fold folded} copy is {@code folded}. */
    public boolean mayMatch(String folded) {
        return prefilter.mayMatch(folded);
    }

    /** As {@link #mayMatch} on {@code text}'s folded copy, without making it (for a text searched only once). */
    public boolean mayMatchUnfolded(String text) {
        return prefilter.mayMatchUnfolded(text);
    }

    /** Receives a match: start and end offsets in the text. */
    public interface MatchSink {
        void match(int start, int end);
    }

    /** Reports every non-empty match in {@code text}, in order, as a plain {@code find()} loop finds them. */
    public void findAll(CharSequence text, MatchSink sink) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (m.end() > m.start()) {
                sink.match(m.start(), m.end());
            }
        }
    }

    /** A matcher on {@code text} positioned at the first match, or null when there is none. */
    public Matcher first(CharSequence text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m : null;
    }

    /** A text searched by many patterns, with its {@link #fold folded} copy and {@link #runs} made once by its owner. */
    public interface Text {
        String folded();

        int[] runs();

        /**
         * Where a folded literal starts in {@link #folded()}, sorted, when the text knows it (a
         * {@link MatchIndex}); null: the searches find the literal themselves.
         */
        default int[] occurrences(String literal) {
            return null;
        }
    }

    /** The literals whose occurrences this pattern's searches look up (for the policy's {@link PolicyMatcher}). */
    java.util.Set<String> indexedLiterals() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(prefilter.literals());
        if (scan != null && scan.prefixes() != null) {
            out.addAll(scan.prefixes());
        }
        if (tail != null) {
            out.addAll(tail.prefix().indexedLiterals());
        }
        if (branches != null) {
            for (PolicyPattern b : branches.parts()) {
                out.addAll(b.indexedLiterals());
            }
        }
        return out;
    }

    /** Looks up the ids of every literal list of this pattern's searches in {@code matcher} now, not per search ({@link LiteralIds}). */
    void bind(PolicyMatcher matcher) {
        prefilter.ids().in(matcher);
        if (scan != null) {
            scan.bind(matcher);
        }
        if (tail != null) {
            tail.prefix().bind(matcher);
        }
        if (branches != null) {
            for (PolicyPattern b : branches.parts()) {
                b.bind(matcher);
            }
        }
    }

    /**
     * A match's groups: for group {@code g} (0: the whole match) its start and end in the searched
     * text, -1 when the group took no part.
     */
    public record Groups(int[] spans) {
        static Groups of(Matcher m, int offset, int groupShift) {
            int n = m.groupCount() - groupShift;
            int[] spans = new int[2 * (n + 1)];
            for (int g = 0; g <= n; g++) {
                int mg = g == 0 && groupShift > 0 ? 1 : g == 0 ? 0 : g + groupShift;
                int st = m.start(mg);
                spans[2 * g] = st < 0 ? -1 : st + offset;
                spans[2 * g + 1] = st < 0 ? -1 : m.end(mg) + offset;
            }
            return new Groups(spans);
        }

        public int groupCount() {
            return spans.length / 2 - 1;
        }

        public int start(int group) {
            return spans[2 * group];
        }

        public int end(int group) {
            return spans[2 * group + 1];
        }

        public int start() {
            return spans[0];
        }

        public int end() {
            return spans[1];
        }
    }

    /** The first match in {@code text} with its groups, as a plain {@code find()} reports it; null when there is none. */
    public Groups firstGroups(CharSequence text) {
        if (tail != null) {
            Groups g = tail.prefix().firstGroups(text);
            return g == null ? null : tail.extend(g, text);
        }
        Matcher m = pattern.matcher(text);
        return m.find() ? Groups.of(m, 0, 0) : null;
    }

    /** Searches regions of {@code whole}, visited in increasing order (a posting's scopes). */
    public Search search(Text whole) {
        return new Search(whole);
    }

    /** The searches of one pattern in regions of one text; their results are those of plain RE2/J. */
    public final class Search {
        private final Text whole;
        private final RegexPrefilter.Cursor cursor;

        private Search(Text whole) {
            this.whole = whole;
            this.cursor = prefilter.cursor(whole);
        }

        /** False when no match can lie within {@code [from, to)} of the whole text. */
        public boolean mayMatch(int from, int to) {
            return cursor.mayMatch(from, to);
        }

        /** Every non-empty match in {@code text}, the region at {@code offset} of the whole text, as {@link #findAll(CharSequence, MatchSink)}. */
        public void findAll(String text, int offset, MatchSink sink) {
            if ((scan == null || !scan.findAll(text, whole, offset, whole.runs(), sink))
                    && (branches == null || !branches.findAll(text, whole, offset, sink))) {
                PolicyPattern.this.findAll(text, sink);
            }
        }

        /**
         * As {@link #firstGroups(CharSequence)} on {@code text}, the region at {@code offset} of the whole
         * text: the groups are those of the anchored match that found it, not of a second search.
         */
        public Groups firstGroups(String text, int offset) {
            if (tail != null) {
                Groups g = tail.prefix().firstIn(text, whole, offset);
                return g == null ? null : tail.extend(g, text);
            }
            return firstIn(text, whole, offset);
        }
    }

    private Groups firstIn(String text, Text whole, int offset) {
        if (scan != null) {
            Groups g = scan.first(text, whole, offset, whole.runs());
            if (g != AnchoredScan.NEEDS_SCAN) {
                return g;
            }
        }
        Matcher m = pattern.matcher(text);
        return m.find() ? Groups.of(m, 0, 0) : null;
    }

    /**
     * A pattern whose last part is a bounded repeat of {@code [^\n]} ("the rest of the line, at most n
     * characters", as field patterns end: {@code (?P<value>[^\n]{2,150})}), which RE2/J expands into
     * n nested optional steps that every attempt walks. Nothing follows the repeat and it is greedy,
     * so it succeeds after a given way of matching the rest exactly when {@code m} characters other
     * than a newline follow, and then takes as many as it can, up to {@code n}. So the first match of
     * the pattern is the first match of {@link #prefix} (the pattern with {@code [^\n]{m}}: the same
     * start, the same choices, the same groups) with the repeat's group and the match extended to
     * the line's end or {@code n} code points, by plain code.
     */
    private record LineTail(PolicyPattern prefix, int group, int min, int max) {
        private static final java.util.regex.Pattern TAIL = java.util.regex.Pattern.compile(
                "(\\((?:\\?P<[A-Za-z0-9_]+>|\\?:)?)?\\[\\^\\\\n\\]\\{(\\d+),(\\d+)\\}(\\))?$");
        private static final java.util.regex.Pattern UNGREEDY_FLAG = java.util.regex.Pattern.compile("\\(\\?[a-zA-Z]*U");
        /** Below this the expansion is cheap: leave the pattern as it is. */
        private static final int MIN_SPAN = 16;

        static LineTail of(Pattern pattern, RegexSyntax.Node tree) {
            String re = pattern.pattern();
            java.util.regex.Matcher t = TAIL.matcher(re);
            if (!t.find() || UNGREEDY_FLAG.matcher(re).find() || (t.group(1) == null) != (t.group(4) == null)) {
                return null;
            }
            int min;
            int max;
            try {
                min = Integer.parseInt(t.group(2));
                max = Integer.parseInt(t.group(3));
            } catch (NumberFormatException e) {
                return null;
            }
            if (max - min < MIN_SPAN || !(tree instanceof RegexSyntax.Cat c) || c.parts().isEmpty()
                    || !(c.parts().get(c.parts().size() - 1) instanceof RegexSyntax.Repeat r) || r.min() != min || r.max() != max
                    || !(r.inner() instanceof RegexSyntax.Cls)) {
                return null; // the tail is not the pattern's last part (an alternative's, or inside a class or a group)
            }
            String head = re.substring(0, t.start());
            String group = t.group(1) == null ? "" : t.group(1);
            Pattern shorter;
            try {
                Pattern.compile(head.isEmpty() ? "x" : head); // the head alone must be a pattern: the tail was not escaped or quoted
                shorter = Pattern.compile(head + group + "[^\\n]{" + min + "}" + (t.group(4) == null ? "" : ")"));
            } catch (RuntimeException e) {
                return null;
            }
            if (shorter.groupCount() != pattern.groupCount()) {
                return null;
            }
            // A capturing tail is the pattern's last group (nothing opens after it).
            int g = group.isEmpty() || group.equals("(?:") ? -1 : pattern.groupCount();
            return new LineTail(new PolicyPattern(shorter, false), g, min, max);
        }

        /** The match of {@link #prefix}, its tail (and group) carried on to the line's end or {@code max} code points. */
        Groups extend(Groups g, CharSequence text) {
            int end = g.end();
            int taken = min;
            while (taken < max && end < text.length() && text.charAt(end) != '\n') {
                end += Character.charCount(Character.codePointAt(text, end));
                taken++;
            }
            int[] spans = g.spans().clone();
            spans[1] = end;
            if (group > 0) {
                spans[2 * group + 1] = end;
            }
            return new Groups(spans);
        }
    }

    /**
     * The branches of a top-level alternation ({@code \bUniversity\s+[A-Z]|\bUC[A-Z]{1,3}\b|\b(?:in|at)\s+[A-Z]...}),
     * each a pattern of its own that its literals narrow (started from or scanned in windows around), for
     * when the pattern's literals together occur too often to narrow it ({@code in}, {@code at}). What a
     * plain {@code find()} loop reports is put together from the branches' own matches: from where the
     * last match ended, the match that starts first, of the earliest branch when several start at the
     * same place (leftmost-first alternation), as that branch's own {@code find()} from there reports
     * it. A branch's next match in its own loop is that, unless an earlier match of its own loop reaches
     * past where the search now starts (another branch's match ended inside it): then the branch is
     * searched from there by plain RE2/J. Every match holds a literal, so none is empty.
     */
    private record Branches(java.util.List<PolicyPattern> parts) {
        static Branches of(Pattern pattern) {
            java.util.List<String> sources = RegexSyntax.topLevelBranches(pattern.pattern());
            if (sources == null) {
                return null;
            }
            java.util.List<PolicyPattern> parts = new java.util.ArrayList<>();
            for (String b : sources) {
                PolicyPattern p;
                try {
                    p = new PolicyPattern(Pattern.compile(b), false);
                } catch (RuntimeException e) {
                    return null;
                }
                if (p.scan == null || p.prefilter.isNone()) {
                    return null; // this branch would scan the whole text anyway
                }
                parts.add(p);
            }
            return new Branches(java.util.List.copyOf(parts));
        }

        /** As {@link AnchoredScan#findAll}: every match, or false (having reported nothing) when a branch needs a plain scan. */
        boolean findAll(String text, Text whole, int offset, MatchSink sink) {
            int k = parts.size();
            int[][] found = new int[k][];
            int[] sizes = new int[k];
            for (int b = 0; b < k; b++) {
                PolicyPattern part = parts.get(b);
                int[][] into = found;
                int bb = b;
                into[b] = new int[8];
                if (!part.prefilter.cursor(whole).mayMatch(offset, offset + text.length())) {
                    continue;
                }
                boolean scanned = part.scan.findAll(text, whole, offset, whole.runs(), (st, e) -> {
                    if (sizes[bb] + 2 > into[bb].length) {
                        into[bb] = java.util.Arrays.copyOf(into[bb], into[bb].length * 2);
                    }
                    into[bb][sizes[bb]++] = st;
                    into[bb][sizes[bb]++] = e;
                });
                if (!scanned) {
                    return false;
                }
            }
            int[] next = new int[k]; // per branch: the index in found[b] of its first own match starting at or after pos
            // Per branch: the match its plain search from some earlier pos found (start -1: none), kept while it
            // is still ahead, so that the plain searches stay linear in the text; -2: none made.
            int[] searchedStart = new int[k];
            int[] searchedEnd = new int[k];
            java.util.Arrays.fill(searchedStart, -2);
            int pos = 0;
            while (true) {
                int bestStart = Integer.MAX_VALUE;
                int bestEnd = -1;
                for (int b = 0; b < k; b++) {
                    int[] f = found[b];
                    while (next[b] < sizes[b] && f[next[b]] < pos) {
                        next[b] += 2;
                    }
                    int st;
                    int e;
                    if (next[b] > 0 && f[next[b] - 1] > pos) {
                        if (searchedStart[b] == -2 || (searchedStart[b] >= 0 && searchedStart[b] < pos)) {
                            Matcher m = parts.get(b).pattern.matcher(text);
                            boolean any = m.find(pos);
                            searchedStart[b] = any ? m.start() : -1;
                            searchedEnd[b] = any ? m.end() : -1;
                        }
                        if (searchedStart[b] < 0) {
                            continue;
                        }
                        st = searchedStart[b];
                        e = searchedEnd[b];
                    } else if (next[b] < sizes[b]) {
                        st = f[next[b]];
                        e = f[next[b] + 1];
                    } else {
                        continue;
                    }
                    if (st < bestStart) { // strictly: on a tie the earlier branch stays
                        bestStart = st;
                        bestEnd = e;
                    }
                }
                if (bestEnd < 0) {
                    return true;
                }
                sink.match(bestStart, bestEnd);
                pos = bestEnd;
            }
        }
    }

    /**
     * Folds text for literal search: every character to the one that stands for its case orbit
     * ({@link RegexPrefilter#foldChar}: ASCII letters to lower case, {@code É} to {@code é}, U+017F to
     * {@code s}, U+212A to {@code k}). Same length as the input, index for index.
     */
    public static String fold(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && RegexPrefilter.foldChar(s.charAt(i)) == s.charAt(i)) {
            i++;
        }
        if (i == n) {
            return s;
        }
        char[] out = s.toCharArray();
        for (; i < n; i++) {
            out[i] = RegexPrefilter.foldChar(out[i]);
        }
        return new String(out);
    }

    /**
     * The longest runs in a text of RE2's {@code \s} ([\t\n\f\r ]), of ASCII digits, and of the
     * characters RE2's {@code \w} can match ([0-9A-Za-z_], and U+017F and U+212A, which {@code (?i)}
     * folds into them): {spaces, digits, word characters}. They bound how long a match can be.
     */
    public static int[] runs(String text) {
        int s = 0;
        int d = 0;
        int w = 0;
        int maxS = 0;
        int maxD = 0;
        int maxW = 0;
        // Branch-free: a run's counter is kept or zeroed by a mask of its class bit, as space, digit and word
        // characters alternate every few characters too irregularly for a branch to be predicted.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int k = c < 128 ? RUN_CLASS[c] : (c == '\u017f' || c == '\u212a' ? WORD_RUN : 0);
            s = (s + 1) & -(k & SPACE_RUN);
            d = (d + 1) & -((k & DIGIT_RUN) >> 1);
            w = (w + 1) & -((k & WORD_RUN) >> 2);
            maxS = Math.max(maxS, s);
            maxD = Math.max(maxD, d);
            maxW = Math.max(maxW, w);
        }
        return new int[] {maxS, maxD, maxW};
    }

    private static final int SPACE_RUN = 1;
    private static final int DIGIT_RUN = 2;
    private static final int WORD_RUN = 4;
    /** Per ASCII character, the runs ({@link #runs}) it continues. */
    private static final byte[] RUN_CLASS = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            boolean space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
            boolean digit = c >= '0' && c <= '9';
            RUN_CLASS[c] = (byte) ((space ? SPACE_RUN : 0) | (digit ? DIGIT_RUN : 0) | (wordRunChar(c) ? WORD_RUN : 0));
        }
    }

    /** A character that RE2's {@code \w}, or a class of ASCII letters, digits and '_', can match, with or without {@code (?i)}. */
    static boolean wordRunChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '\u017f' || c == '\u212a';
    }

    // For tests: what the analysis found.
    java.util.List<String> literals() {
        return prefilter.literals();
    }

    java.util.List<String> prefixes() {
        return scan == null ? null : scan.prefixes();
    }

    boolean scans() {
        return scan != null;
    }

    boolean hasLineTail() {
        return tail != null;
    }

    boolean dispatchesBranches() {
        return scan != null && scan.dispatches();
    }

    boolean hasBranches() {
        return branches != null;
    }
}

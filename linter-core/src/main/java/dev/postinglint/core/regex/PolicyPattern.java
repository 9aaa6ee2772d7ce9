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

    private PolicyPattern(Pattern pattern) {
        this.pattern = pattern;
        RegexSyntax.Node tree;
        try {
            tree = RegexSyntax.parse(pattern.pattern());
        } catch (RuntimeException | StackOverflowError e) {
            tree = null; // a construct the reader does not know: no speed-up, plain RE2/J
        }
        this.prefilter = tree == null ? RegexPrefilter.NONE : RegexPrefilter.of(tree);
        this.scan = tree == null ? null : AnchoredScan.of(pattern, tree, prefilter);
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
        long size = programSize(regex);
        if (size > MAX_PROGRAM_SIZE) {
            throw at.error(what + " would compile to a program of about " + (size > 1_000_000_000L ? "more than 10^9" : String.valueOf(size))
                    + " instructions (the limit is " + MAX_PROGRAM_SIZE + "): nested counted repetition such as (a{100}){100}"
                    + " multiplies; use + or * instead of a large count: '" + regex + "'");
        }
        try {
            return new PolicyPattern(Pattern.compile(regex));
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
        try {
            return size(RegexSyntax.parse(regex));
        } catch (RuntimeException | StackOverflowError e) {
            return 0;
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
            this.cursor = prefilter.cursor(whole.folded());
        }

        /** False when no match can lie within {@code [from, to)} of the whole text. */
        public boolean mayMatch(int from, int to) {
            return cursor.mayMatch(from, to);
        }

        /** Every non-empty match in {@code text}, the region at {@code offset} of the whole text, as {@link #findAll(CharSequence, MatchSink)}. */
        public void findAll(String text, int offset, MatchSink sink) {
            int[] runs = scan == null ? null : whole.runs();
            if (scan == null || !scan.findAll(text, whole.folded(), offset, runs[0], runs[1], sink)) {
                PolicyPattern.this.findAll(text, sink);
            }
        }

        /** As {@link #first(CharSequence)} on {@code text}, the region at {@code offset} of the whole text. */
        public Matcher first(String text, int offset) {
            int start = scan == null ? -2 : scan.firstStart(text, whole.folded(), offset, whole.runs()[0], whole.runs()[1]);
            if (start == -1) {
                return null;
            }
            Matcher m = pattern.matcher(text);
            return (start == -2 ? m.find() : m.find(start)) ? m : null;
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
}

package dev.postinglint.core.regex;

import dev.postinglint.core.regex.RegexSyntax.Alt;
import dev.postinglint.core.regex.RegexSyntax.Assert;
import dev.postinglint.core.regex.RegexSyntax.Cat;
import dev.postinglint.core.regex.RegexSyntax.Lit;
import dev.postinglint.core.regex.RegexSyntax.Node;
import dev.postinglint.core.regex.RegexSyntax.Repeat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A cheap test that tells when a policy pattern cannot match a text, so the RE2/J scan (linear, but
 * 2-3x slower than java.util.regex and run by dozens of rules on every posting) can be skipped.
 *
 * <p>From the pattern's source we derive a set of literal strings at least one of which occurs,
 * contiguously, in every match (for {@code \bequal\s+(?:employment\s+)?opportunit(?:y|ies)\b|\bEEO\b}
 * that is {@code {"opportunit", "eeo"}}). Literals are compared against a {@linkplain PolicyPattern#fold folded}
 * copy of the text, so a case-sensitive and a {@code (?i)} pattern are treated alike: folding only
 * ever finds more, never fewer, occurrences. Anything the analysis does not understand for certain
 * makes it give up for that part of the pattern (no literal required there), so the filter can only
 * err towards running the regex. Which matches RE2/J reports, and so every finding, is unchanged:
 * the prefilter only skips scans that would have found nothing.
 *
 * <p>Case folding: RE2's {@code (?i)} uses Unicode simple case folding, so a letter matches every
 * character of its case orbit ({@code é} and {@code É}; {@code k}, {@code K} and the Kelvin sign).
 * {@link #foldChar} maps every character to the lower case of its upper case, which is one and the
 * same character for all members of each orbit of the Basic Multilingual Plane, and no orbit there
 * reaches outside it ({@code RegexSpeedupsTest} checks both against RE2/J over all of Unicode). So a
 * literal may hold any character of the Basic Multilingual Plane ({@code télétravail}, {@code büro}),
 * whether the pattern is case-sensitive or not; control characters other than tab and newline and
 * surrogates end a literal.
 */
final class RegexPrefilter {
    /** A filter that never skips: the pattern has no required literal we could find. */
    static final RegexPrefilter NONE = new RegexPrefilter(List.of());

    private final List<String> literals;
    /** The literals' ids in the policy's matcher, bound when the policy loads. */
    private final LiteralIds ids;

    private RegexPrefilter(List<String> literals) {
        this.literals = literals;
        this.ids = new LiteralIds(literals);
    }

    /** The literals with their ids in a {@link PolicyMatcher} ({@link PolicyMatcher#of} binds them). */
    LiteralIds ids() {
        return ids;
    }

    /** The filter of a pattern's syntax tree. */
    static RegexPrefilter of(Node tree) {
        Set<String> req = required(tree);
        return req == null || req.isEmpty() || req.contains("") ? NONE : new RegexPrefilter(List.copyOf(req));
    }

    /** A filter for one of {@code literals} (folded, none empty). */
    static RegexPrefilter ofLiterals(Set<String> literals) {
        return new RegexPrefilter(List.copyOf(literals));
    }

    /**
     * Every set of literals of which each match contains one, all of them at once (for
     * {@code \b(?:in|at)\s+[A-Z][a-z]+,\s+[A-Z]{2}} that is {@code {in, at}} and {@code {","}}): the literal
     * runs and required parts of a sequence, each on its own, where {@link #required} keeps only the best.
     * An alternation gives its one set ({@link #required}'s). Empty when nothing is known.
     */
    static List<Set<String>> requiredSets(Node n) {
        List<Set<String>> out = new java.util.ArrayList<>();
        collectSets(n, out);
        return out;
    }

    private static void collectSets(Node n, List<Set<String>> out) {
        if (n instanceof Cat c) {
            StringBuilder run = new StringBuilder();
            for (Node p : c.parts()) {
                if (p instanceof Lit l && literal(l)) {
                    run.append(foldChar((char) l.cp()));
                } else if (p instanceof Repeat r && r.min() >= 1 && r.inner() instanceof Lit l && literal(l)) {
                    run.append(foldChar((char) l.cp()));
                    addRun(run, out);
                    run.append(foldChar((char) l.cp()));
                } else if (!(p instanceof Assert)) {
                    addRun(run, out);
                    collectSets(p, out);
                }
            }
            addRun(run, out);
            return;
        }
        if (n instanceof Repeat r) {
            if (r.min() >= 1) {
                collectSets(r.inner(), out);
            }
            return;
        }
        Set<String> one = required(n);
        if (one != null && !one.isEmpty() && !one.contains("") && !out.contains(one)) {
            out.add(one);
        }
    }

    private static void addRun(StringBuilder run, List<Set<String>> out) {
        if (run.length() > 0) {
            Set<String> one = Set.of(run.toString());
            if (!out.contains(one)) {
                out.add(one);
            }
            run.setLength(0);
        }
    }

    /** The required literals (any one of them), folded; empty when the filter never skips. */
    List<String> literals() {
        return literals;
    }

    /** Whether the filter never skips anything. */
    boolean isNone() {
        return literals.isEmpty();
    }

    /** Whether a match may exist in {@code folded} (a {@link PolicyPattern#fold folded} text). */
    boolean mayMatch(String folded) {
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
     * As {@link #mayMatch} on the text's {@link PolicyPattern#fold folded} copy, without making that copy: a
     * raw source (nbsp-padding's) is searched once per posting, and copying and folding the whole markup cost
     * several times the search itself (round 9).
     */
    boolean mayMatchUnfolded(String text) {
        if (literals.isEmpty()) {
            return true;
        }
        for (String l : literals) {
            if (containsFolded(text, l)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code fold(text)} contains {@code literal} (folded). Where the literal holds an ASCII character
     * that is not a letter, only that character folds to it ({@code RegexPrefilterTest} checks every char), so
     * {@link String#indexOf(int, int)} finds the places to compare; else every position is compared.
     */
    static boolean containsFolded(String text, String literal) {
        int n = literal.length();
        int anchor = -1;
        for (int j = 0; j < n && anchor < 0; j++) {
            char c = literal.charAt(j);
            if (c < 128 && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')) {
                anchor = j;
            }
        }
        if (anchor < 0) {
            for (int i = 0; i + n <= text.length(); i++) {
                if (foldedAt(text, i, literal)) {
                    return true;
                }
            }
            return false;
        }
        char a = literal.charAt(anchor);
        for (int at = text.indexOf(a, anchor); at >= 0; at = text.indexOf(a, at + 1)) {
            int start = at - anchor;
            if (start + n <= text.length() && foldedAt(text, start, literal)) {
                return true;
            }
        }
        return false;
    }

    private static boolean foldedAt(String text, int start, String literal) {
        for (int j = 0; j < literal.length(); j++) {
            if (foldChar(text.charAt(start + j)) != literal.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A cursor over one text for regions visited in increasing order: answers whether a match may
     * exist in {@code [from, to)} with work linear in the text overall, however many regions there
     * are (each literal's next occurrence is remembered). Where the text is a {@link MatchIndex}, the
     * occurrences are looked up instead of searched for.
     */
    Cursor cursor(PolicyPattern.Text whole) {
        return new Cursor(whole);
    }

    final class Cursor {
        private final String folded;
        /** Per literal not indexed: its next occurrence at or after {@link #searchedFrom}; null when every literal is indexed. */
        private int[] next;
        private int[] searchedFrom;
        /** Per literal: its occurrences from the text's index, or null (search the folded text). */
        private final int[][] indexed;

        private Cursor(PolicyPattern.Text whole) {
            this.folded = whole.folded();
            this.indexed = ids.occurrences(whole);
            for (int[] o : indexed) {
                if (o == null) {
                    this.next = new int[indexed.length];
                    this.searchedFrom = new int[indexed.length];
                    java.util.Arrays.fill(searchedFrom, Integer.MAX_VALUE);
                    break;
                }
            }
        }

        /** Whether a match may exist within {@code [from, to)} of the text. */
        boolean mayMatch(int from, int to) {
            if (literals.isEmpty()) {
                return true;
            }
            for (int i = 0; i < indexed.length; i++) {
                String l = literals.get(i);
                int[] o = indexed[i];
                if (o != null) {
                    int k = MatchIndex.firstAtOrAfter(o, from);
                    if (k < o.length && o[k] + l.length() <= to) {
                        return true;
                    }
                    continue;
                }
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
     * An ASCII character other than a control (tab and newline allowed), or a punctuation, symbol or
     * space character outside ASCII that has no case (see {@link #caseless}).
     */
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

    /**
     * The character that stands for {@code c}'s whole case orbit in folded text and literals: ASCII
     * lower case, and outside ASCII the lower case of the upper case ({@code É} and {@code é} to
     * {@code é}, U+017F to {@code s}, U+212A to {@code k}). It may join orbits that RE2 keeps apart
     * (dotless i and {@code i}): folding only ever finds more occurrences, never fewer.
     */
    static char foldChar(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** A literal character that matches only itself whatever the flags: no letters, just punctuation, digits, symbols. */
    static boolean caseless(char c) {
        return literalChar(c) && !Character.isLetter(c) && !Character.isSurrogate(c);
    }

    /**
     * Literals one of which every match of {@code n} contains; null when none is required. A
     * sequence offers the best requirement among its literal runs and its parts.
     */
    static Set<String> required(Node n) {
        if (n instanceof Lit l) {
            return literal(l) ? Set.of(String.valueOf(foldChar((char) l.cp()))) : null;
        }
        if (n instanceof Alt a) {
            Set<String> out = new LinkedHashSet<>();
            for (Node x : a.alternatives()) {
                Set<String> r = required(x);
                if (r == null) {
                    return null;
                }
                out.addAll(r);
            }
            return out;
        }
        if (n instanceof Repeat r) {
            return r.min() >= 1 ? required(r.inner()) : null;
        }
        Set<String> set = smallSet(n);
        if (set != null) { // [$€£]: one of these is in the match, as one of an alternation's literals
            return set;
        }
        if (n instanceof Cat c) {
            Seq seq = new Seq();
            for (Node p : c.parts()) {
                if (p instanceof Lit l && literal(l)) {
                    seq.run.append(foldChar((char) l.cp()));
                } else if (p instanceof Repeat r && r.min() >= 1 && r.inner() instanceof Lit l && literal(l)) {
                    // "ab+c" holds "ab" and "bc": the run ends with the first copy, the next starts with the last.
                    seq.run.append(foldChar((char) l.cp()));
                    seq.flush();
                    seq.run.append(foldChar((char) l.cp()));
                } else if (!(p instanceof Assert)) { // zero width: the run goes on in the text
                    seq.flush();
                    seq.offer(required(p));
                }
            }
            seq.flush();
            return seq.best;
        }
        return null; // another class or an assertion
    }

    /** A class of more characters than this ({@code [-,.;:]}) holds ones too common to filter by. */
    private static final int MAX_SET = 4;

    /**
     * The characters (folded, each a literal) of a class of at most {@link #MAX_SET} caseless literal
     * characters ({@code [$€£]}), one of which a match of it is; null for any other node.
     */
    static Set<String> smallSet(Node n) {
        if (!(n instanceof RegexSyntax.Cls c) || c.kind() != RegexSyntax.Kind.SET || c.set().isEmpty() || c.set().length() > MAX_SET) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < c.set().length(); i++) {
            out.add(String.valueOf(foldChar(c.set().charAt(i))));
        }
        return out;
    }

    /**
     * A literal that may stand in a literal run: a character of the Basic Multilingual Plane that is
     * not a surrogate nor an ASCII control other than tab and newline. Letters outside ASCII included,
     * under {@code (?i)} too: {@link #foldChar} gives every member of their case orbit the same character.
     */
    static boolean literal(Node n) {
        if (!(n instanceof Lit l) || l.cp() >= 0x10000 || Character.isSurrogate((char) l.cp())) {
            return false;
        }
        char c = (char) l.cp();
        return c >= 128 ? Character.getType(c) != Character.UNASSIGNED : literalChar(c);
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

        /**
         * Longer shortest literal wins; then the set expected to occur less often, counting a
         * literal of length n as 10^-n: {@code {office, hq, campus}} (one two-letter literal)
         * before {@code {in, at}} (two).
         */
        private static double score(Set<String> s) {
            int min = Integer.MAX_VALUE;
            double expected = 0;
            for (String x : s) {
                min = Math.min(min, x.length());
                expected += Math.pow(10, -Math.min(x.length(), 12));
            }
            return min - Math.min(0.999, expected * Math.pow(10, min) / 1000);
        }
    }
}

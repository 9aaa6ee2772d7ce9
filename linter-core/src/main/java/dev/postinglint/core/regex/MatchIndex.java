package dev.postinglint.core.regex;

import dev.postinglint.core.text.SortedInts;

/**
 * One text (a posting's text view) with the occurrences of every literal of its policy's
 * {@link PolicyMatcher}, found in one pass of the automaton on first use and shared by every rule's
 * patterns: {@link PolicyPattern#search} on an index looks occurrences up instead of searching the
 * text for them. One index per posting and policy, used by one thread.
 */
public final class MatchIndex implements PolicyPattern.Text {
    private static final int[] NONE = new int[0];

    private final PolicyMatcher matcher;
    private final PolicyPattern.Text text;
    private int[][] occurrences;
    /** The longest run of each class's characters asked for ({@link AnchoredScan.Runs}), counted once per posting. */
    private java.util.Map<String, Integer> setRuns;

    MatchIndex(PolicyMatcher matcher, PolicyPattern.Text text) {
        this.matcher = matcher;
        this.text = text;
    }

    /** The indexed text. */
    public PolicyPattern.Text text() {
        return text;
    }

    @Override
    public String folded() {
        return text.folded();
    }

    @Override
    public int[] runs() {
        return text.runs();
    }

    /**
     * Where {@code literal} (folded) starts in the folded text, sorted; overlapping occurrences
     * included, as repeated {@code indexOf(literal, at + 1)} finds them. Null when the literal is not
     * in the policy's automaton. The array is shared: callers must not change it.
     */
    @Override
    public int[] occurrences(String literal) {
        int id = matcher.id(literal);
        return id < 0 ? null : occurrences(id);
    }

    /** The policy matcher whose literals this index holds (their ids: {@link LiteralIds}). */
    PolicyMatcher matcher() {
        return matcher;
    }

    /** As {@link #occurrences(String)} for the literal with this id in the {@link #matcher} (never null). */
    int[] occurrences(int id) {
        if (occurrences == null) {
            occurrences = matcher.occurrences(text.folded());
        }
        int[] o = occurrences[id];
        return o == null ? NONE : o;
    }

    /**
     * The longest run in the text of characters of {@code set} (caseless characters, so the folded text has the
     * same runs), counted on first use: it bounds a match of {@code [\d,.]*} in any part of the text.
     */
    int longestRun(String set) {
        if (setRuns == null) {
            setRuns = new java.util.HashMap<>();
        }
        return setRuns.computeIfAbsent(set, k -> AnchoredScan.Runs.longestRun(text.folded(), k));
    }

    /** The first index of sorted {@code occurrences} whose value is at least {@code from} (its length when none). */
    static int firstAtOrAfter(int[] occurrences, int from) {
        return SortedInts.firstAtOrAfter(occurrences, occurrences.length, from);
    }
}

package dev.postinglint.core.fix;

import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Fix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses which fixes of one posting to apply together in one pass, deterministically: fixes are taken in
 * order of where they start (then rule id, where they end, and replacement), and a fix that overlaps one
 * already chosen is skipped, naming the fix it collides with. Two fixes touching at one point also collide
 * when either is an insertion there (their order would be a guess). The same edit offered twice (by two
 * rules, or twice by one) is applied once and fixes both findings. The fix loop runs passes until nothing
 * changes, so a skipped fix gets its turn in the next pass if its finding is still there.
 */
public final class FixPlanner {
    private FixPlanner() {
    }

    /** A replacement of the UTF-16 range {@code [start, end)} of a text. */
    public record Edit(int start, int end, String replacement) {
    }

    /** A fix that this pass does not apply, and why ({@code blockedBy}: the fix it overlaps, if that is why). */
    public record Skipped(Finding finding, String reason, Finding blockedBy) {
    }

    /** The edits to apply (in text order, never overlapping), the findings they fix, and the skipped ones. */
    public record Plan(List<Edit> edits, List<Finding> fixed, List<Skipped> skipped) {
        public boolean isEmpty() {
            return edits.isEmpty();
        }
    }

    static final Comparator<Finding> FIX_ORDER = Comparator
            .comparingInt((Finding f) -> f.fix().span().startOffset())
            .thenComparing(Finding::ruleId)
            .thenComparingInt(f -> f.fix().span().endOffset())
            .thenComparing(f -> f.fix().replacement())
            .thenComparing(Finding::message);

    /** Plans one pass over {@code text} with the findings' fixes (findings without a fix are ignored). */
    public static Plan plan(String text, List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>();
        for (Finding f : findings) {
            if (f.fix() != null) {
                sorted.add(f);
            }
        }
        sorted.sort(FIX_ORDER);
        List<Edit> edits = new ArrayList<>();
        List<Finding> fixed = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Edit last = null;
        Finding lastFinding = null;
        for (Finding f : sorted) {
            Fix fix = f.fix();
            int s = fix.span().startOffset();
            int e = fix.span().endOffset();
            String unsafe = unsafe(text, s, e, fix.replacement());
            if (unsafe != null) {
                skipped.add(new Skipped(f, unsafe, null));
                continue;
            }
            if (last != null && s == last.start() && e == last.end() && fix.replacement().equals(last.replacement())) {
                fixed.add(f); // the same edit again: it fixes this finding too
                continue;
            }
            if (last != null && (s < last.end() || (s == last.end() && (s == e || last.start() == last.end())))) {
                skipped.add(new Skipped(f, "it overlaps the fix for [" + lastFinding.ruleId() + "] at "
                        + lastFinding.fix().span().start(), lastFinding));
                continue;
            }
            last = new Edit(s, e, fix.replacement());
            lastFinding = f;
            edits.add(last);
            fixed.add(f);
        }
        return new Plan(List.copyOf(edits), List.copyOf(fixed), List.copyOf(skipped));
    }

    /** Why a fix cannot be applied safely to this text, or null when it can. */
    static String unsafe(String text, int s, int e, String replacement) {
        if (s < 0 || e > text.length() || s > e) {
            return "its range " + s + ".." + e + " is outside the posting";
        }
        if (splitsPair(text, s) || splitsPair(text, e)) {
            return "it would split a character in two";
        }
        if (!wellFormed(replacement)) {
            return "its replacement is not well-formed text";
        }
        if (text.regionMatches(s, replacement, 0, replacement.length()) && replacement.length() == e - s) {
            return "it would change nothing";
        }
        return null;
    }

    private static boolean splitsPair(String text, int at) {
        return at > 0 && at < text.length() && Character.isHighSurrogate(text.charAt(at - 1))
                && Character.isLowSurrogate(text.charAt(at));
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Applies non-overlapping edits (in text order) to a text. */
    public static String apply(String text, List<Edit> edits) {
        StringBuilder b = new StringBuilder(text.length() + 64);
        int at = 0;
        for (Edit e : edits) {
            b.append(text, at, e.start()).append(e.replacement());
            at = e.end();
        }
        return b.append(text, at, text.length()).toString();
    }
}

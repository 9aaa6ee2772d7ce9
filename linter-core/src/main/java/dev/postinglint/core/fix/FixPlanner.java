package dev.postinglint.core.fix;

import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Fix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses which fixes of one posting to apply together in one pass, deterministically: fixes are taken in
 * order of where they start (then rule id, where they end, and replacement), and a fix that overlaps one
 * already chosen is skipped, naming the fix it collides with. Two fixes touching at one point also collide
 * when either is an insertion there (their order would be a guess). The same edit offered twice (by two
 * rules, or twice by one) is applied once and fixes both findings. The fix loop runs passes until nothing
 * changes, so a skipped fix gets its turn in the next pass if its finding is still there. The fix of a finding
 * reported once per posting is one edit per place, applied all together or not in this pass.
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

    /**
     * Plans one pass over {@code text} with the findings' fixes (findings without a fix are ignored). A finding
     * reported once per posting has one edit per place: they are applied together or, when one of them overlaps an
     * edit already chosen or cannot be applied safely, not at all in this pass.
     */
    public static Plan plan(String text, List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>();
        for (Finding f : findings) {
            if (f.fix() != null) {
                sorted.add(f);
            }
        }
        sorted.sort(FIX_ORDER);
        TreeMap<Integer, Chosen> chosen = new TreeMap<>(); // chosen edits never collide, so no two start at one offset
        List<Finding> fixed = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Finding f : sorted) {
            List<Edit> own = new ArrayList<>();
            String unsafe = null;
            for (Fix fix : f.fixes()) {
                unsafe = unsafe(text, fix.span().startOffset(), fix.span().endOffset(), fix.replacement());
                if (unsafe != null) {
                    break;
                }
                own.add(new Edit(fix.span().startOffset(), fix.span().endOffset(), fix.replacement()));
            }
            if (unsafe != null) {
                skipped.add(new Skipped(f, unsafe, null));
                continue;
            }
            own = ownEdits(own);
            Chosen blocker = null;
            for (Edit e : own) {
                blocker = collision(chosen, e);
                if (blocker != null) {
                    break;
                }
            }
            if (blocker != null) {
                skipped.add(new Skipped(f, "it overlaps the fix for [" + blocker.finding().ruleId() + "] at "
                        + blocker.finding().fix().span().start(), blocker.finding()));
                continue;
            }
            for (Edit e : own) {
                chosen.putIfAbsent(e.start(), new Chosen(e, f)); // the same edit again: it fixes this finding too
            }
            fixed.add(f);
        }
        List<Edit> edits = chosen.values().stream().map(Chosen::edit).toList();
        return new Plan(List.copyOf(edits), List.copyOf(fixed), List.copyOf(skipped));
    }

    /** An edit chosen for this pass, and the finding it was chosen for. */
    private record Chosen(Edit edit, Finding finding) {
    }

    /**
     * One finding's edits in text order, without repeats and without any that collides with an earlier one of its
     * own (two places of one finding overlapping: the later one is left to the next pass, when it is still there).
     */
    private static List<Edit> ownEdits(List<Edit> edits) {
        if (edits.size() < 2) {
            return edits;
        }
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end).thenComparing(Edit::replacement));
        List<Edit> out = new ArrayList<>(sorted.size());
        for (Edit e : sorted) {
            Edit last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last == null || (!last.equals(e) && !collide(last, e))) {
                out.add(e);
            }
        }
        return out;
    }

    /** The chosen edit that {@code e} collides with, or null (an identical edit is no collision: it is shared). */
    private static Chosen collision(TreeMap<Integer, Chosen> chosen, Edit e) {
        List<Chosen> near = new ArrayList<>();
        Map.Entry<Integer, Chosen> floor = chosen.floorEntry(e.start());
        if (floor != null) {
            near.add(floor.getValue());
            Map.Entry<Integer, Chosen> before = chosen.lowerEntry(floor.getKey());
            if (before != null) {
                near.add(before.getValue());
            }
        }
        near.addAll(chosen.subMap(e.start(), false, e.end(), true).values());
        for (Chosen c : near) {
            if (!c.edit().equals(e) && collide(c.edit(), e)) {
                return c;
            }
        }
        return null;
    }

    /**
     * Whether two edits cannot both be applied: their ranges overlap, or they touch at one point where either is an
     * insertion (which would go first is a guess).
     */
    static boolean collide(Edit a, Edit b) {
        if (a.start() < b.end() && b.start() < a.end()) {
            return true;
        }
        if (b.start() == a.end() && (b.start() == b.end() || a.start() == a.end())) {
            return true;
        }
        return a.start() == b.end() && (a.start() == a.end() || b.start() == b.end());
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

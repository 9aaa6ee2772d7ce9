package dev.postinglint.core.text;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A word-level diff of a variant against a reference (Myers, via java-diff-utils), with a similarity
 * of {@code 2 * same / (reference + variant)} tokens: 1.0 for identical text, 0 for nothing shared.
 */
public record WordDiff(List<DiffToken> tokens, int same, double similarity) {

    public static WordDiff of(List<String> reference, List<String> variant) {
        Patch<String> patch = DiffUtils.diff(reference, variant);
        List<DiffToken> out = new ArrayList<>();
        int pos = 0;
        int same = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int at = d.getSource().getPosition();
            if (at > pos) {
                add(out, DiffToken.Kind.SAME, reference.subList(pos, at));
                same += at - pos;
            }
            add(out, DiffToken.Kind.REMOVED, d.getSource().getLines());
            add(out, DiffToken.Kind.ADDED, d.getTarget().getLines());
            pos = at + d.getSource().size();
        }
        if (pos < reference.size()) {
            add(out, DiffToken.Kind.SAME, reference.subList(pos, reference.size()));
            same += reference.size() - pos;
        }
        int total = reference.size() + variant.size();
        return new WordDiff(List.copyOf(out), same, total == 0 ? 1.0 : 2.0 * same / total);
    }

    private static void add(List<DiffToken> out, DiffToken.Kind kind, List<String> words) {
        if (!words.isEmpty()) {
            out.add(new DiffToken(kind, join(words)));
        }
    }

    /** Joins tokens back into readable text: no space before punctuation that closes. */
    public static String join(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0 && !(w.length() == 1 && ".,;:!?)]'\"".indexOf(w.charAt(0)) >= 0)
                    && b.charAt(b.length() - 1) != '(') {
                b.append(' ');
            }
            b.append(w);
        }
        return b.toString();
    }

    public boolean identical() {
        return tokens.stream().allMatch(t -> t.kind() == DiffToken.Kind.SAME);
    }

    /** Similarity as a whole percentage, rounded down so that 99.6% never reads as 100%. */
    public int percent() {
        return identical() ? 100 : Math.min(99, (int) Math.floor(similarity * 100));
    }

    /**
     * A short account of the changes for a message: {@code removed 'x'; added 'y'}, at most
     * {@code max} changes, each shortened.
     */
    public String summary(int max) {
        List<String> parts = new ArrayList<>();
        int changes = 0;
        for (DiffToken t : tokens) {
            if (t.kind() == DiffToken.Kind.SAME) {
                continue;
            }
            changes++;
            if (parts.size() < max) {
                parts.add(t.kind().name().toLowerCase(Locale.ROOT) + " '" + shorten(t.text(), 60) + "'");
            }
        }
        if (changes > max) {
            parts.add("and " + (changes - max) + " more change" + (changes - max == 1 ? "" : "s"));
        }
        return String.join("; ", parts);
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}

package dev.postinglint.core.rules;

import dev.postinglint.core.jurisdiction.Jurisdictions;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether two field values agree ({@code matches-field}). As text: equal, or one contained in the
 * other, ignoring case and punctuation ("San Francisco" agrees with "San Francisco, CA (Hybrid)").
 * As places: every most specific jurisdiction of the first is the same as, inside, or around one of
 * the second's ("New York, NY" agrees with "Remote - US; New York City"; "London" does not agree with
 * "San Francisco"); when either value resolves to no jurisdiction, they are compared as text.
 */
final class FieldComparison {
    private FieldComparison() {
    }

    /** Null when the values agree; otherwise a detail for the message (may be empty). */
    static String textDisagreement(String a, String b) {
        String fa = " " + fold(a) + " ";
        String fb = " " + fold(b) + " ";
        return fa.contains(fb) || fb.contains(fa) ? null : "";
    }

    static String placeDisagreement(Jurisdictions ja, Jurisdictions jb, String a, String b) {
        Set<String> la = leaves(ja);
        Set<String> lb = leaves(jb);
        if (la.isEmpty() || lb.isEmpty()) {
            return textDisagreement(a, b);
        }
        for (String x : la) {
            boolean found = jb.covers(x);
            for (String y : lb) {
                found |= x.equals(y) || x.startsWith(y + "-") || y.startsWith(x + "-");
            }
            if (!found) {
                return " (" + x + " is not among " + String.join(", ", lb) + ")";
            }
        }
        return null;
    }

    /** The most specific codes: no EU grouping codes, no code that only stands as the ancestor of another. */
    static Set<String> leaves(Jurisdictions j) {
        Set<String> out = new TreeSet<>();
        for (String c : j.codes()) {
            if (c.equals("EU") || c.startsWith("EU-")) {
                continue;
            }
            boolean ancestor = false;
            for (String d : j.codes()) {
                ancestor |= d.startsWith(c + "-");
            }
            if (!ancestor) {
                out.add(c);
            }
        }
        return out;
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}

package dev.postinglint.core.jurisdiction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What job boards write around a place, removed so that the place itself can be looked up: office
 * and work-mode words ("San Francisco Office", "New York City-Hybrid", "Bellevue HQ", "London
 * (On-site)", "NYC Hybrid Available") and a spaced dash used as a comma ("Arvada, CO - US", "India - Bengaluru"). Tried
 * only when the location as written does not resolve, so nothing that resolved before changes.
 */
final class LocationText {
    private static final Pattern NOISE = Pattern.compile(
            "(?i)(?:^|[\\s\\-–(/])(?:head\\s*quarters|headquarters|head\\s+office|offices?|hq|hybrid|on[\\s-]?site|in[\\s-]office|"
                    + "campus|hub|flexible|available)(?=$|[\\s)\\-–,/])\\)?");
    private static final Pattern SPACED_DASH = Pattern.compile("\\s+[-–—]\\s+");
    private static final Pattern PARENTHESES = Pattern.compile("\\(([^()]+)\\)");

    private LocationText() {
    }

    /** The location with office and work-mode words removed and spaced dashes read as commas. */
    static String clean(String place) {
        String s = SPACED_DASH.matcher(place).replaceAll(", ");
        s = NOISE.matcher(s).replaceAll(" ");
        s = s.replaceAll("\\(\\s*\\)", " ").replaceAll("\\s*,\\s*(?:,\\s*)+", ", ").replaceAll("\\s+", " ");
        return s.replaceAll("^[\\s,\\-–:()]+|[\\s,\\-–:(]+$", "").strip();
    }

    /** The text inside the first parentheses ("Weave - Headquarters (Lehi, UT)" gives "Lehi, UT"), or null. */
    static String parenthesized(String place) {
        Matcher m = PARENTHESES.matcher(place);
        return m.find() ? m.group(1).strip() : null;
    }
}

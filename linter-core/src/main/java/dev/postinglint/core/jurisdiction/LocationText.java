package dev.postinglint.core.jurisdiction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What job boards write around a place, removed so that the place itself can be looked up: office
 * and work-mode words ("San Francisco Office", "New York City-Hybrid", "Bellevue HQ", "London
 * (On-site)", "NYC Hybrid Available") and a spaced dash used as a comma ("Arvada, CO - US", "India - Bengaluru"). Tried
 * only when the location as written does not resolve, so nothing that resolved before changes. Also the
 * words of remote wordings ("Anywhere in the U.S.", "Fully remote within the United States", "Virtual
 * (100% remote)") and ATS-style codes ("US-CO-Boulder": country, region, city).
 */
final class LocationText {
    private static final Pattern NOISE = Pattern.compile(
            "(?i)(?:^|[\\s\\-–(/])(?:head\\s*quarters|headquarters|head\\s+office|offices?|hq|hybrid|on[\\s-]?site|in[\\s-]office|"
                    + "campus|hub|flexible|available)(?=$|[\\s)\\-–,/])\\)?");
    /** Remote wordings around the place: "Anywhere in the U.S.", "Fully remote within the United States", "Virtual (100% remote)". */
    private static final Pattern REMOTE_WORDS = Pattern.compile(
            "(?i)(?:^|(?<=[\\s(\\-–,/]))(?:fully|100\\s*%|virtual(?:ly)?|only|open\\s+to\\s+candidates|based|located)(?=$|[\\s),\\-–/])");
    private static final Pattern LEADING_PREPOSITION = Pattern.compile("(?i)^\\s*(?:in|within|across|from|throughout)\\s+(?:the\\s+)?");
    /** An ATS-style location: country, region and city joined by dashes ("US-CO-Boulder", "USA-CA-San Francisco", "CA-ON-Toronto"). */
    private static final Pattern ATS = Pattern.compile("^(US|USA|CA|CAN|GB|UK|AU|IN)\\s*-\\s*([A-Z]{2,3})\\s*-\\s*(\\p{L}[\\p{L} .'’]+)$");
    private static final java.util.Map<String, String> ATS_COUNTRY = java.util.Map.of("US", "United States", "USA", "United States",
            "CA", "Canada", "CAN", "Canada", "GB", "United Kingdom", "UK", "United Kingdom", "AU", "Australia", "IN", "India");
    // Compiled once: String.replaceAll compiles its pattern on every call.
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s,\\-–:()]+");
    private static final Pattern EMPTY_PARENTHESES = Pattern.compile("\\(\\s*\\)");
    private static final Pattern COMMAS = Pattern.compile("\\s*,\\s*(?:,\\s*)+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s,\\-–:()]+|[\\s,\\-–:(]+$");
    private static final Pattern SPACED_DASH = Pattern.compile("\\s+[-–—]\\s+");
    private static final Pattern PARENTHESES = Pattern.compile("\\(([^()]+)\\)");

    private LocationText() {
    }

    /** The location with office and work-mode words removed and spaced dashes read as commas. */
    static String clean(String place) {
        Matcher ats = ATS.matcher(place.strip());
        if (ats.matches()) { // "US-CO-Boulder" reads "Boulder, CO, United States"
            return ats.group(3).strip() + ", " + ats.group(2) + ", " + ATS_COUNTRY.get(ats.group(1));
        }
        String s = SPACED_DASH.matcher(place).replaceAll(", ");
        s = REMOTE_WORDS.matcher(s).replaceAll(" ");
        s = LEADING_PREPOSITION.matcher(LEADING_PUNCTUATION.matcher(s).replaceAll("")).replaceAll("");
        s = NOISE.matcher(s).replaceAll(" ");
        s = SPACES.matcher(COMMAS.matcher(EMPTY_PARENTHESES.matcher(s).replaceAll(" ")).replaceAll(", ")).replaceAll(" ");
        return EDGE_PUNCTUATION.matcher(s).replaceAll("").strip();
    }

    /** The text inside the first parentheses ("Weave - Headquarters (Lehi, UT)" gives "Lehi, UT"), or null. */
    static String parenthesized(String place) {
        Matcher m = PARENTHESES.matcher(place);
        return m.find() ? m.group(1).strip() : null;
    }
}

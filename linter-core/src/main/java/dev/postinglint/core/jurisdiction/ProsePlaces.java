package dev.postinglint.core.jurisdiction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places named in sentences that say where the job is, for a posting with no location line or
 * board location: "based in Denver, CO", "located in Berlin, Germany", "HQ offices in Boulder,
 * Colorado", "work from our Denver office", "a Denver-based role", "remote anywhere in the US".
 * Precision over recall: the place must resolve in the gazetteer (a city only with its region or
 * country, or a region or country by name; a bare city only where an office or "-based role" word
 * ties it to the job), and a sentence is skipped when it lists several places ("offices in London,
 * New York and Tokyo": which one is the job's cannot be told) or is about customers, events or the
 * company's history ("clients based in Texas", "founded in Boulder, Colorado", "serving Colorado").
 */
public final class ProsePlaces {
    /** One place found in the text: where it stands and the value to resolve ("Boulder, Colorado", "Remote - US"). */
    public record Mention(int start, int end, String value) {
    }

    private static final String WORD = "\\p{Lu}[\\p{L}.'’]*(?:-\\p{Lu}[\\p{L}.'’]*)?";
    /** Capitalised words, then up to two comma-separated parts: "Boulder, Colorado", "San Francisco, CA, USA". */
    private static final String PLACE = "(?<place>" + WORD + "(?:\\s" + WORD + "){0,3}(?:,\\s*" + WORD + "(?:\\s" + WORD + "){0,2}){0,2})";
    private static final String OFFICE = "(?i:office|hq|headquarters|head\\s+office|hub|campus|studio)\\b";
    private static final List<Cue> CUES = List.of(
            // "based in our Denver office", "work from our Boulder HQ": the office word ties a bare city to the job.
            new Cue(Pattern.compile("\\b(?i:(?:based|located|situated|work(?:ing)?)\\s+(?:in|at|from|out\\s+of)\\s+(?:our|the)\\s+)" + PLACE
                    + "\\s+" + OFFICE), true, false),
            // "based in Boulder, Colorado", "located in Berlin, Germany"; not "headquartered in" (the company's seat).
            new Cue(Pattern.compile("\\b(?i:(?:based|located|situated)\\s+(?:in|at|out\\s+of)\\s+(?:the\\s+)?)" + PLACE), false, false),
            // "(HQ) offices in Boulder, Colorado", "our office in Denver, CO", "HQ in Austin, TX".
            new Cue(Pattern.compile("\\b(?i:(?:offices?|hq|headquarters|head\\s+office)\\s+(?:in|at)\\s+(?:the\\s+)?)" + PLACE), false, false),
            // "a Denver-based role".
            new Cue(Pattern.compile("\\b" + PLACE + "-based\\s+(?i:role|position|job|opportunity)\\b"), true, false),
            // "remote (anywhere) in the US", "fully remote across the United States", "work remotely from anywhere in Canada".
            new Cue(Pattern.compile("\\b(?i:remote(?:ly)?(?:\\s+(?:position|role|job|opportunity|work))?(?:\\s+from)?(?:\\s+anywhere)?\\s+"
                    + "(?:in|across|within|throughout)\\s+(?:the\\s+)?)" + PLACE), false, true));
    /** A sentence about someone or something other than the job: customers, partners, events, history. */
    private static final Pattern NOT_THE_JOB = Pattern.compile("(?i)\\b(?:clients?|customers?|partners?|vendors?|suppliers?|"
            + "serv(?:e|es|ed|ing)|patients?|students?|users?|members?|communit(?:y|ies)|schools?|hospitals?|founded|established|"
            + "since|conferences?|events?|summit|held|hosted|meetups?|acquired|opened|launched|expand(?:ed|ing)|formerly|previously|"
            + "headquartered|investors?|backed|expansion|employees|residents?|notices?|privacy)\\b"
            // A condition or a pay label, not the job's place: "If you are based in California, read this notice",
            // "For candidates located in Denver, CO, the range is ...".
            + "|(?i)\\bif\\s+you\\b|\\bfor\\s+(?:candidates|applicants|those|people|anyone|roles|positions|hires)\\b");
    /** Another place right after the one found: a list of offices, not the job's place. */
    private static final Pattern LIST_AFTER = Pattern.compile("^\\s*(?i:(?:office|hq|headquarters|hub|campus)\\s*)?(?:,|;|/|&|\\band\\b|\\bor\\b|\\bas\\s+well\\s+as\\b)\\s*(?:(?:and|or)\\s+)?(?:the\\s+|our\\s+)?\\p{Lu}");
    private static final Pattern LIST_BEFORE = Pattern.compile("\\p{L}\\s*(?:,|;|/|&|\\band|\\bor)\\s*$");

    private static final Pattern REMOTE = Pattern.compile("(?i)\\bremote(?:ly)?\\b");

    private record Cue(Pattern pattern, boolean bareCity, boolean remote) {
    }

    private ProsePlaces() {
    }

    /** The places in {@code text} that its sentences give as the job's, in order, each once. */
    public static List<Mention> find(String text, Gazetteer gazetteer) {
        List<Mention> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Cue cue : CUES) {
            Matcher m = cue.pattern().matcher(text);
            while (m.find()) {
                int sentenceStart = sentenceStart(text, m.start());
                int sentenceEnd = sentenceEnd(text, m.end());
                if (NOT_THE_JOB.matcher(text.substring(sentenceStart, sentenceEnd)).find()) {
                    continue;
                }
                String place = resolvable(m.group("place"), cue, gazetteer);
                if (place == null) {
                    continue;
                }
                int placeStart = m.start("place");
                int placeEnd = placeStart + place.length();
                if (LIST_AFTER.matcher(text.substring(placeEnd, sentenceEnd)).find()
                        || LIST_BEFORE.matcher(text.substring(sentenceStart, m.start())).find() && cue.bareCity()) {
                    continue;
                }
                // "This role will be remote (based in the U.S.)": a country in a sentence that says remote is open across it.
                boolean remote = cue.remote() || REMOTE.matcher(text.substring(sentenceStart, sentenceEnd)).find()
                        && gazetteer.isCountry(place);
                String value = remote ? "Remote - " + place : place;
                if (!seen.contains(value)) {
                    seen.add(value);
                    out.add(new Mention(cue.remote() ? m.start() : placeStart, placeEnd, value));
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(Mention::start));
        return out;
    }

    /**
     * The leading part of the candidate that names one place, or null: a city, region or country, then
     * only regions, countries or region codes after commas ("Boulder, Colorado", "Denver, CO, USA").
     * Words the gazetteer does not know end the place ("San Francisco, CA. We", "Los Angeles HQ"); a
     * city after a comma starts a list ("SF, NYC, Dublin"), which ends it too. A city with a region must
     * be in that region ("Atlanta, New York" is not a place).
     */
    private static String resolvable(String candidate, Cue cue, Gazetteer gazetteer) {
        String[] parts = candidate.split(",");
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            String known = longestKnownPrefix(part, i > 0, gazetteer);
            if (known == null) {
                break;
            }
            kept.add(known);
            if (!known.equals(part)) {
                break; // words after the place ("Los Angeles HQ", "CA. We")
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        String first = kept.get(0);
        if (kept.size() == 1 && !cue.bareCity() && !gazetteer.isRegionOrCountry(first)) {
            return null; // "based in Portland": a bare city only where an office word ties it to the job
        }
        String place = String.join(", ", kept);
        Jurisdictions j = gazetteer.resolve(place);
        if (j.isEmpty() || !j.unresolved().isEmpty()) {
            return null;
        }
        if (kept.size() > 1 && !gazetteer.isRegionOrCountry(first) && !gazetteer.holdsCity(first, j)) {
            return null;
        }
        // The value must be the text as written, so that the mention's span covers it.
        int at = candidate.indexOf(kept.get(kept.size() - 1), candidate.indexOf(first) + (kept.size() > 1 ? first.length() : 0));
        return candidate.substring(0, at + kept.get(kept.size() - 1).length());
    }

    /** The longest run of leading words of {@code part} that the gazetteer knows, without a final full stop, or null. */
    private static String longestKnownPrefix(String part, boolean afterComma, Gazetteer gazetteer) {
        String[] words = part.split("\\s+");
        for (int n = words.length; n >= 1; n--) {
            String s = String.join(" ", java.util.Arrays.copyOf(words, n));
            String bare = s.endsWith(".") && s.indexOf('.') == s.length() - 1 ? s.substring(0, s.length() - 1) : s;
            if (gazetteer.knows(bare, afterComma)) {
                return bare;
            }
            if (!bare.equals(s) && gazetteer.knows(s, afterComma)) {
                return s; // "U.S." keeps its dots
            }
        }
        return null;
    }

    private static int sentenceStart(String text, int from) {
        for (int i = from - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '.' || c == '!' || c == '?') && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int sentenceEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
                return i;
            }
        }
        return text.length();
    }
}

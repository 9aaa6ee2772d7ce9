package dev.postinglint.core.posting;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The language a posting is written in, told apart by its most common function words (articles,
 * prepositions, pronouns, conjunctions): English, French, German, Spanish, Portuguese, Dutch,
 * Italian and Polish. Job postings run to hundreds of words, so counting these words is as good as a
 * statistical detector for telling these languages apart, without a dependency and a profile set
 * of several megabytes (see README, "Dependencies"). A bilingual posting gets the language most of
 * its words are in.
 *
 * <p>Codes are ISO 639-1 ({@code en}, {@code fr} ...); {@code und} when the text has too few function
 * words of any language to tell (a fragment of a few words); {@code other} when it has many words but
 * almost none of the listed languages' (Japanese, Chinese, Russian ...).
 */
public final class Language {
    public static final String UNDETERMINED = "und";
    public static final String OTHER = "other";

    private static final Map<String, List<String>> WORDS = Map.of(
            "en", List.of("the", "and", "of", "to", "in", "for", "with", "you", "we", "our", "your", "is", "are", "will", "be",
                    "on", "that", "this", "as", "an", "or", "have", "who", "at", "from", "by", "all", "can", "it", "what"),
            "fr", List.of("le", "la", "les", "des", "du", "et", "est", "une", "un", "pour", "dans", "avec", "vous", "nous", "sur",
                    "au", "aux", "qui", "que", "votre", "vos", "notre", "nos", "sont", "par", "ou", "ce", "cette", "être", "afin"),
            "de", List.of("der", "die", "das", "und", "ist", "mit", "für", "von", "zu", "den", "dem", "ein", "eine", "einen", "wir",
                    "sie", "du", "ihre", "unser", "unsere", "auf", "bei", "im", "nicht", "oder", "als", "auch", "sind", "wird", "dich"),
            "es", List.of("el", "los", "las", "del", "y", "es", "una", "por", "para", "con", "en", "que", "se", "su", "sus",
                    "nuestro", "nuestra", "como", "más", "al", "lo", "somos", "tu", "tus", "usted", "este", "esta", "son", "o", "desde"),
            "pt", List.of("o", "os", "as", "da", "do", "das", "dos", "e", "é", "um", "uma", "para", "com", "em", "no", "na",
                    "que", "seu", "sua", "nosso", "nossa", "você", "são", "ao", "pelo", "pela", "ou", "mais", "não", "como"),
            "nl", List.of("de", "het", "een", "en", "van", "is", "voor", "met", "op", "je", "jij", "wij", "we", "ons", "onze",
                    "zijn", "bij", "naar", "als", "ook", "of", "niet", "aan", "die", "dat", "wordt", "jouw", "heb", "hebt", "om"),
            "it", List.of("il", "lo", "gli", "della", "delle", "dei", "e", "è", "per", "con", "una", "nel", "nella", "che", "sono",
                    "di", "da", "le", "la", "al", "alla", "siamo", "tuo", "tua", "nostro", "nostra", "come", "anche", "più", "non"),
            "pl", List.of("i", "w", "z", "na", "do", "się", "jest", "nie", "oraz", "dla", "że", "od", "to", "jak", "po",
                    "przez", "lub", "są", "będzie", "twoje", "naszej", "nasz", "nasza", "pracy", "ze", "o", "czy", "tym", "jako", "też"));

    /** The languages in a fixed order: ties go to the earlier. */
    private static final List<String> ORDER = List.of("en", "fr", "de", "es", "pt", "nl", "it", "pl");
    /** For each function word, the indexes in {@link #ORDER} of the languages it belongs to. */
    private static final Map<String, int[]> BY_WORD = new HashMap<>();
    /** No function word is longer than this (in UTF-16 units), so a longer word needs no look-up. */
    private static final int LONGEST_WORD;

    static {
        Map<String, java.util.List<String>> tmp = new HashMap<>();
        WORDS.forEach((lang, words) -> words.forEach(w -> tmp.computeIfAbsent(w, k -> new java.util.ArrayList<>()).add(lang)));
        int longest = 0;
        for (Map.Entry<String, List<String>> e : tmp.entrySet()) {
            BY_WORD.put(e.getKey(), e.getValue().stream().mapToInt(ORDER::indexOf).toArray());
            longest = Math.max(longest, e.getKey().length());
        }
        LONGEST_WORD = longest;
    }

    private Language() {
    }

    /**
     * The language code of a text (see the class comment). Speed: ASCII letters are Latin without a
     * script look-up, and a word is only made a string when it is short enough to be a function word
     * (lower-casing never shortens a word of letters, so a longer one cannot match).
     */
    public static String detect(CharSequence text) {
        double[] score = new double[ORDER.size()];
        int words = 0;
        int hits = 0;
        int latin = 0;
        int otherScript = 0;
        int n = text.length();
        int i = 0;
        StringBuilder w = new StringBuilder();
        while (i <= n) {
            char c = i < n ? text.charAt(i) : ' ';
            if (c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c)) {
                w.append(c);
                if (c < 0x80 || Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                    latin++;
                } else {
                    otherScript++;
                }
            } else if (w.length() > 0) {
                words++;
                int[] langs = w.length() > LONGEST_WORD ? null : BY_WORD.get(w.toString().toLowerCase(Locale.ROOT));
                if (langs != null) {
                    hits++;
                    for (int l : langs) {
                        // A word shared by several languages ("de", "en", "la") counts for each, a little.
                        score[l] += 1.0 / langs.length;
                    }
                }
                w.setLength(0);
            }
            i++;
        }
        if (otherScript > latin) {
            return OTHER; // Japanese, Chinese, Cyrillic, Greek, Arabic ... script
        }
        if (hits < 3) {
            return words >= 40 ? OTHER : UNDETERMINED;
        }
        if (words >= 40 && hits * 20 < words) {
            return OTHER; // many words, hardly any function word of the listed languages
        }
        String best = null;
        double top = -1;
        for (int l = 0; l < score.length; l++) {
            if (score[l] > top) {
                top = score[l];
                best = ORDER.get(l);
            }
        }
        return best;
    }
}

package dev.postinglint.core.posting;

import java.util.HashMap;
import java.util.List;
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

    /** Each language's function words (package-private: the test's reference detector reads the same lists). */
    static final Map<String, List<String>> WORDS = Map.of(
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
    static final List<String> ORDER = List.of("en", "fr", "de", "es", "pt", "nl", "it", "pl");
    /**
     * The function words in an open-addressing table keyed by the word packed into a long, 9 bits a
     * character ({@link #pack}): every function word is at most {@link #LONGEST_WORD} characters of
     * code points below U+0200 (Latin-1 and Latin Extended-A: "się", "będzie"), so a word of the text is
     * packed as it is read, character by character, and looked up with one multiplication and one
     * comparison of longs, never made a string. {@code TABLE_KEYS[i]} holds the packed word (0: empty),
     * {@code TABLE_LANGS[i]} the indexes in {@link #ORDER} of the languages it belongs to.
     */
    private static final long[] TABLE_KEYS;
    private static final int[][] TABLE_LANGS;
    private static final int TABLE_SHIFT;
    /** No function word is longer than this (in UTF-16 units), so a longer word needs no look-up. */
    private static final int LONGEST_WORD;
    /** Each character of a function word (lower case) is below this, so 9 bits hold it. */
    private static final int PACKED_CHARS = 0x200;
    /**
     * For each char below {@link #TABLE_CHARS}, its kind in the high half (0 not a letter, 1 a Latin
     * letter, 2 a letter of another script) and its {@link Character#toLowerCase(char)} in the low half:
     * one look-up per character.
     */
    private static final int[] CHAR_INFO;
    /** A word's packed characters that no function word has: its look-up is skipped. */
    private static final long UNPACKABLE = -1L;
    private static final int TABLE_CHARS = 0x800;

    static {
        Map<String, java.util.List<String>> tmp = new HashMap<>();
        WORDS.forEach((lang, words) -> words.forEach(w -> tmp.computeIfAbsent(w, k -> new java.util.ArrayList<>()).add(lang)));
        int longest = 0;
        for (String w : tmp.keySet()) {
            longest = Math.max(longest, w.length());
            for (char c : w.toCharArray()) {
                if (c == 0 || c >= PACKED_CHARS || Character.toLowerCase(c) != c) {
                    throw new IllegalStateException("function word '" + w + "' cannot be packed");
                }
            }
        }
        if (longest * 9 > 63) {
            throw new IllegalStateException("function words too long to pack: " + longest);
        }
        LONGEST_WORD = longest;
        int bits = Integer.numberOfTrailingZeros(Integer.highestOneBit(tmp.size() * 4));
        long[] keys = new long[1 << bits];
        int[][] langs = new int[1 << bits][];
        for (Map.Entry<String, List<String>> e : tmp.entrySet()) {
            long key = pack(e.getKey());
            int mask = keys.length - 1;
            int i = slot(key, 64 - bits);
            while (keys[i] != 0) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            langs[i] = e.getValue().stream().mapToInt(ORDER::indexOf).toArray();
        }
        TABLE_KEYS = keys;
        TABLE_LANGS = langs;
        TABLE_SHIFT = 64 - bits;
        CHAR_INFO = new int[TABLE_CHARS];
        for (char c = 0; c < TABLE_CHARS; c++) {
            CHAR_INFO[c] = (!isLetter(c) ? 0 : isLatin(c) ? 1 : 2) << 16 | Character.toLowerCase(c);
        }
    }

    private static long pack(String word) {
        long key = 0;
        for (int k = 0; k < word.length(); k++) {
            key = key << 9 | word.charAt(k);
        }
        return key;
    }

    private static int slot(long key, int shift) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private Language() {
    }

    private static boolean isLetter(char c) {
        return c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
    }

    private static boolean isLatin(char c) {
        return c < 0x80 || Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }

    /**
     * The language code of a text (see the class comment). Speed: one pass over the characters; letters,
     * their scripts and their lower case come from tables for the common characters; a word is packed
     * into a long as it is read ({@link #TABLE_KEYS}) and looked up only when it is short enough to be a
     * function word and all its characters fit.
     */
    public static String detect(CharSequence text) {
        double[] score = new double[ORDER.size()];
        int words = 0;
        int hits = 0;
        int latin = 0;
        int otherScript = 0;
        String s = text.toString();
        int n = s.length();
        long key = 0;
        int wordLength = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? s.charAt(i) : ' ';
            int info = c < TABLE_CHARS ? CHAR_INFO[c] : (!isLetter(c) ? 0 : isLatin(c) ? 1 : 2) << 16 | Character.toLowerCase(c);
            int kind = info >>> 16;
            if (kind != 0) {
                if (wordLength < LONGEST_WORD && key != UNPACKABLE) {
                    int lower = info & 0xffff;
                    // A character no function word has (packing would lose it), or U+0130 (capital I
                    // with dot): that lower-cases to two characters as a string, so the word matches no
                    // function word, and the character-wise lower case must not let it match either.
                    key = lower < PACKED_CHARS && c != '\u0130' ? key << 9 | lower : UNPACKABLE;
                }
                wordLength++;
                if (kind == 1) {
                    latin++;
                } else {
                    otherScript++;
                }
            } else if (wordLength > 0) {
                words++;
                int[] langs = wordLength > LONGEST_WORD || key == UNPACKABLE ? null : lookUp(key);
                if (langs != null) {
                    hits++;
                    for (int l : langs) {
                        // A word shared by several languages ("de", "en", "la") counts for each, a little.
                        score[l] += 1.0 / langs.length;
                    }
                }
                wordLength = 0;
                key = 0;
            }
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

    /** The languages of the function word packed in {@code key}, or null when it is none. */
    private static int[] lookUp(long key) {
        int mask = TABLE_KEYS.length - 1;
        for (int i = slot(key, TABLE_SHIFT); TABLE_KEYS[i] != 0; i = (i + 1) & mask) {
            if (TABLE_KEYS[i] == key) {
                return TABLE_LANGS[i];
            }
        }
        return null;
    }
}

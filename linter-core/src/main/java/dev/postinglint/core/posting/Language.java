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
     * The function words in a table keyed by the word packed into a long, 9 bits a character ({@link
     * #pack}): every function word is at most {@link #LONGEST_WORD} characters of code points below U+0200
     * (Latin-1 and Latin Extended-A: "się", "będzie"), so a word of the text short enough to be one is
     * packed and looked up with one multiplication and one comparison of longs, never made a string. The
     * hash is perfect ({@link #PERFECT_MULTIPLIER}): no two function words share a slot, so a look-up is one
     * probe, without the loop whose hits and misses a linear probe would mispredict. {@code TABLE_KEYS[i]}
     * holds the packed word (0: empty), {@code TABLE_LANGS[i]} the indexes in {@link #ORDER} of the
     * languages it belongs to.
     */
    private static final long[] TABLE_KEYS;
    private static final int[][] TABLE_LANGS;
    /** {@code 1.0 / TABLE_LANGS[i].length}: what the word adds to each of its languages' scores. */
    private static final double[] TABLE_WEIGHTS;
    /** 4,096 slots for the 213 function words: few enough that one multiplier gives each a slot of its own. */
    private static final int TABLE_BITS = 12;
    /** An odd multiplier under which every function word has a slot of its own, found by trying random ones. */
    private static final long PERFECT_MULTIPLIER = 0x41e859195b271877L;
    private static final long MULTIPLIER;
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
        long[] keys = new long[1 << TABLE_BITS];
        int[][] langs = new int[1 << TABLE_BITS][];
        long multiplier = PERFECT_MULTIPLIER;
        // Should the lists change so that the multiplier no longer gives each word a slot of its own, others
        // are tried (the same ones on every start; LanguageTest fails until the constant is updated).
        java.util.SplittableRandom others = new java.util.SplittableRandom(16);
        while (!perfect(tmp, multiplier, keys, langs)) {
            multiplier = others.nextLong() | 1;
        }
        MULTIPLIER = multiplier;
        TABLE_KEYS = keys;
        TABLE_LANGS = langs;
        TABLE_WEIGHTS = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            TABLE_WEIGHTS[i] = langs[i] == null ? 0 : 1.0 / langs[i].length;
        }
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

    /** Fills the table if {@code multiplier} sends every function word to a slot of its own. */
    private static boolean perfect(Map<String, List<String>> words, long multiplier, long[] keys, int[][] langs) {
        java.util.Arrays.fill(keys, 0);
        for (Map.Entry<String, List<String>> e : words.entrySet()) {
            long key = pack(e.getKey());
            int i = slot(key, multiplier);
            if (keys[i] != 0) {
                return false;
            }
            keys[i] = key;
            langs[i] = e.getValue().stream().mapToInt(ORDER::indexOf).toArray();
        }
        return true;
    }

    private static int slot(long key, long multiplier) {
        return (int) ((key * multiplier) >>> (64 - TABLE_BITS));
    }

    /** The multiplier in use: {@link #PERFECT_MULTIPLIER} unless the lists changed and start-up searched for another. */
    static long multiplier() {
        return MULTIPLIER;
    }

    static long perfectMultiplier() {
        return PERFECT_MULTIPLIER;
    }

    private Language() {
    }

    private static boolean isLetter(char c) {
        return c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
    }

    private static boolean isLatin(char c) {
        return c < 0x80 || Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }

    /** The text's characters, copied out for the scan (no bounds check per {@code charAt} of a UTF-16 string). */
    private static final ThreadLocal<char[]> CHARS = ThreadLocal.withInitial(() -> new char[8192]);
    /** Larger copies are not kept for the thread's next text. */
    private static final int MAX_KEPT_CHARS = 1 << 20;

    /**
     * The language code of a text (see the class comment). Speed: one pass over the characters, a word at
     * a time: a run of ASCII letters is skipped by one tight loop (all Latin, no look-up), other letters,
     * their scripts and lower case come from a table for the common characters; only a word short enough
     * to be a function word is packed into a long ({@link #TABLE_KEYS}) and looked up.
     */
    public static String detect(CharSequence text) {
        double[] score = new double[ORDER.size()];
        int words = 0;
        int hits = 0;
        int latin = 0;
        int otherScript = 0;
        String s = text.toString();
        int n = s.length();
        char[] a = CHARS.get();
        if (a.length < n) {
            a = new char[Math.max(n, a.length * 2)];
            if (a.length <= MAX_KEPT_CHARS) {
                CHARS.set(a);
            }
        }
        s.getChars(0, n, a, 0);
        int i = 0;
        while (i < n) {
            char c = a[i];
            if (!asciiLetter(c)) {
                if (c < 0x80 || kindOf(c) == 0) {
                    i++;
                    continue;
                }
            }
            // A word: letters from i on, ASCII ones in runs, others one by one.
            int start = i;
            while (true) {
                int j = i;
                while (j < n && asciiLetter(a[j])) {
                    j++;
                }
                latin += j - i;
                i = j;
                if (i == n || (c = a[i]) < 0x80) {
                    break;
                }
                int kind = kindOf(c);
                if (kind == 0) {
                    break;
                } else if (kind == 1) {
                    latin++;
                } else {
                    otherScript++;
                }
                i++;
            }
            words++;
            if (i - start <= LONGEST_WORD) {
                long key = pack(a, start, i);
                int slot = key == UNPACKABLE ? -1 : slotOf(key);
                if (slot >= 0) {
                    hits++;
                    // A word shared by several languages ("de", "en", "la") counts for each, a little.
                    double weight = TABLE_WEIGHTS[slot];
                    for (int l : TABLE_LANGS[slot]) {
                        score[l] += weight;
                    }
                }
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

    private static boolean asciiLetter(char c) {
        return (char) ((c | 0x20) - 'a') < 26;
    }

    /** 0 for a character that is not a letter, 1 for a Latin letter, 2 for a letter of another script. */
    private static int kindOf(char c) {
        return c < TABLE_CHARS ? CHAR_INFO[c] >>> 16 : !isLetter(c) ? 0 : isLatin(c) ? 1 : 2;
    }

    /**
     * The letters {@code a[start, end)} lower-cased and packed 9 bits a character, as the function words are;
     * {@link #UNPACKABLE} when one of them is a character no function word has (packing would lose it), or
     * U+0130 (capital I with dot): that lower-cases to two characters as a string, so the word matches no
     * function word, and the character-wise lower case must not let it match either.
     */
    private static long pack(char[] a, int start, int end) {
        long key = 0;
        for (int k = start; k < end; k++) {
            char c = a[k];
            int lower = c < 0x80 ? c | 0x20 : c < TABLE_CHARS ? CHAR_INFO[c] & 0xffff : Character.toLowerCase(c);
            if (lower >= PACKED_CHARS || c == '\u0130') {
                return UNPACKABLE;
            }
            key = key << 9 | lower;
        }
        return key;
    }

    /** The table slot of the function word packed in {@code key}, or -1 when it is none: one probe, the hash is perfect. */
    private static int slotOf(long key) {
        int i = slot(key, MULTIPLIER);
        return TABLE_KEYS[i] == key ? i : -1;
    }
}

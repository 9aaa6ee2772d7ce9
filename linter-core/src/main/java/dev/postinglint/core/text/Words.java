package dev.postinglint.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tokenizes text for tolerant comparison of boilerplate: white space is ignored, curly quotes become
 * straight ones, every dash becomes '-', and each punctuation mark is its own token, so "we’ve" and
 * "we've", "2014–2024" and "2014-2024" compare equal while a removed word or comma does not.
 */
public final class Words {
    private Words() {
    }

    /** Normalizes one character: typographic quotes, dashes and odd spaces to plain forms. */
    public static char normalize(char c) {
        // Speed: every character below U+00AB but the backtick is its own (most text is ASCII).
        if (c < '\u00AB') {
            return c == '`' ? '\'' : c;
        }
        return switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '`' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D' -> '-';
            default -> c;
        };
    }

    private static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c) || Character.isSurrogate(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** {@link #ASCII} of a white space character ({@link Character#isWhitespace}). */
    private static final byte SPACE = 1;
    /** {@link #ASCII} of a word character (a letter or digit: {@link #isWordChar}). */
    private static final byte WORD = 2;
    /**
     * What each ASCII character is to the cursor, where {@link #normalize} leaves it as it is (all but the backtick, which
     * is neither): {@link #SPACE}, {@link #WORD} or 0. Speed: one look-up for the characters most text is made of.
     */
    private static final byte[] ASCII = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = Character.isWhitespace(c) ? SPACE : isWordChar(c) ? WORD : 0;
        }
    }

    /** The one-character tokens of ASCII punctuation, made once: a posting has thousands of commas and full stops. */
    private static final String[] ASCII_MARKS = new String[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_MARKS[c] = String.valueOf(c).intern();
        }
    }

    /**
     * The normalized tokens of {@code text}'s characters {@code [from, to)}: the same as
     * {@code norms(tokenize(text.subSequence(from, to)))}, made without a copy of the range or a
     * {@link Token} per token (a word whose characters are the text's own is cut straight from it).
     */
    public static List<String> norms(CharSequence text, int from, int to) {
        List<String> out = new ArrayList<>();
        Cursor c = Cursor.over(text, from, to);
        while (c.next()) {
            out.add(c.norm());
        }
        return out;
    }

    /**
     * How many of the normalized tokens of {@code [from, to)} ({@link #norms(CharSequence, int, int)}) start
     * with a letter or digit, counted without making them.
     */
    public static int countWords(CharSequence text, int from, int to) {
        return countWords(text, from, to, Integer.MAX_VALUE);
    }

    /** {@link #countWords(CharSequence, int, int)}, but at most {@code limit}: the count stops there. */
    public static int countWords(CharSequence text, int from, int to, int limit) {
        return (int) countWordsFrom(text, from, to, limit);
    }

    /**
     * {@link #countWords(CharSequence, int, int, int)} and where it stopped: the count in the low 32 bits, in
     * the high ones the offset after the last token read. Tokens never depend on what comes before them, so
     * counting on from that offset gives the rest of the range's count (a second, higher limit costs only the
     * words past the first).
     */
    public static long countWordsFrom(CharSequence text, int from, int to, int limit) {
        return countWordsFrom(Cursor.over(text, from, to), limit);
    }

    /**
     * {@link #countWordsFrom(CharSequence, int, int, int)} over the characters of a text as an array (the whole text,
     * {@code String.toCharArray}: offsets are the text's). Speed: made once per posting and read many times, an array
     * is read without {@code String.charAt}'s checks of index and coder.
     */
    public static long countWordsFrom(char[] text, int from, int to, int limit) {
        // Speed: the cursor's walk without its tokens: characters that cannot start a word token (white space and
        // punctuation, a dash run's too) are passed one by one, and a word token is walked to its end as the cursor does.
        int n = 0;
        int i = from;
        while (n < limit && i < to) {
            char raw = text[i++];
            char first;
            if (raw < 128) {
                if (ASCII[raw] != WORD) {
                    continue;
                }
                first = raw;
                n++; // an ASCII word character is a letter or digit
            } else {
                first = normalize(raw);
                if (!isWordChar(first)) {
                    continue;
                }
                if (Character.isLetterOrDigit(first)) {
                    n++;
                }
            }
            char last = first;
            while (i < to) {
                char r = text[i];
                if (r < 128 && ASCII[r] == WORD) {
                    last = r;
                    i++;
                    continue;
                }
                char d = normalize(r);
                if (isWordChar(d)) {
                    last = d;
                    i++;
                } else if ((d == '\'' || d == '.' || d == ',' || d == '-') && i + 1 < to && joinsBefore(d, last, normalize(text[i + 1]))) {
                    last = d;
                    i++;
                } else {
                    break;
                }
            }
        }
        return (long) i << 32 | n;
    }

    /**
     * An upper bound of {@link #countWordsFrom(char[], int, int, int)}'s count, at most {@code limit}: how many word
     * characters of {@code [from, to)} follow a character that is not one (or the range's start). Every word token
     * starts there (a token ends only before a character that is not a word character, and {@link #normalize} never
     * makes a word character of another or another of one); a joined word ("we've", "2,400") counts once per part.
     * Speed: one table look-up per ASCII character and no branch on what it finds, where the tokenizer branches at
     * every token's end; most blocks (list items, short paragraphs) are ruled out by this alone.
     */
    public static int wordStartsAtMost(char[] text, int from, int to, int limit) {
        int n = 0;
        int previous = 0;
        for (int i = from; i < to && n < limit; i++) {
            char c = text[i];
            int word = c < 128 ? ASCII[c] >> 1 : isWordChar(c) ? 1 : 0; // WORD is 2, SPACE 1
            n += word & ~previous;
            previous = word;
        }
        return n;
    }

    private static long countWordsFrom(Cursor c, int limit) {
        int n = 0;
        while (n < limit && c.next()) {
            if (c.startsWithLetterOrDigit()) {
                n++;
            }
        }
        return (long) (c.i + c.base) << 32 | n;
    }

    /**
     * {@link #leadingNorms} of the normalized tokens of {@code [from, to)}: the same key, made from
     * its first words only.
     */
    public static String leadingWords(CharSequence text, int from, int to, int n) {
        return leadingWords(Cursor.over(text, from, to), n);
    }

    /** {@link #leadingWords(CharSequence, int, int, int)} over a text's characters as an array (offsets are the text's). */
    public static String leadingWords(char[] text, int from, int to, int n) {
        return leadingWords(new Cursor(text, 0, from, to), n);
    }

    private static String leadingWords(Cursor c, int n) {
        StringBuilder b = new StringBuilder(8 * n);
        int count = 0;
        while (c.next()) {
            if (!c.startsWithLetterOrDigit()) {
                continue;
            }
            if (count > 0) {
                b.append(' ');
            }
            c.appendLowerCase(b);
            if (++count == n) {
                return b.toString();
            }
        }
        return null;
    }

    /**
     * The tokens of a range of a text one at a time, as {@link #tokenize} finds them; a token's
     * normalized string is made only when asked for.
     */
    private static final class Cursor {
        /** The characters read: {@code text[k]} is the text's character {@code k + base}. */
        private final char[] text;
        private final int base;
        private final int to;
        private int i;
        private int start;
        /** The token's first character, normalized. */
        private char first;
        private boolean word;
        /** A word whose every character is the text's own (no joiner was normalized): its norm is the text itself. */
        private boolean own;

        /** A cursor over {@code text}'s characters {@code [from, to)}, where {@code text[k]} is character {@code k + base}. */
        Cursor(char[] text, int base, int from, int to) {
            this.text = text;
            this.base = base;
            this.i = from - base;
            this.to = to - base;
        }

        /** A cursor over a copy of {@code text}'s characters {@code [from, to)} (one bulk copy, then plain array reads). */
        static Cursor over(CharSequence text, int from, int to) {
            char[] chars = new char[to - from];
            if (text instanceof String s) {
                s.getChars(from, to, chars, 0);
            } else {
                for (int k = from; k < to; k++) {
                    chars[k - from] = text.charAt(k);
                }
            }
            return new Cursor(chars, from, from, to);
        }

        /** Moves to the next token; false at the end. */
        boolean next() {
            while (i < to) {
                char raw0 = text[i];
                if (raw0 < 128 && ASCII[raw0] == SPACE) {
                    i++; // Speed: the common case, one look-up
                    continue;
                }
                char c = normalize(raw0);
                if (Character.isWhitespace(c) || c == '\u00a0') {
                    i++;
                    continue;
                }
                start = i;
                first = c;
                i++;
                if (isWordChar(c)) {
                    word = true;
                    own = true;
                    char last = c;
                    while (i < to) {
                        char raw = text[i];
                        if (raw < 128 && ASCII[raw] == WORD) {
                            last = raw; // Speed: the common case, one look-up
                            i++;
                            continue;
                        }
                        char d = normalize(raw);
                        if (isWordChar(d)) {
                            last = d;
                            i++;
                        } else if ((d == '\'' || d == '.' || d == ',' || d == '-') && i + 1 < to
                                && joinsBefore(d, last, normalize(text[i + 1]))) {
                            own &= d == raw; // we've, 2,400, 1.1.1.1, e-mail stay one token
                            last = d;
                            i++;
                        } else {
                            break;
                        }
                    }
                } else {
                    word = false;
                    // A run of dashes ("--", "—") is one dash token.
                    if (c == '-') {
                        while (i < to && normalize(text[i]) == '-') {
                            i++;
                        }
                    }
                }
                return true;
            }
            return false;
        }

        boolean startsWithLetterOrDigit() {
            return word && (first < 128 || Character.isLetterOrDigit(first)); // an ASCII word starts with a letter or digit
        }

        /**
         * Appends the token's normalized string in lower case, as {@code norm().toLowerCase(Locale.ROOT)}: an
         * ASCII word character by character, any other through {@link String#toLowerCase} (which is not
         * {@link Character#toLowerCase} for every character: a final sigma, a dotted capital I).
         */
        void appendLowerCase(StringBuilder b) {
            if (word && own) {
                boolean ascii = true;
                for (int k = start; k < i && ascii; k++) {
                    ascii = text[k] < 128;
                }
                if (ascii) {
                    for (int k = start; k < i; k++) {
                        char ch = text[k];
                        b.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch);
                    }
                    return;
                }
            }
            b.append(norm().toLowerCase(Locale.ROOT));
        }

        /** Appends the token's normalized string, as {@code norm()} without making it. */
        void appendNorm(StringBuilder b) {
            if (!word) {
                b.append(first);
            } else if (own) {
                b.append(text, start, i - start);
            } else {
                for (int k = start; k < i; k++) {
                    b.append(normalize(text[k]));
                }
            }
        }

        /** The token's normalized string. */
        String norm() {
            if (!word) {
                return first < 128 ? ASCII_MARKS[first] : String.valueOf(first);
            }
            if (own) {
                return new String(text, start, i - start);
            }
            StringBuilder b = new StringBuilder(i - start);
            for (int k = start; k < i; k++) {
                b.append(normalize(text[k]));
            }
            return b.toString();
        }
    }

    /** Whether {@code sep} joins the word that ends in {@code last} to the word character {@code after}. */
    private static boolean joinsBefore(char sep, char last, char after) {
        return isWordChar(after) && joins(sep, last, after);
    }

    /** {@link #joinsWord} given the word's last character. */
    private static boolean joins(char sep, char last, char after) {
        if (sep == ',' || sep == '.') {
            return Character.isDigit(last) && Character.isDigit(after);
        }
        return true;
    }

    /** Tokens of {@code text}; offsets are relative to it. */
    public static List<Token> tokenize(CharSequence text) {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        StringBuilder word = new StringBuilder();
        while (i < n) {
            char c = normalize(text.charAt(i));
            if (Character.isWhitespace(c) || c == '\u00a0') {
                i++;
                continue;
            }
            if (isWordChar(c)) {
                int start = i;
                word.setLength(0);
                while (i < n) {
                    char d = normalize(text.charAt(i));
                    if (isWordChar(d)) {
                        word.append(d);
                        i++;
                    } else if ((d == '\'' || d == '.' || d == ',' || d == '-') && i + 1 < n && isWordChar(normalize(text.charAt(i + 1)))
                            && word.length() > 0 && joinsWord(d, word, normalize(text.charAt(i + 1)))) {
                        word.append(d); // we've, 2,400, 1.1.1.1, e-mail stay one token
                        i++;
                    } else {
                        break;
                    }
                }
                out.add(new Token(word.toString(), start, i));
            } else {
                // A run of dashes ("--", "—") is one dash token.
                int start = i;
                i++;
                if (c == '-') {
                    while (i < n && normalize(text.charAt(i)) == '-') {
                        i++;
                    }
                }
                out.add(new Token(String.valueOf(c), start, i));
            }
        }
        return out;
    }

    /** Digits join across ',' and '.'; letters join across apostrophes and hyphens. */
    private static boolean joinsWord(char sep, CharSequence before, char after) {
        char last = before.charAt(before.length() - 1);
        if (sep == ',' || sep == '.') {
            return Character.isDigit(last) && Character.isDigit(after);
        }
        return true;
    }

    public static List<String> norms(List<Token> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            out.add(t.norm());
        }
        return out;
    }

    /** The normalized form of a text: its tokens joined by single spaces. */
    public static String normalized(CharSequence text) {
        // Speed: the tokens appended as they are found, none made as a string of its own.
        StringBuilder b = new StringBuilder(text.length());
        Cursor c = Cursor.over(text, 0, text.length());
        while (c.next()) {
            if (b.length() > 0) {
                b.append(' ');
            }
            c.appendNorm(b);
        }
        return b.toString();
    }

    /** {@link #leadingWords} of tokens already reduced to their norms ({@link #norms}): the same key. */
    public static String leadingNorms(List<String> norms, int n) {
        StringBuilder b = new StringBuilder();
        int count = 0;
        for (String t : norms) {
            if (!Character.isLetterOrDigit(t.charAt(0))) {
                continue;
            }
            if (count > 0) {
                b.append(' ');
            }
            b.append(t.toLowerCase(Locale.ROOT));
            if (++count == n) {
                return b.toString();
            }
        }
        return null;
    }

    /** A lower-cased key of the first {@code n} word tokens (punctuation skipped), or null if fewer. */
    public static String leadingWords(List<Token> tokens, int n) {
        StringBuilder b = new StringBuilder();
        int count = 0;
        for (Token t : tokens) {
            if (!Character.isLetterOrDigit(t.norm().charAt(0))) {
                continue;
            }
            if (count > 0) {
                b.append(' ');
            }
            b.append(t.norm().toLowerCase(Locale.ROOT));
            if (++count == n) {
                return b.toString();
            }
        }
        return null;
    }
}

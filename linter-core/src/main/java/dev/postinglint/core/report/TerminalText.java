package dev.postinglint.core.report;

/**
 * Makes text from postings (file names, board job ids, messages that quote them) safe to print in a
 * terminal or a CI log: a control character would otherwise reach the terminal (an ESC sequence can
 * recolour, retitle or hide output) and a line break would split one finding into two lines. Each C0
 * and C1 control character, DEL, and each Unicode bidirectional override (which can make a name read
 * differently from what it is) is written as a visible escape ({@code \x1b}, {@code \u202e}). Everything
 * else, a backslash included ({@code back\slash.html} is a legal POSIX name), is kept as it is.
 */
public final class TerminalText {
    private TerminalText() {
    }

    public static String safe(String s) {
        return escape(s, false);
    }

    /**
     * The same, but line breaks (CR, LF) and tabs are kept: for a message whose format encodes them itself
     * (a GitHub workflow command writes {@code %0A}).
     */
    public static String safeKeepingLines(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean keepLines) {
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i), keepLines)) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!unsafe(c, keepLines)) {
                b.append(c);
            } else {
                appendEscape(b, c);
            }
        }
        return b.toString();
    }

    /** {@code \x1b} for a character up to U+00FF, {@code \u202e} above. */
    static void appendEscape(StringBuilder b, char c) {
        if (c <= 0xFF) {
            b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
        } else {
            b.append("\\u").append(Character.forDigit(c >> 12, 16)).append(Character.forDigit((c >> 8) & 0xF, 16))
                    .append(Character.forDigit((c >> 4) & 0xF, 16)).append(Character.forDigit(c & 0xF, 16));
        }
    }

    private static boolean unsafe(char c, boolean keepLines) {
        return unsafe(c) && !(keepLines && (c == '\n' || c == '\r' || c == '\t'));
    }

    static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }
}

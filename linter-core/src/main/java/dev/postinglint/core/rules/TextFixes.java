package dev.postinglint.core.rules;

import dev.postinglint.core.source.SourceSpan;
import org.jsoup.nodes.Entities;

/** Helpers that keep fixes from corrupting markup. */
final class TextFixes {
    private TextFixes() {
    }

    /**
     * True when the source in {@code span} is plain text that reads as {@code expected}: no tag inside
     * it, so replacing it cannot drop or break markup.
     */
    static boolean isPlainText(String source, SourceSpan span, String expected) {
        String raw = source.substring(span.startOffset(), span.endOffset());
        if (raw.indexOf('<') >= 0 || raw.indexOf('>') >= 0) {
            return false;
        }
        return fold(Entities.unescape(raw)).equals(fold(expected));
    }

    private static String fold(String s) {
        return s.replaceAll("[\\s\\u00a0]+", " ").strip();
    }

    /** Escapes text for an HTML text node. */
    static String escapeText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

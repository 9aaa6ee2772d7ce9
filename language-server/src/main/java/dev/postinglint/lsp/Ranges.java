package dev.postinglint.lsp;

import dev.postinglint.core.source.SourceSpan;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Places between the engine and LSP. The engine counts 1-based lines and 1-based UTF-16 columns (end exclusive);
 * LSP counts 0-based lines and 0-based UTF-16 characters (end exclusive): the same units, one less.
 */
final class Ranges {
    private Ranges() {
    }

    static Range of(SourceSpan span) {
        return new Range(position(span.start()), position(span.end()));
    }

    static Position position(dev.postinglint.core.source.Position p) {
        return new Position(p.line() - 1, p.column() - 1);
    }

    /** A zero-width range at a 1-based line and column. */
    static Range at(int line, int column) {
        int l = Math.max(0, line - 1);
        int c = Math.max(0, column - 1);
        return new Range(new Position(l, c), new Position(l, c)); // two objects: callers may widen the end
    }

    /** Whether {@code p} is inside {@code r} (its end included, so a hover at a word's end still counts). */
    static boolean contains(Range r, Position p) {
        return compare(r.getStart(), p) <= 0 && compare(p, r.getEnd()) <= 0;
    }

    static int compare(Position a, Position b) {
        return a.getLine() != b.getLine() ? Integer.compare(a.getLine(), b.getLine()) : Integer.compare(a.getCharacter(), b.getCharacter());
    }

    /** The UTF-16 offset of an LSP position in {@code text} (clamped to the text), for applying incremental edits. */
    static int offset(String text, Position p) {
        int line = 0;
        int i = 0;
        int n = text.length();
        while (line < p.getLine() && i < n) {
            char c = text.charAt(i++);
            if (c == '\r') {
                if (i < n && text.charAt(i) == '\n') {
                    i++;
                }
                line++;
            } else if (c == '\n') {
                line++;
            }
        }
        int end = i;
        while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return Math.min(i + Math.max(0, p.getCharacter()), end);
    }

    /** The LSP position of a UTF-16 offset in {@code text}. */
    static Position positionOf(String text, int offset) {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart);
    }
}

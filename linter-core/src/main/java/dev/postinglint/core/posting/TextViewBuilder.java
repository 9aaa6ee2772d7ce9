package dev.postinglint.core.posting;

import dev.postinglint.core.source.SourceText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;

/**
 * Builds a {@link TextView} from a jsoup tree parsed with position tracking. Text node positions
 * come from the parser; within a text node, entities are mapped by aligning the raw source with
 * the decoded text, never by searching the text again.
 */
final class TextViewBuilder {
    /** Elements that start a new line of text; everything else is inline. */
    static final Set<String> BLOCKS = Set.of(
            "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog",
            "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
            "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "option", "p", "pre",
            "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul");
    /** Elements whose content is never posting text. */
    private static final Set<String> SKIPPED = Set.of("script", "style", "template", "head", "noscript", "svg", "math");

    private final SourceText source;
    private char[] chars = new char[1024];
    private int[] starts = new int[1024];
    private int[] ends = new int[1024];
    private int length;
    private final Map<Element, int[]> spans = new IdentityHashMap<>();

    TextViewBuilder(SourceText source) {
        this.source = source;
    }

    /** The result: the view and the text range each element covers. */
    record Built(TextView view, Map<Element, int[]> elementSpans) {
    }

    Built build(Element root) {
        walk(root);
        TextView view = new TextView(source, new String(chars, 0, length),
                Arrays.copyOf(starts, length), Arrays.copyOf(ends, length));
        return new Built(view, spans);
    }

    // Iterative depth-first walk: postings can nest deeply and recursion would risk the stack.
    private void walk(Element root) {
        record Frame(Node node, boolean exit) {
        }
        List<Frame> stack = new ArrayList<>();
        stack.add(new Frame(root, false));
        while (!stack.isEmpty()) {
            Frame f = stack.remove(stack.size() - 1);
            if (f.node instanceof Element el) {
                if (f.exit) {
                    exitElement(el);
                    continue;
                }
                if (SKIPPED.contains(el.normalName())) {
                    continue;
                }
                enterElement(el);
                stack.add(new Frame(el, true));
                List<Node> children = el.childNodes();
                for (int i = children.size() - 1; i >= 0; i--) {
                    stack.add(new Frame(children.get(i), false));
                }
            } else if (f.node instanceof TextNode t) {
                appendText(t);
            }
        }
    }

    private void enterElement(Element el) {
        if (BLOCKS.contains(el.normalName())) {
            lineBreak(tagOffset(el.sourceRange(), el));
        }
        spans.put(el, new int[] {length, length});
    }

    private void exitElement(Element el) {
        spans.get(el)[1] = length;
        if (BLOCKS.contains(el.normalName())) {
            Range end = el.endSourceRange();
            lineBreak(end.isTracked() ? end.start().pos() : tagOffset(el.sourceRange(), el));
        }
    }

    private static int tagOffset(Range range, Element el) {
        return range.isTracked() ? range.start().pos() : 0;
    }

    /** A block boundary: one {@code \n}, folding any space just before it. */
    private void lineBreak(int sourceOffset) {
        if (length == 0 || chars[length - 1] == '\n') {
            return;
        }
        if (chars[length - 1] == ' ') {
            chars[length - 1] = '\n';
            return;
        }
        append('\n', sourceOffset, sourceOffset);
    }

    private void appendText(TextNode node) {
        String decoded = node.getWholeText();
        Range range = node.sourceRange();
        if (!range.isTracked()) {
            return; // text the parser made up (none in practice): nothing in the file to point at
        }
        int rawStart = range.start().pos();
        int rawEnd = range.end().pos();
        // Speed: most text nodes have no entity, so the source holds the decoded text as it is and
        // each character maps to itself; only nodes that differ are aligned (same result).
        int[][] map = rawEnd - rawStart == decoded.length() && source.text().regionMatches(rawStart, decoded, 0, decoded.length())
                ? IDENTITY : alignEntities(source.text().substring(rawStart, rawEnd), decoded);
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            int s = map == IDENTITY ? rawStart + i : rawStart + (map == null ? 0 : map[0][i]);
            int e = map == IDENTITY ? rawStart + i + 1 : map == null ? rawEnd : rawStart + map[1][i];
            if (isSpace(c)) {
                if (length > 0 && chars[length - 1] != ' ' && chars[length - 1] != '\n') {
                    append(' ', s, e);
                } else if (length > 0 && chars[length - 1] == ' ' && ends[length - 1] == s) {
                    ends[length - 1] = e; // the folded space covers the whole run it replaced
                }
            } else {
                append(c, s, e);
            }
        }
    }

    /** Marks a text node whose source is its decoded text: character i comes from source offset i. */
    private static final int[][] IDENTITY = new int[0][];

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00a0'
                || c == '\u2007' || c == '\u202f' || (c >= '\u2000' && c <= '\u200a') || c == '\u3000';
    }

    /**
     * For each decoded character, its raw start and end offset within {@code raw}. Text between
     * ampersands is copied verbatim by the parser, so each {@code &...} segment is decoded on its
     * own and its literal tail (the common suffix) is aligned one to one; what remains at the head
     * is the entity. Returns null if the result does not reproduce the parser's text exactly.
     */
    static int[][] alignEntities(String raw, String decoded) {
        int[] s = new int[decoded.length()];
        int[] e = new int[decoded.length()];
        int i = 0;
        int j = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c != '&') {
                if (j >= decoded.length() || decoded.charAt(j) != c) {
                    return null;
                }
                s[j] = i;
                e[j] = i + 1;
                i++;
                j++;
                continue;
            }
            int next = raw.indexOf('&', i + 1);
            if (next < 0) {
                next = raw.length();
            }
            String segment = raw.substring(i, next);
            String segDecoded = Entities.unescape(segment);
            int suffix = 0;
            while (suffix < segment.length() - 1 && suffix < segDecoded.length()
                    && segment.charAt(segment.length() - 1 - suffix)
                            == segDecoded.charAt(segDecoded.length() - 1 - suffix)) {
                suffix++;
            }
            int entityRawEnd = i + segment.length() - suffix;
            int entityDecodedLen = segDecoded.length() - suffix;
            if (j + entityDecodedLen > decoded.length()
                    || !decoded.regionMatches(j, segDecoded, 0, entityDecodedLen)) {
                return null;
            }
            for (int k = 0; k < entityDecodedLen; k++) {
                s[j + k] = i;
                e[j + k] = entityRawEnd;
            }
            j += entityDecodedLen;
            i = entityRawEnd;
        }
        return j == decoded.length() ? new int[][] {s, e} : null;
    }

    private void append(char c, int start, int end) {
        if (length == chars.length) {
            int n = length * 2;
            chars = Arrays.copyOf(chars, n);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
        }
        chars[length] = c;
        starts[length] = start;
        ends[length] = end;
        length++;
    }
}

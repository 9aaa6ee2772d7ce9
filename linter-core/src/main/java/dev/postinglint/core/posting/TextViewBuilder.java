package dev.postinglint.core.posting;

import dev.postinglint.core.source.SourceText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
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

    private static final int MAX_BOLD_HEADING_LENGTH = 120;

    private final SourceText source;
    private char[] chars;
    private int[] starts;
    private int[] ends;
    private int length;
    private final ElementSpans spans = new ElementSpans();
    private final List<Heading> headings = new ArrayList<>();
    /** Preorder number of each heading, to put nested ones (a bold paragraph in an h2) in document order. */
    private final List<Integer> headingOrder = new ArrayList<>();
    private final List<Element> leafBlocks = new ArrayList<>();

    // The open elements, innermost last: what the walk needs of each when it leaves it.
    private int depth;
    private int[] entries = new int[64];
    /** Whether a block other than br is somewhere below the open element (so it is not a leaf block). */
    private boolean[] blockBelow = new boolean[64];
    private int[] preorder = new int[64];
    private int elementsEntered;

    // The innermost open p or div, a bold-heading candidate: b/strong elements open when it opened, and
    // whether non-blank text inside it is inside bold or not (only the innermost matters: a p or div
    // holding another is not a leaf block, so never a heading).
    private int candidateDepth = -1;
    private int candidateBoldAtEntry;
    private boolean candidateBoldText;
    private boolean candidatePlainText;
    private int[] savedCandidate = new int[64];
    private int bold;

    private Element body;
    private int bodyDepth = -1;

    TextViewBuilder(SourceText source) {
        this.source = source;
        // Text is rarely much longer than half the markup; growing costs a copy, an unused tail nothing.
        int capacity = Math.max(256, source.text().length() / 2);
        chars = new char[capacity];
        starts = new int[capacity];
        ends = new int[capacity];
    }

    /**
     * The result of one walk: the view, the text range of every walked element, the headings in
     * document order, and the leaf blocks (blocks holding text and no other block but br) in
     * document order, as elements whose ranges {@code spans} knows.
     */
    record Built(TextView view, ElementSpans spans, List<Heading> headings, List<Element> leafBlocks) {
    }

    /** The walk from a document (its body holds headings and blocks) or from the chosen content of a whole page. */
    Built build(Element root) {
        body = root instanceof Document doc ? existingBody(doc) : root;
        walk(root);
        if (root instanceof Document doc) {
            doc.body(); // as before the one walk: adds an empty body to a document without one (after the walk)
        }
        TextView view = new TextView(source, new String(chars, 0, length),
                Arrays.copyOf(starts, length), Arrays.copyOf(ends, length));
        if (!inOrder(headingOrder)) {
            Integer[] order = new Integer[headings.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingInt(headingOrder::get));
            List<Heading> sorted = new ArrayList<>(order.length);
            for (Integer i : order) {
                sorted.add(headings.get(i));
            }
            return new Built(view, spans, sorted, leafBlocks);
        }
        return new Built(view, spans, headings, leafBlocks);
    }

    /** {@link Document#body()} without its side effect of adding a body where there is none (then null). */
    private static Element existingBody(Document doc) {
        for (Element html = doc.firstElementChild(); html != null; html = html.nextElementSibling()) {
            if (html.nameIs("html")) {
                for (Element e = html.firstElementChild(); e != null; e = e.nextElementSibling()) {
                    if (e.nameIs("body") || e.nameIs("frameset")) {
                        return e;
                    }
                }
                return null;
            }
        }
        return null;
    }

    private static boolean inOrder(List<Integer> order) {
        for (int i = 1; i < order.size(); i++) {
            if (order.get(i) < order.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One iterative depth-first walk over the tree, following sibling and parent links (postings can
     * nest deeply, and recursion would risk the stack): builds the text, records element ranges, and
     * finds the headings and leaf blocks as each element is left, when all it holds is known.
     */
    private void walk(Element root) {
        Node node = root;
        while (true) {
            if (node instanceof Element el) {
                if (SKIPPED.contains(el.normalName())) {
                    skipped(el);
                } else {
                    enterElement(el);
                    if (el.childNodeSize() > 0) {
                        node = el.childNode(0);
                        continue;
                    }
                    exitElement(el);
                }
            } else if (node instanceof TextNode t) {
                appendText(t);
                noteText(t);
            }
            while (true) {
                if (node == root) {
                    return;
                }
                Node next = node.nextSibling();
                if (next != null) {
                    node = next;
                    break;
                }
                node = node.parent();
                exitElement((Element) node);
            }
        }
    }

    private void enterElement(Element el) {
        String name = el.normalName();
        if (BLOCKS.contains(name)) {
            lineBreak(tagOffset(el.sourceRange(), el));
        }
        if (depth == entries.length) {
            int n = depth * 2;
            entries = Arrays.copyOf(entries, n);
            blockBelow = Arrays.copyOf(blockBelow, n);
            preorder = Arrays.copyOf(preorder, n);
            savedCandidate = Arrays.copyOf(savedCandidate, n);
        }
        entries[depth] = spans.add(el, length);
        blockBelow[depth] = false;
        preorder[depth] = elementsEntered++;
        savedCandidate[depth] = -2; // this element is no candidate: nothing to restore when it closes
        if (name.equals("p") || name.equals("div")) {
            // Packs the outer candidate's state, restored when this one closes.
            savedCandidate[depth] = candidateDepth;
            pushCandidateFlags();
            candidateDepth = depth;
            candidateBoldAtEntry = bold;
            candidateBoldText = false;
            candidatePlainText = false;
        } else if (isBold(name)) {
            bold++;
        }
        if (el == body) {
            bodyDepth = depth;
        }
        depth++;
    }

    private void exitElement(Element el) {
        depth--;
        int entry = entries[depth];
        spans.end(entry, length);
        String name = el.normalName();
        boolean block = BLOCKS.contains(name);
        boolean leaf = !blockBelow[depth];
        if (depth > 0 && (blockBelow[depth] || block && !name.equals("br"))) {
            blockBelow[depth - 1] = true;
        }
        if (bodyDepth >= 0 && depth >= bodyDepth) {
            if (depth > bodyDepth && block && leaf && !name.equals("br") && !name.equals("hr") && !blank(spans.start(entry), length)) {
                leafBlocks.add(el);
            }
            boolean heading = name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6';
            String text = null;
            if (!heading && depth == candidateDepth && leaf && candidateBoldText && !candidatePlainText) {
                text = el.text();
                heading = !text.isBlank() && text.length() <= MAX_BOLD_HEADING_LENGTH;
            }
            if (heading && length > spans.start(entry)) {
                headings.add(new Heading(el, (text == null ? el.text() : text).strip(), spans.start(entry), length));
                headingOrder.add(preorder[depth]);
            }
        }
        if (depth == bodyDepth) {
            bodyDepth = -1;
        }
        if (savedCandidate[depth] != -2) {
            candidateDepth = savedCandidate[depth];
            popCandidateFlags();
        } else if (isBold(name)) {
            bold--;
        }
        if (block) {
            Range end = el.endSourceRange();
            lineBreak(end.isTracked() ? end.start().pos() : tagOffset(el.sourceRange(), el));
        }
    }

    // The outer candidates' states, innermost last (p or div nested in p or div: rare and shallow).
    private int[] candidateStack = new int[16];
    private int candidateStackSize;

    private void pushCandidateFlags() {
        if (candidateStackSize == candidateStack.length) {
            candidateStack = Arrays.copyOf(candidateStack, candidateStackSize * 2);
        }
        candidateStack[candidateStackSize++] = candidateBoldAtEntry << 2 | (candidateBoldText ? 2 : 0) | (candidatePlainText ? 1 : 0);
    }

    private void popCandidateFlags() {
        int packed = candidateStack[--candidateStackSize];
        candidateBoldAtEntry = packed >>> 2;
        candidateBoldText = (packed & 2) != 0;
        candidatePlainText = (packed & 1) != 0;
    }

    private static boolean isBold(String name) {
        return name.equals("b") || name.equals("strong");
    }

    /** Non-blank text tells the innermost p or div whether all its text is bold. */
    private void noteText(TextNode t) {
        if (candidateDepth >= 0 && !t.isBlank()) {
            if (bold > candidateBoldAtEntry) {
                candidateBoldText = true;
            } else {
                candidatePlainText = true;
            }
        }
    }

    /**
     * An element whose content is never posting text (script, svg ...): none of it goes into the
     * view, but what it holds still counts for the elements around it: a block inside makes them
     * non-leaf, and its text makes a paragraph around it not all bold.
     */
    private void skipped(Element root) {
        boolean anyBlock = false;
        int boldBefore = bold;
        Node node = root;
        while (true) {
            if (node instanceof Element el) {
                String name = el.normalName();
                anyBlock |= BLOCKS.contains(name) && !name.equals("br");
                if (isBold(name)) {
                    bold++;
                }
                if (el.childNodeSize() > 0) {
                    node = el.childNode(0);
                    continue;
                }
                if (isBold(name)) {
                    bold--;
                }
            } else if (node instanceof TextNode t) {
                noteText(t);
            }
            while (true) {
                if (node == root) {
                    bold = boldBefore;
                    if (anyBlock && depth > 0) {
                        blockBelow[depth - 1] = true;
                    }
                    return;
                }
                Node next = node.nextSibling();
                if (next != null) {
                    node = next;
                    break;
                }
                node = node.parent();
                if (isBold(((Element) node).normalName())) {
                    bold--;
                }
            }
        }
    }

    /** Whether view characters {@code [start, end)} are all white space, as {@link String#isBlank} says. */
    private boolean blank(int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
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
        int n = decoded.length();
        ensure(length + n);
        // Speed: most text nodes have no entity, so the source holds the decoded text as it is and
        // each character maps to itself; only nodes that differ are aligned (same result).
        boolean identity = rawEnd - rawStart == n && source.text().regionMatches(rawStart, decoded, 0, n);
        int[][] map = identity ? null : alignEntities(source.text().substring(rawStart, rawEnd), decoded);
        char[] cs = chars;
        int[] ss = starts;
        int[] es = ends;
        int len = length;
        for (int i = 0; i < n; i++) {
            char c = decoded.charAt(i);
            int s = identity ? rawStart + i : rawStart + (map == null ? 0 : map[0][i]);
            int e = identity ? rawStart + i + 1 : map == null ? rawEnd : rawStart + map[1][i];
            if (isSpace(c)) {
                if (len > 0 && cs[len - 1] != ' ' && cs[len - 1] != '\n') {
                    cs[len] = ' ';
                    ss[len] = s;
                    es[len] = e;
                    len++;
                } else if (len > 0 && cs[len - 1] == ' ' && es[len - 1] == s) {
                    es[len - 1] = e; // the folded space covers the whole run it replaced
                }
            } else {
                cs[len] = c;
                ss[len] = s;
                es[len] = e;
                len++;
            }
        }
        length = len;
    }

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
        ensure(length + 1);
        chars[length] = c;
        starts[length] = start;
        ends[length] = end;
        length++;
    }

    private void ensure(int capacity) {
        if (capacity > chars.length) {
            int n = Math.max(capacity, chars.length * 2);
            chars = Arrays.copyOf(chars, n);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
        }
    }
}

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

    // What the walk needs to know of an element's name, found by one look-up when it enters the element.
    private static final int SKIP = 1;
    private static final int BLOCK = 2;
    /** br and hr: blocks that are never leaf blocks (br does not even make its parent a non-leaf). */
    private static final int BR = 4;
    private static final int HR = 8;
    /** p and div: a bold-heading candidate. */
    private static final int CANDIDATE = 16;
    /** b and strong. */
    private static final int BOLD = 32;
    /** h1 to h6. */
    private static final int HEADING = 64;
    private static final java.util.Map<String, Integer> KINDS = kinds();

    private static java.util.Map<String, Integer> kinds() {
        java.util.Map<String, Integer> kinds = new java.util.HashMap<>();
        for (String name : SKIPPED) {
            kinds.merge(name, SKIP, (a, b) -> a | b);
        }
        for (String name : BLOCKS) {
            kinds.merge(name, BLOCK, (a, b) -> a | b);
        }
        kinds.merge("br", BR, (a, b) -> a | b);
        kinds.merge("hr", HR, (a, b) -> a | b);
        kinds.merge("p", CANDIDATE, (a, b) -> a | b);
        kinds.merge("div", CANDIDATE, (a, b) -> a | b);
        kinds.merge("b", BOLD, (a, b) -> a | b);
        kinds.merge("strong", BOLD, (a, b) -> a | b);
        for (int level = 1; level <= 6; level++) {
            kinds.merge("h" + level, HEADING, (a, b) -> a | b);
        }
        return java.util.Map.copyOf(kinds);
    }

    private static int kindOf(String name) {
        Integer kind = KINDS.get(name);
        return kind == null ? 0 : kind;
    }

    /**
     * The view's characters and runs of the last walk on this thread, reused by the next: the view gets
     * copies of the right length, so a walk writes into memory that is already in the cache and never grows them.
     */
    private static final ThreadLocal<Object[]> BUFFERS = new ThreadLocal<>();

    private final SourceText source;
    /** The source text's characters ({@link #sourceChars}), made on the first text node. */
    private char[] sourceChars;
    private char[] scratch = new char[256];
    private char[] chars;
    /** Where each character of the view came from ({@link OffsetRuns}). */
    private final OffsetRuns.Builder offsets;
    private int length;
    private final ElementSpans spans = new ElementSpans();
    private final List<Heading> headings = new ArrayList<>();
    /** Preorder number of each heading, to put nested ones (a bold paragraph in an h2) in document order. */
    private final List<Integer> headingOrder = new ArrayList<>();
    private final List<Element> leafBlocks = new ArrayList<>();

    // The open elements, innermost last: what the walk needs of each when it leaves it.
    private int depth;
    private int[] entries = new int[64];
    /** The open elements' {@link #kindOf kinds}. */
    private int[] kinds = new int[64];
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
        // The text is shorter than the markup, but for the line breaks of blocks whose tags the parser made up.
        int capacity = Math.max(256, source.text().length() + 64);
        Object[] buffers = BUFFERS.get();
        if (buffers != null && ((char[]) buffers[0]).length >= capacity) {
            BUFFERS.set(null); // this walk's until it ends (another walk on this thread meanwhile makes its own)
            chars = (char[]) buffers[0];
            offsets = new OffsetRuns.Builder((OffsetRuns.Builder) buffers[1]);
        } else {
            chars = new char[capacity];
            offsets = new OffsetRuns.Builder(Math.max(64, capacity / 16));
        }
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
        TextView view = new TextView(source, new String(chars, 0, length), offsets.build());
        if (chars.length <= MAX_KEPT_BUFFER && offsets.capacity() <= MAX_KEPT_BUFFER) {
            BUFFERS.set(new Object[] {chars, offsets});
        }
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

    /** Buffers for postings up to 1 M characters of text are kept for the thread's next walk. */
    private static final int MAX_KEPT_BUFFER = 1 << 20;

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
                int kind = kindOf(el.normalName());
                if ((kind & SKIP) != 0) {
                    skipped(el);
                } else {
                    enterElement(el, kind);
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

    private void enterElement(Element el, int kind) {
        if ((kind & BLOCK) != 0) {
            lineBreak(tagOffset(el.sourceRange(), el));
        }
        if (depth == entries.length) {
            int n = depth * 2;
            entries = Arrays.copyOf(entries, n);
            kinds = Arrays.copyOf(kinds, n);
            blockBelow = Arrays.copyOf(blockBelow, n);
            preorder = Arrays.copyOf(preorder, n);
            savedCandidate = Arrays.copyOf(savedCandidate, n);
        }
        entries[depth] = spans.add(el, length);
        kinds[depth] = kind;
        blockBelow[depth] = false;
        preorder[depth] = elementsEntered++;
        savedCandidate[depth] = -2; // this element is no candidate: nothing to restore when it closes
        if ((kind & CANDIDATE) != 0) {
            // Packs the outer candidate's state, restored when this one closes.
            savedCandidate[depth] = candidateDepth;
            pushCandidateFlags();
            candidateDepth = depth;
            candidateBoldAtEntry = bold;
            candidateBoldText = false;
            candidatePlainText = false;
        } else if ((kind & BOLD) != 0) {
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
        int kind = kinds[depth];
        boolean block = (kind & BLOCK) != 0;
        boolean leaf = !blockBelow[depth];
        if (depth > 0 && (blockBelow[depth] || block && (kind & BR) == 0)) {
            blockBelow[depth - 1] = true;
        }
        if (bodyDepth >= 0 && depth >= bodyDepth) {
            if (depth > bodyDepth && block && leaf && (kind & (BR | HR)) == 0 && !blank(spans.start(entry), length)) {
                leafBlocks.add(el);
            }
            boolean heading = (kind & HEADING) != 0;
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
        } else if ((kind & BOLD) != 0) {
            bold--;
        }
        if (block) {
            Range end = el.endSourceRange();
            lineBreak(end.isTracked() ? end.startPos() : tagOffset(el.sourceRange(), el));
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
        return range.isTracked() ? range.startPos() : 0;
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
        int rawStart = range.startPos();
        int rawEnd = range.endPos();
        int n = decoded.length();
        ensure(length + n);
        // Speed: the node's characters are copied out once (an intrinsic, whatever the strings' coders)
        // and compared with the source's in bulk; most text nodes have no entity, so the source holds
        // the decoded text as it is and each character maps to itself (the loop below); only nodes that
        // differ are aligned (same result).
        char[] text = scratch(n);
        decoded.getChars(0, n, text, 0);
        char[] src = sourceChars();
        if (rawEnd - rawStart == n && rawEnd <= src.length && Arrays.equals(src, rawStart, rawEnd, text, 0, n)) {
            appendIdentity(text, n, rawStart);
            return;
        }
        int[][] map = alignEntities(source.text().substring(rawStart, rawEnd), decoded);
        char[] cs = chars;
        OffsetRuns.Builder runs = offsets;
        int len = length;
        for (int i = 0; i < n; i++) {
            char c = text[i];
            int s = rawStart + (map == null ? 0 : map[0][i]);
            int e = map == null ? rawEnd : rawStart + map[1][i];
            if (isSpace(c)) {
                if (len > 0 && cs[len - 1] != ' ' && cs[len - 1] != '\n') {
                    cs[len] = ' ';
                    runs.add(s, e);
                    len++;
                } else if (len > 0 && cs[len - 1] == ' ' && runs.lastEnd() == s) {
                    runs.setLastEnd(e); // the folded space covers the whole run it replaced
                }
            } else {
                cs[len] = c;
                runs.add(s, e);
                len++;
            }
        }
        length = len;
    }

    /**
     * {@link #appendText}'s loop for a node whose characters are the source's own, character {@code i}
     * at source offset {@code rawStart + i}: the same folding, without the alignment's look-ups. Speed:
     * most of a node is copied as it is (words and the single spaces between them), so the stretch that
     * is is found by a loop without a branch that depends on the text ({@link #copiedAsItIs}) and copied
     * at once; only white space that folds goes through the loop here, a character at a time.
     */
    private void appendIdentity(char[] text, int n, int rawStart) {
        char[] cs = chars;
        OffsetRuns.Builder runs = offsets;
        int len = length;
        int i = 0;
        while (i < n) {
            int j = copiedAsItIs(text, i, n, len == 0 || cs[len - 1] == ' ' || cs[len - 1] == '\n');
            if (j > i) {
                System.arraycopy(text, i, cs, len, j - i);
                runs.identity(rawStart + i, j - i);
                len += j - i;
                i = j;
            }
            if (i < n) {
                // White space that folds: one space, unless the text is empty or just had a space or line break.
                if (len > 0 && cs[len - 1] != ' ' && cs[len - 1] != '\n') {
                    cs[len] = ' ';
                    runs.identity(rawStart + i, 1);
                    len++;
                    i++;
                }
                // The rest of the run of white space: the folded space just added (or one the view ended with, where it
                // ends here) covers it all, set once for the run rather than once per character (HTML's indentation).
                int end = i;
                while (end < n && isSpace(text[end])) {
                    end++;
                }
                if (end > i && len > 0 && cs[len - 1] == ' ' && runs.lastEnd() == rawStart + i) {
                    runs.setLastEnd(rawStart + end);
                }
                i = end;
            }
        }
        length = len;
    }

    /** The ASCII white space {@link #isSpace} knows, as bits of a long: tab, line feed, form feed, carriage return, space. */
    private static final long ASCII_SPACES = 1L << '\t' | 1L << '\n' | 1L << '\f' | 1L << '\r' | 1L << ' ';

    /**
     * Where the stretch of {@code text} from {@code from} that goes into the view as it is ends: up to the
     * first white space other than a space, or a space after white space ({@code afterSpace} says whether
     * the view ends with a space, a line break or nothing). Speed: white space below U+00A0 is told by a
     * bit of {@link #ASCII_SPACES}, not by comparisons that a word's end would mispredict.
     */
    private static int copiedAsItIs(char[] text, int from, int n, boolean afterSpace) {
        int previous = afterSpace ? 1 : 0;
        for (int k = from; k < n; k++) {
            char c = text[k];
            int space = c < '\u00a0' ? (int) (ASCII_SPACES >>> c) & (c - 64) >>> 31 : isSpace(c) ? 1 : 0;
            if ((space & ((c != ' ' ? 1 : 0) | previous)) != 0) {
                return k;
            }
            previous = space;
        }
        return n;
    }

    /** The source's characters, copied out once per walk for the bulk comparisons. */
    private char[] sourceChars() {
        if (sourceChars == null) {
            sourceChars = source.text().toCharArray();
        }
        return sourceChars;
    }

    /** A buffer of at least {@code n} characters for one text node's characters, reused across nodes. */
    private char[] scratch(int n) {
        if (scratch.length < n) {
            scratch = new char[Math.max(n, scratch.length * 2)];
        }
        return scratch;
    }

    static boolean isSpace(char c) {
        // The common characters, from '!' to '~' and on to U+009F, are decided by the first two tests.
        return c <= ' ' ? c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
                : c >= '\u00a0' && (c == '\u00a0' || c == '\u2007' || c == '\u202f' || (c >= '\u2000' && c <= '\u200a') || c == '\u3000');
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
            // Only the segment's head can be a reference: the rest, which the parser copies verbatim,
            // would be the common suffix of the raw and decoded segment, so the head alone is decoded.
            String head = raw.substring(i, referenceEnd(raw, i, next));
            String segDecoded = unescape(head);
            int suffix = 0;
            while (suffix < head.length() - 1 && suffix < segDecoded.length()
                    && head.charAt(head.length() - 1 - suffix)
                            == segDecoded.charAt(segDecoded.length() - 1 - suffix)) {
                suffix++;
            }
            int entityRawEnd = i + head.length() - suffix;
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

    /**
     * Where the part of {@code raw[amp, next)} (an ampersand and the text up to the next one) that the
     * parser may read as a character reference ends: the ampersand, then every ASCII letter, digit and
     * {@code #} and every non-ASCII character after it (a reference's name or number is ASCII letters and
     * digits, after {@code #} and {@code x}), then one more character (the {@code ;} the parser looks
     * for). The parser copies what follows as it is.
     */
    private static int referenceEnd(String raw, int amp, int next) {
        int p = amp + 1;
        while (p < next) {
            char c = raw.charAt(p);
            if (c >= 0x80 || c == '#' || c >= '0' && c <= '9' || (c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                p++;
            } else {
                break;
            }
        }
        return Math.min(p + 1, next);
    }

    /** Decoded references ({@link Entities#unescape}, which sets up a parser on every call), shared by all walks. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> UNESCAPED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int UNESCAPED_MAX = 4096;

    private static String unescape(String head) {
        String decoded = UNESCAPED.get(head);
        if (decoded == null) {
            decoded = Entities.unescape(head);
            if (head.length() <= 64 && UNESCAPED.size() < UNESCAPED_MAX) {
                UNESCAPED.putIfAbsent(head, decoded);
            }
        }
        return decoded;
    }

    private void append(char c, int start, int end) {
        ensure(length + 1);
        chars[length] = c;
        offsets.add(start, end);
        length++;
    }

    private void ensure(int capacity) {
        if (capacity > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(capacity, chars.length * 2));
        }
    }
}

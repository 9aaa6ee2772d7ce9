package dev.postinglint.core.posting;

import dev.postinglint.core.source.SourceText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLines;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.jsoup.nodes.Document;

/**
 * Parses a Markdown posting so that rules see it exactly as they see HTML, and every finding points
 * at the Markdown.
 *
 * <p>commonmark-java parses the Markdown with source spans on blocks and inlines, and renders it to
 * HTML; jsoup parses that HTML, so CSS scopes, sections and selector rules work on the rendered
 * structure. While rendering, every character written is recorded with the Markdown range it came
 * from ({@link RenderedOffsets}): text, inline code and code blocks are written by our own node
 * renderer, which aligns each node's literal with its source spans (a backslash escape or an entity
 * reference covers its whole spelling; dropped syntax such as backticks and fences is skipped); raw
 * HTML maps one to one; a tag the renderer writes maps to where its Markdown construct starts,
 * recorded by an attribute provider, which commonmark calls just before writing each tag. The text
 * view is built from the rendered HTML as for any HTML posting, then each character's rendered range
 * is moved to its Markdown range. So positions, excerpts and fixes are in Markdown source
 * coordinates.
 */
public final class MarkdownParser {
    /**
     * How deeply blocks and inlines may nest (block quotes, lists, emphasis, links). commonmark-java
     * renders recursively, so a file of 2,000 nested block quotes would overflow the stack; no real
     * posting comes near this.
     */
    public static final int MAX_DEPTH = 100;
    /** A block's inline content may cost {@link InlineCost} this many times its length (plus a floor). */
    public static final int MAX_INLINE_COST_FACTOR = 32;
    private static final long INLINE_COST_FLOOR = 1_000_000;
    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .inlineParserFactory(BoundedInlineParser::new).build();
    private static final Pattern ENTITY = Pattern.compile("&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});");
    /** How far ahead in the source to look for a literal character before giving up on it. */
    private static final int LOOKAHEAD = 16;

    private MarkdownParser() {
    }

    /**
     * Parses the Markdown that starts at {@code bodyStart} in {@code source} (after any front
     * matter, whose values are in {@code metadata}).
     */
    public static Posting parse(SourceText source, int bodyStart, Metadata metadata) throws UnreadableMarkup {
        String text = source.text();
        Node root;
        try {
            root = PARSER.parse(text.substring(bodyStart));
        } catch (TooCostly e) {
            throw new UnreadableMarkup(e.getMessage(), bodyStart + e.offset);
        }
        checkDepth(root, bodyStart);
        StringBuilder out = new StringBuilder(text.length() + text.length() / 4 + 16);
        RenderedOffsets.Recorder recorder = new RenderedOffsets.Recorder();
        HtmlRenderer renderer = HtmlRenderer.builder()
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    List<SourceSpan> spans = node.getSourceSpans();
                    if (!spans.isEmpty()) {
                        SourceSpan first = spans.get(0);
                        int s = bodyStart + first.getInputIndex();
                        recorder.tag(out.length(), s, s + first.getLength());
                    }
                })
                .nodeRendererFactory(context -> new MappedRenderer(context, out, recorder, text, bodyStart))
                .build();
        renderer.render(root, out);
        String html = out.toString();
        RenderedOffsets offsets = recorder.finish(html.length());
        Document doc = PostingParser.html(html);
        TextViewBuilder.Built built = new TextViewBuilder(new SourceText(source.name(), html)).build(doc);
        TextView view = offsets.remap(built.view(), source);
        return new Posting(source, doc, doc, view, built, metadata, offsets);
    }

    /**
     * Refuses a tree nested deeper than {@link #MAX_DEPTH}, walking it without recursion (the check
     * must not overflow the stack it protects).
     */
    private static void checkDepth(Node root, int bodyStart) throws UnreadableMarkup {
        Node node = root;
        int depth = 0;
        while (node != null) {
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                if (++depth > MAX_DEPTH) {
                    List<SourceSpan> spans = node.getSourceSpans();
                    int at = spans.isEmpty() ? 0 : spans.get(0).getInputIndex();
                    throw new UnreadableMarkup("Markdown nested more than " + MAX_DEPTH
                            + " levels deep (block quotes, lists, emphasis or links); not checked", bodyStart + at);
                }
                continue;
            }
            while (node != null && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            if (node != null) {
                node = node.getNext();
            }
        }
    }

    /** commonmark's inline parser, after a linear-time check that this block's content will not make it scan quadratically. */
    private static final class BoundedInlineParser implements InlineParser {
        private final InlineParser delegate;

        BoundedInlineParser(InlineParserContext context) {
            this.delegate = new InlineParserImpl(context);
        }

        @Override
        public void parse(SourceLines lines, Node block) {
            String content = lines.getContent();
            long budget = INLINE_COST_FLOOR + (long) MAX_INLINE_COST_FACTOR * content.length();
            if (InlineCost.of(content, budget) > budget) {
                List<SourceSpan> spans = lines.getSourceSpans();
                throw new TooCostly("Markdown paragraph too costly to parse (many '<' without a closing '>',"
                        + " or deeply nested '[' ']'); escape them as \\< or \\[; not checked",
                        spans.isEmpty() ? 0 : spans.get(0).getInputIndex());
            }
            delegate.parse(lines, block);
        }
    }

    /** Thrown through commonmark's parser, out of {@link BoundedInlineParser}. */
    private static final class TooCostly extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int offset;

        TooCostly(String message, int offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    /** Writes the nodes whose characters come from the source, recording where each came from. */
    private static final class MappedRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;
        private final StringBuilder out;
        private final RenderedOffsets.Recorder recorder;
        private final String source;
        private final int base;

        MappedRenderer(HtmlNodeRendererContext context, StringBuilder out, RenderedOffsets.Recorder recorder,
                String source, int base) {
            this.context = context;
            this.html = context.getWriter();
            this.out = out;
            this.recorder = recorder;
            this.source = source;
            this.base = base;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Text.class, Code.class, HtmlInline.class, HtmlBlock.class, FencedCodeBlock.class,
                    IndentedCodeBlock.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Text t) {
                write(t.getLiteral(), node.getSourceSpans(), true, true);
            } else if (node instanceof Code c) {
                html.tag("code", context.extendAttributes(c, "code", Map.of()));
                write(c.getLiteral(), node.getSourceSpans(), false, true);
                html.tag("/code");
            } else if (node instanceof HtmlInline h) {
                write(h.getLiteral(), node.getSourceSpans(), false, context.shouldEscapeHtml());
            } else if (node instanceof HtmlBlock h) {
                html.line();
                if (context.shouldEscapeHtml()) {
                    html.tag("p", context.extendAttributes(h, "p", Map.of()));
                    write(h.getLiteral(), node.getSourceSpans(), false, true);
                    html.tag("/p");
                } else {
                    write(h.getLiteral(), node.getSourceSpans(), false, false);
                }
                html.line();
            } else if (node instanceof FencedCodeBlock f) {
                List<SourceSpan> spans = new ArrayList<>(node.getSourceSpans());
                if (!spans.isEmpty()) {
                    spans.remove(0); // the opening fence and its info string
                }
                if (f.getClosingFenceLength() != null && !spans.isEmpty()) {
                    spans.remove(spans.size() - 1);
                }
                Map<String, String> codeAttrs = new LinkedHashMap<>();
                String info = f.getInfo();
                if (info != null && !info.isEmpty()) {
                    int space = info.indexOf(' ');
                    codeAttrs.put("class", "language-" + (space < 0 ? info : info.substring(0, space)));
                }
                codeBlock(f, f.getLiteral(), spans, codeAttrs);
            } else if (node instanceof IndentedCodeBlock c) {
                codeBlock(c, c.getLiteral(), node.getSourceSpans(), new LinkedHashMap<>());
            }
        }

        private void codeBlock(Node node, String literal, List<SourceSpan> spans, Map<String, String> codeAttrs) {
            html.line();
            html.tag("pre", context.extendAttributes(node, "pre", Map.of()));
            html.tag("code", context.extendAttributes(node, "code", codeAttrs));
            write(literal, spans, false, true);
            html.tag("/code");
            html.tag("/pre");
            html.line();
        }

        /** Writes a literal (escaped for HTML, or raw), recording each character's source range. */
        private void write(String literal, List<SourceSpan> spans, boolean markdownEscapes, boolean escapeHtml) {
            int n = literal.length();
            int[] s = new int[n];
            int[] e = new int[n];
            align(literal, spans, markdownEscapes, s, e);
            StringBuilder piece = new StringBuilder(n + 8);
            int at = out.length();
            for (int k = 0; k < n; k++) {
                char c = literal.charAt(k);
                String written = escapeHtml ? escape(c) : null;
                int len = written == null ? 1 : written.length();
                recorder.map(at + piece.length(), at + piece.length() + len, s[k], e[k]);
                if (written == null) {
                    piece.append(c);
                } else {
                    piece.append(written);
                }
            }
            html.raw(piece.toString());
        }

        /**
         * For each literal character, the source range it was written as. The source of a node is
         * the text of its spans, with a line break between consecutive spans (the line ends and
         * container prefixes between them are not part of the node). Source characters the literal
         * does not keep are skipped; a literal character not found within a short look-ahead is
         * pinned, as a point, to where the alignment stands (commonmark replaces NUL, for one).
         */
        private void align(String literal, List<SourceSpan> spans, boolean markdownEscapes, int[] s, int[] e) {
            int total = 0;
            for (SourceSpan sp : spans) {
                total += sp.getLength() + 1;
            }
            char[] raw = new char[total];
            int[] pos = new int[total];
            boolean[] virtual = new boolean[total];
            int len = 0;
            for (int k = 0; k < spans.size(); k++) {
                SourceSpan sp = spans.get(k);
                int from = base + sp.getInputIndex();
                if (k > 0) {
                    raw[len] = '\n';
                    pos[len] = from;
                    virtual[len] = true;
                    len++;
                }
                for (int i = 0; i < sp.getLength() && from + i < source.length(); i++) {
                    raw[len] = source.charAt(from + i);
                    pos[len] = from + i;
                    len++;
                }
            }
            int fallback = len > 0 ? pos[0] : base;
            int i = 0;
            int j = 0;
            while (j < literal.length()) {
                char c = literal.charAt(j);
                if (i < len && markdownEscapes && raw[i] == '\\' && i + 1 < len && raw[i + 1] == c && !virtual[i + 1]
                        && isAsciiPunctuation(c)) {
                    s[j] = pos[i];
                    e[j] = pos[i + 1] + 1;
                    fallback = e[j];
                    i += 2;
                    j++;
                    continue;
                }
                if (i < len && markdownEscapes && raw[i] == '&') {
                    int entLen = entity(literal, j, raw, pos, virtual, i, len, s, e);
                    if (entLen > 0) {
                        fallback = pos[i] + entLen;
                        j += Math.max(1, entityDecodedLength);
                        i += entLen;
                        continue;
                    }
                }
                int k = i;
                while (k < len && k < i + LOOKAHEAD && !(raw[k] == c || (c == ' ' && (raw[k] == '\n' || raw[k] == '\r')))) {
                    k++;
                }
                if (k < len && k < i + LOOKAHEAD) {
                    s[j] = pos[k];
                    e[j] = virtual[k] ? pos[k] : pos[k] + 1;
                    fallback = e[j];
                    i = k + 1;
                } else {
                    s[j] = fallback;
                    e[j] = fallback;
                }
                j++;
            }
        }

        /** How many literal characters the last entity {@link #entity} aligned stands for. */
        private int entityDecodedLength;

        /**
         * Aligns an entity reference at raw index {@code i} with the literal at {@code j}; returns its
         * length in the source (0 when there is none), and sets {@link #entityDecodedLength}.
         */
        private int entity(String literal, int j, char[] raw, int[] pos, boolean[] virtual, int i, int len, int[] s, int[] e) {
            Matcher m = ENTITY.matcher(source);
            m.region(pos[i], Math.min(source.length(), pos[i] + 40));
            if (!m.lookingAt()) {
                return 0;
            }
            int entLen = m.end() - m.start();
            if (i + entLen > len || pos[i + entLen - 1] != pos[i] + entLen - 1) {
                return 0;
            }
            for (int k = i; k < i + entLen; k++) {
                if (virtual[k]) {
                    return 0;
                }
            }
            String decoded = org.jsoup.parser.Parser.unescapeEntities(m.group(), false);
            if (decoded.equals(m.group()) || !literal.startsWith(decoded, j)) {
                return 0;
            }
            for (int k = 0; k < decoded.length(); k++) {
                s[j + k] = pos[i];
                e[j + k] = pos[i] + entLen;
            }
            entityDecodedLength = decoded.length();
            return entLen;
        }
    }

    private static boolean isAsciiPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }

    private static String escape(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            default -> null;
        };
    }
}

package dev.postinglint.core.posting;

import dev.postinglint.core.source.SourceSpan;
import dev.postinglint.core.source.SourceText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * One parsed posting: its source, the jsoup tree (with positions) and the text view every rule
 * shares. Built once per file; rules only read it.
 */
public final class Posting {
    private final SourceText source;
    private final Document document;
    /** The element whose subtree is the posting ({@link ContentChoice}): the document itself unless a whole page's main content was chosen. */
    private final Element content;
    private final TextView view;
    private final ElementSpans elementSpans;
    private final List<Heading> headings;
    /** The leaf blocks' elements in reading order, found by the walk that built the view. */
    private final List<Element> leafBlocks;
    private final Metadata metadata;
    /** Null for HTML (the parsed markup is the source); for Markdown, rendered-HTML offsets to source offsets. */
    private final RenderedOffsets rendered;
    private List<Block> blocks;

    /** A leaf block: a paragraph-like element with text and no block inside it, and its text region. */
    public record Block(Element element, TextRegion region) {
        public String text() {
            return region.text();
        }
    }

    /**
     * A posting from the walk over its content ({@link TextViewBuilder}); {@code view} is that walk's view
     * or, for Markdown, the same text mapped to the Markdown source. {@code content} is the document, or on a
     * whole page the main content that {@link ContentChoice} chose and the walk started from.
     */
    Posting(SourceText source, Document document, Element content, TextView view, TextViewBuilder.Built walked,
            Metadata metadata, RenderedOffsets rendered) {
        this.source = source;
        this.document = document;
        this.content = content;
        this.view = view;
        this.elementSpans = walked.spans();
        this.headings = Collections.unmodifiableList(walked.headings());
        this.leafBlocks = walked.leafBlocks();
        this.metadata = metadata;
        this.rendered = rendered;
    }

    /** The board's or front matter's fields; {@link Metadata#NONE} for a plain HTML file. */
    public Metadata metadata() {
        return metadata;
    }

    /**
     * Whether the jsoup tree's positions are positions in the source, so that fixes may edit tags and
     * attributes. True for HTML; false for Markdown, whose HTML was rendered from the source.
     */
    public boolean markupIsSource() {
        return rendered == null;
    }

    /**
     * Where an element's start tag is in the source: the tag itself for HTML; for Markdown, the
     * point where the Markdown that made the element starts (a raw HTML tag in Markdown keeps its
     * whole span). Null when the element is not in the source at all (html and body made up by the
     * parser).
     */
    public SourceSpan startTag(Element e) {
        Range r = e.sourceRange();
        if (!r.isTracked() || r.endPos() <= r.startPos()) {
            return null;
        }
        return rendered == null ? source.span(r.startPos(), r.endPos()) : rendered.span(source, r.startPos(), r.endPos());
    }

    public SourceText source() {
        return source;
    }

    public Document document() {
        return document;
    }

    public TextView view() {
        return view;
    }

    /**
     * The element whose subtree is the posting: the document, or on a whole page the main content
     * that {@link ContentChoice} chose. The text view, headings and blocks hold only what is in it.
     */
    public Element content() {
        return content;
    }

    /** Whether an element is part of the posting's content (always, unless a whole page's main content was chosen). */
    public boolean inContent(Element e) {
        if (content == document) {
            return true;
        }
        for (Element p = e; p != null; p = p.parent()) {
            if (p == content) {
                return true;
            }
        }
        return false;
    }

    /** The text region an element covers; empty (at 0) for an element outside the text (e.g. in head). */
    public TextRegion regionOf(Element element) {
        int entry = elementSpans.entryOf(element);
        return entry < 0 ? view.region(0, 0) : view.region(elementSpans.start(entry), elementSpans.end(entry));
    }

    private String language;

    /**
     * The posting's language: the metadata's {@code language} when a board or front matter gives one,
     * else detected from the text ({@link Language}: an ISO 639-1 code, {@code und} or {@code other}).
     */
    public String language() {
        String meta = metadata.value("language");
        if (meta != null) {
            return meta;
        }
        if (language == null) {
            language = Language.detect(view.text());
        }
        return language;
    }

    /** Compiled once: {@code selectFirst("h1")} would parse the query on every call. */
    private static final Evaluator H1 = QueryParser.parse("h1");

    /** The metadata title, else the text of the document's title element or first heading, when there is one. */
    public String title() {
        String meta = metadata.value("title");
        if (meta != null) {
            return meta;
        }
        String t = document.title();
        if (!t.isBlank()) {
            return t.strip();
        }
        Element h1 = document.selectFirst(H1);
        return h1 == null ? null : h1.text();
    }

    private ElementIndex elementIndex;

    /**
     * The document's elements by tag and attribute name ({@link IndexedSelector}): one walk, on first
     * use, shared by every selector of every rule.
     */
    public ElementIndex elementIndex() {
        if (elementIndex == null) {
            elementIndex = ElementIndex.of(document);
        }
        return elementIndex;
    }

    public List<Heading> headings() {
        return headings;
    }

    /** The leaf block holding the view character at {@code index}, or null (between blocks). */
    public Block blockAt(int index) {
        List<Block> all = blocks();
        int lo = 0;
        int hi = all.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            TextRegion r = all.get(mid).region();
            if (index < r.start()) {
                hi = mid - 1;
            } else if (index >= r.end()) {
                lo = mid + 1;
            } else {
                return all.get(mid);
            }
        }
        return null;
    }

    /**
     * The leaf blocks in reading order: paragraphs, list items, headings and divs that hold text and
     * no other block. Computed once, on first use.
     */
    public List<Block> blocks() {
        if (blocks == null) {
            List<Block> out = new ArrayList<>(leafBlocks.size());
            for (Element el : leafBlocks) {
                out.add(new Block(el, regionOf(el)));
            }
            blocks = Collections.unmodifiableList(out);
        }
        return blocks;
    }

    /**
     * The content under every heading whose text matches {@code name} (case, surrounding
     * punctuation and spacing ignored), up to the next heading of any level.
     */
    public List<TextRegion> sections(String name) {
        String wanted = normalizeHeading(name);
        List<TextRegion> out = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            if (normalizeHeading(headings.get(i).text()).equals(wanted)) {
                out.add(section(i));
            }
        }
        return out;
    }

    /**
     * The content under heading {@code i}: up to the next heading, and never past the end of the
     * element that holds the heading, so the "About Us" of a {@code <div class="content-intro">}
     * ends with that div even when the next heading is further down.
     */
    public TextRegion section(int i) {
        Heading h = headings.get(i);
        int end = i + 1 < headings.size() ? headings.get(i + 1).textStart() : view.length();
        Element container = h.element().parent();
        if (container != null) {
            int entry = elementSpans.entryOf(container);
            if (entry >= 0 && elementSpans.end(entry) >= h.textEnd()) {
                end = Math.min(end, elementSpans.end(entry));
            }
        }
        int start = Math.min(h.textEnd(), end);
        return view.region(start, Math.max(start, end));
    }

    static String normalizeHeading(String s) {
        String folded = s.replaceAll("[\\s\\u00a0]+", " ").strip().toLowerCase(Locale.ROOT);
        int start = 0;
        int end = folded.length();
        while (start < end && !Character.isLetterOrDigit(folded.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(folded.charAt(end - 1))) {
            end--;
        }
        return folded.substring(start, end);
    }
}

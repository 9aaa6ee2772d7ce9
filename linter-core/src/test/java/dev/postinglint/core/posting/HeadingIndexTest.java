package dev.postinglint.core.posting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.postinglint.core.source.SourceText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * The headings and leaf blocks that the text view's walk finds as it goes are exactly what the
 * definitions say, as the code before the one-walk index computed them from the finished tree (kept
 * here as the reference): every element of the body in document order, a leaf block being a block
 * with no block but br anywhere below it (inside script, svg or noscript too), a bold heading a leaf
 * p or div whose non-blank text nodes are all inside b or strong.
 */
class HeadingIndexTest {
    private static Posting parse(String html) {
        return PostingParser.parse(new SourceText("t.html", html));
    }

    @Test
    void nestedHeadingsComeInDocumentOrder() {
        // An h2 holding a bold paragraph: the h2 is found when the walk leaves it, after the paragraph.
        Posting p = parse("<h2>Perks <p><b>Health</b></p></h2><p><strong>Pay</strong></p>");
        List<String> texts = new ArrayList<>();
        p.headings().forEach(h -> texts.add(h.text()));
        assertEquals(List.of("Perks Health", "Health", "Pay"), texts);
    }

    @Test
    void textOrBlocksHiddenInSkippedElementsStillCount() {
        // Not-bold text in noscript makes the paragraph not all bold; a div inside svg makes the
        // paragraph around it a non-leaf block; neither is posting text.
        Posting p = parse("<p><b>Benefits</b><noscript>enable scripts</noscript></p>"
                + "<p><b>Perks</b><svg><foreignObject><div>x</div></foreignObject></svg></p><p><b>Pay</b></p>");
        assertEquals(1, p.headings().size());
        assertEquals("Pay", p.headings().get(0).text());
        // The first paragraph is a leaf block (the noscript is no block), the second is not.
        assertEquals(List.of("Benefits", "Pay"), p.blocks().stream().map(b -> b.text().strip()).toList());
    }

    /** Random nested markup, fixed seed: the walk's headings and blocks equal the reference's. */
    @Test
    void randomizedMarkupGivesTheReferenceHeadingsAndBlocks() {
        Random rnd = new Random(20261129L);
        String[] open = {"<p>", "<div>", "<b>", "<strong>", "<span>", "<h2>", "<h3>", "<li>", "<ul>", "<i>", "<em>",
            "<svg>", "<noscript>", "<template>", "<table><tr><td>", "<section>", "<a href=x>", "<font>"};
        String[] close = {"</p>", "</div>", "</b>", "</strong>", "</span>", "</h2>", "</li>", "</ul>", "</svg>", "</noscript>",
            "</template>", "</td></tr></table>", "</section>", "</a>"};
        String[] text = {"Benefits", "About us", " ", "  ", "\n", "&nbsp;", "x", "We build things.", "&amp;", "Pay:", "\u00a0",
            "<br>", "<hr>", "<script>var b = '<b>x</b>'</script>", "<style>p{}</style>", "<!-- c -->", "<img src=a>"};
        for (int round = 0; round < 600; round++) {
            StringBuilder html = new StringBuilder();
            int n = 1 + rnd.nextInt(60);
            for (int i = 0; i < n; i++) {
                int kind = rnd.nextInt(3);
                String[] from = kind == 0 ? open : kind == 1 ? close : text;
                html.append(from[rnd.nextInt(from.length)]);
            }
            if (rnd.nextInt(8) == 0) {
                html.append("<p><b>").append("Long heading ".repeat(1 + rnd.nextInt(12))).append("</b></p>");
            }
            Posting p = parse(html.toString());
            List<Heading> expected = referenceHeadings(p);
            assertEquals(expected.size(), p.headings().size(), "headings of " + html);
            for (int i = 0; i < expected.size(); i++) {
                Heading e = expected.get(i);
                Heading a = p.headings().get(i);
                assertSame(e.element(), a.element(), "heading " + i + " of " + html);
                assertEquals(e, a, "heading " + i + " of " + html);
            }
            List<Posting.Block> blocks = referenceBlocks(p);
            assertEquals(blocks.size(), p.blocks().size(), "blocks of " + html);
            for (int i = 0; i < blocks.size(); i++) {
                assertSame(blocks.get(i).element(), p.blocks().get(i).element(), "block " + i + " of " + html);
                assertEquals(blocks.get(i).region(), p.blocks().get(i).region(), "block " + i + " of " + html);
            }
        }
    }

    // ---- the reference: the definitions, computed from the finished tree ----

    private static List<Heading> referenceHeadings(Posting p) {
        Set<Element> nonLeaf = nonLeaf(p);
        List<Heading> found = new ArrayList<>();
        for (Element el : p.document().body().getAllElements()) {
            String tag = el.normalName();
            boolean isHeading = tag.matches("h[1-6]");
            if (!isHeading && (tag.equals("p") || tag.equals("div")) && !nonLeaf.contains(el)) {
                String text = el.text();
                isHeading = !text.isBlank() && text.length() <= 120 && allTextBold(el);
            }
            TextRegion r = p.regionOf(el);
            if (isHeading && r.end() > r.start() && walked(p, el)) {
                found.add(new Heading(el, el.text().strip(), r.start(), r.end()));
            }
        }
        return found;
    }

    private static List<Posting.Block> referenceBlocks(Posting p) {
        Set<Element> nonLeaf = nonLeaf(p);
        List<Posting.Block> out = new ArrayList<>();
        Element body = p.document().body();
        for (Element el : body.getAllElements()) {
            String tag = el.normalName();
            if (el == body || !TextViewBuilder.BLOCKS.contains(tag) || tag.equals("br") || tag.equals("hr") || nonLeaf.contains(el)) {
                continue;
            }
            TextRegion r = p.regionOf(el);
            if (!r.text().isBlank()) {
                out.add(new Posting.Block(el, r));
            }
        }
        return out;
    }

    /** Whether the element is outside every skipped element (so the walk gave it a text range). */
    private static boolean walked(Posting p, Element el) {
        for (Element a = el; a != null; a = a.parent()) {
            if (Set.of("script", "style", "template", "head", "noscript", "svg", "math").contains(a.normalName())) {
                return false;
            }
        }
        return true;
    }

    private static Set<Element> nonLeaf(Posting p) {
        Set<Element> marked = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element e : p.document().getAllElements()) {
            if (TextViewBuilder.BLOCKS.contains(e.normalName()) && !e.normalName().equals("br")) {
                for (Element a = e.parent(); a != null; a = a.parent()) {
                    marked.add(a);
                }
            }
        }
        return marked;
    }

    private static boolean allTextBold(Element el) {
        List<TextNode> texts = new ArrayList<>();
        el.forEachNode(n -> {
            if (n instanceof TextNode t) {
                texts.add(t);
            }
        });
        boolean any = false;
        for (TextNode t : texts) {
            if (t.isBlank()) {
                continue;
            }
            boolean bold = false;
            for (Node q = t.parent(); q != null && q != el; q = q.parent()) {
                if (q instanceof Element e && (e.normalName().equals("strong") || e.normalName().equals("b"))) {
                    bold = true;
                }
            }
            if (!bold) {
                return false;
            }
            any = true;
        }
        return any;
    }
}

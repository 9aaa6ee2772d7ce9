package dev.postinglint.core.posting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.source.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.junit.jupiter.api.Test;

/**
 * A selector answered from the element index selects exactly what {@code Selector.select} selects
 * (the same elements, in the same order, each once), on generated markup with what could tell them
 * apart (upper-case and duplicate names, look-alike characters, SVG and MathML, nested tables,
 * templates) and on postings parsed as the linter parses them, in jsoup's legacy and web query modes.
 */
class IndexedSelectorTest {
    /** The default pack's selectors and scopes, and others that exercise each part of the reading. */
    private static final List<String> SELECTORS = List.of(
            "[style*=font-weight], [style*=font-family], [style*=font-size], [style*=mso-], [style*=white-space], [style*=color], [style*=vertical-align]",
            "body [class]:not(.content-intro):not(.content-conclusion):not(.content-pay-transparency):not(.pay-range):not(.pay-input):not(.title):not(.divider):not(.content)",
            "a[target=_blank]:not([rel~=noopener]):not([rel~=noreferrer])", "a[href^=\"http:\"]", "p", "p, div", "img:not([alt])", "a",
            "h1, h2, h3", "A[HREF]", "[Class]", "[CLASS], [id]", "td > p", "table table td", "template p", "svg a", "svg|a", "*|p",
            "td:not([class]) > span[style]", "p:has(img)", "li:nth-child(2n+1)", "p + p", "div ~ p", "tr:first-child td",
            "[style=color]", "[style='a]b'], td", "p:contains(a, b)", "p[class!=x]", "[class!=x]", "*", ".x", "#y", ":not(p)",
            "div:not(p) span[title]", "foreignObject", "foreignobject p", "mi", "math [class]", "[data-x], img", "p[title], [alt]",
            "body > div > p", "[title]:has(> span)", "span[style], p:not([class])", "ſpan", "[ſtyle]", "kbd", "[\u212Aey]",
            "p ::text", "p::comment", "[^data], p");

    private static final String[] TAGS = {"p", "P", "div", "span", "SPAN", "a", "img", "td", "table", "tr", "template", "svg",
        "foreignObject", "math", "mi", "li", "ul", "strong", "h2", "\u212Abd", "ſpan", "body", "i\u0307mg", "title"};
    private static final String[] ATTRIBUTES = {"class=x", "CLASS=content-intro", "Class=\"y\" class=\"x\"", "style=\"color:red\"",
        "STYLE='font-weight: 400'", "style=\"min-height:1em\" Style=\"color:red\"", "href=\"http://x\"", "HREF=\"https://x\"",
        "target=_blank", "target=_blank rel=noopener", "target=_BLANK REL=\"nofollow noreferrer\"", "alt=\"\"", "ALT", "title=t",
        "id=y", "data-x=1", "claſs=z", "ſtyle=\"color:red\"", "\u212Aey=1", "key=1", "xlink:href=\"http://x\"", "rel=noopener"};

    private static String markup(Random random, int depth) {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(4); n >= 0; n--) {
            String tag = TAGS[random.nextInt(TAGS.length)];
            b.append('<').append(tag);
            for (int a = random.nextInt(3); a > 0; a--) {
                b.append(' ').append(ATTRIBUTES[random.nextInt(ATTRIBUTES.length)]);
            }
            b.append('>');
            switch (random.nextInt(6)) {
                case 0 -> b.append("text ");
                case 1 -> b.append("&nbsp;<!-- c -->");
                case 2 -> b.append("a, b");
                default -> { }
            }
            if (depth < 5 && random.nextBoolean()) {
                b.append(markup(random, depth + 1));
            }
            if (random.nextInt(8) > 0) {
                b.append("</").append(tag).append('>');
            }
        }
        return b.toString();
    }

    @Test
    void whatEachAlternativeNeedsIsRead() {
        assertEquals(List.of(new IndexedSelector.Need("p", List.of()), new IndexedSelector.Need("div", List.of())),
                IndexedSelector.needs("p, div"));
        assertEquals(List.of(new IndexedSelector.Need(null, List.of("class"))),
                IndexedSelector.needs("body [class]:not(.a):not([style])"));
        assertEquals(List.of(new IndexedSelector.Need("a", List.of("target"))),
                IndexedSelector.needs("a[target=_blank]:not([rel~=noopener])"));
        assertEquals(List.of(new IndexedSelector.Need("a", List.of("href"))), IndexedSelector.needs("A[HREF^=\"http:\"]"));
        assertEquals(List.of(new IndexedSelector.Need("td", List.of()), new IndexedSelector.Need(null, List.of("style"))),
                IndexedSelector.needs("[style='a]b'] td, table >  [style*=x]"));
        for (String walks : List.of("*", ".x", "#y", ":not(p)", "svg|a", "*|p", "p ::text", "[class!=x]", "[^data], p",
                "p, *", "ſpan", "p\\:x", "[style='x]", "p:has(a")) {
            assertEquals(List.of(), IndexedSelector.of(walks, null).needs(), walks);
        }
    }

    @Test
    void generatedMarkupSelectsWhatSelectSelects() {
        Random random = new Random(16);
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String body = markup(random, 0);
            docs.add(random.nextInt(4) == 0 ? Jsoup.parseBodyFragment(body) : Jsoup.parse(random.nextBoolean() ? body
                    : "<html><head><title>t</title></head><body class=b>" + body + "<table><tr><td><table><tr><td><p>x</table></table>"));
        }
        int selected = compare(docs);
        assertTrue(selected > 10_000, "the selectors select many elements: " + selected);
    }

    @Test
    void postingsSelectWhatSelectSelects() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources"))) {
            s.filter(p -> p.toString().endsWith(".html")).forEach(files::add);
        }
        Path seeds = Path.of("../../shared/seeds"); // the shared seed postings, where this checkout has them
        if (Files.isDirectory(seeds)) {
            try (Stream<Path> s = Files.list(seeds)) {
                s.filter(p -> p.toString().endsWith(".html")).forEach(files::add);
            }
        }
        List<Document> docs = new ArrayList<>();
        for (Path f : files) {
            docs.add(PostingParser.parse(new SourceText(f.toString(), Files.readString(f, StandardCharsets.UTF_8))).document());
        }
        assertTrue(docs.size() >= 3, "postings found: " + docs.size());
        assertTrue(compare(docs) > 100);
    }

    /** Both query modes, each selector against {@code Selector.select} on each document; how many elements were selected. */
    private static int compare(List<Document> docs) {
        int selected = 0;
        for (boolean web : new boolean[] {false, true}) {
            List<IndexedSelector> selectors = new ArrayList<>();
            String before = System.getProperty("jsoup.queryMode");
            System.setProperty("jsoup.queryMode", web ? "web" : "legacy");
            try {
                for (String css : SELECTORS) {
                    selectors.add(IndexedSelector.of(css, QueryParser.parse(css)));
                }
            } finally {
                if (before == null) {
                    System.clearProperty("jsoup.queryMode");
                } else {
                    System.setProperty("jsoup.queryMode", before);
                }
            }
            for (Document doc : docs) {
                ElementIndex index = ElementIndex.of(doc);
                for (IndexedSelector sel : selectors) {
                    List<Element> expected = new ArrayList<>(Selector.select(sel.evaluator(), doc));
                    assertEquals(expected, sel.select(index), () -> sel + (web ? " (web)" : "") + " in " + doc.html());
                    selected += expected.size();
                }
            }
        }
        return selected;
    }
}

package dev.postinglint.core.posting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.junit.jupiter.api.Test;

/**
 * The one walk gives every selector exactly what its own {@code select} over the document gives (kept
 * to the content element's subtree): the same elements, in the same order, each once.
 */
class SelectorIndexTest {
    /** Combinators, negation, {@code :has}, structural and text pseudo-selectors, groups and the universal selector. */
    static final List<String> SELECTORS = List.of(
            "p", "p, div", "div, p", "*", "body [class]", "body > p", "html body p", "ul li", "li + li", "h2 ~ p",
            "a[href^=http:]", "a[href^=\"http:\"]", "[style*=font-weight], [style*=mso-], [style*=color]",
            "a[target=_blank]:not([rel~=noopener]):not([rel~=noreferrer])", "img:not([alt])",
            "body [class]:not(.content-intro):not(.content):not(.title)", "div:has(> p)", "div:has(strong)",
            "p:has(+ ul)", "li:first-child", "li:last-child", "li:nth-child(2n+1)", "p:nth-of-type(2)",
            "p:only-child", "span:empty", ":root", "p:matchesOwn(^\\s*$)", "p:containsOwn(apply)", "p:contains(apply)",
            "div:not(:has(p)) > span", "table td:eq(0)", "td:lt(2)", "[class~=a]", "[id]", "*:not(p):not(div)",
            ".a .b .a", "div div", "p:is(.a, .b)", "svg *", "template p", "head *", "title");

    /** Documents a policy meets: tidy, broken, deep, pasted, framesets, whole pages, no body at all. */
    static final List<String> DOCUMENTS = List.of(
            "<p>Apply now</p><ul><li>a</li><li class=a>b</li><li>c</li></ul><p style='color:red'>x</p>",
            "<div class=content-intro><p><strong>About</strong></p><p>We <b>build</b>.</p></div><div class=content><p>Hi</p><p class=b>apply</p></div>",
            "<p><a href=http://x target=_blank>one</a><a href='https://y' target=_blank rel=noopener>two</a><img src=a.png><img alt='' src=b></p>",
            "<table><tr><td>1<td>2<td>3</table><p>after<p>unclosed<div><span></span><span>t</span></div>",
            "<html><head><title>T</title><style>p{}</style><script>var a='<p>';</script></head><body class=a><main><p class=a>in</p></main><footer><p>out</p></footer></body></html>",
            "<frameset><frame src=a></frameset>",
            "",
            "plain text without tags",
            "<svg><g class=a><text>t</text></g></svg><math><mi>x</mi></math><template><p class=a>t</p></template>",
            "<div class='a b'><div class=b><div class=a><p class=a>deep</p></div></div></div><h2>H</h2><p>one</p><ul><li>x</li></ul><p>two</p>",
            "<p>&nbsp;</p><p> </p><p><br></p><p></p><p><span style='mso-x:1'>&#160;</span></p>",
            "<b><p>misnested</b> text</p><i><div>more</i></div><p><p><p>",
            "<header><nav><a href=http://nav>n</a></nav></header><article><h1>Job</h1><p class=title>x</p><a href=http://in>in</a></article>");

    @Test
    void everySelectorGetsWhatItsOwnSelectGivesOnEveryDocumentAndContent() {
        List<Evaluator> evaluators = SELECTORS.stream().map(QueryParser::parse).toList();
        SelectorIndex index = SelectorIndex.of(evaluators);
        for (String html : DOCUMENTS) {
            assertSameAsSelect(index, evaluators, html);
        }
    }

    @Test
    void generatedTreesAgree() {
        List<Evaluator> evaluators = SELECTORS.stream().map(QueryParser::parse).toList();
        SelectorIndex index = SelectorIndex.of(evaluators);
        Random random = new Random(16);
        for (int i = 0; i < 30; i++) {
            assertSameAsSelect(index, evaluators, randomHtml(random, 1 + random.nextInt(80)));
        }
    }

    @Test
    void aDeeplyNestedPostingIsWalkedWithoutRecursion() {
        String html = "<div class=a>".repeat(20_000) + "<p class=a>x</p>";
        List<Evaluator> evaluators = List.of(QueryParser.parse("p"), QueryParser.parse("div.a > p"));
        Document doc = PostingParser.html(html);
        SelectorIndex.Matches m = SelectorIndex.of(evaluators).match(doc, doc);
        assertEquals(1, m.of(0).size());
        assertEquals(1, m.of(1).size());
    }

    @Test
    void aPostingsContentAndItsWholeDocument() {
        String html = "<html><body><nav><p class=a>menu</p></nav><main><p class=a>job</p></main><footer><p>x</p></footer></body></html>";
        Posting posting = PostingParser.parse(new SourceText("t.html", html));
        assertTrue(posting.content() != posting.document(), "auto chooses <main>");
        SelectorIndex index = SelectorIndex.of(List.of(QueryParser.parse("body p.a"), QueryParser.parse("main")));
        SelectorIndex.Matches m = index.match(posting);
        assertEquals(List.of("job"), m.of(0).stream().map(Element::text).toList(), "outside the content nothing counts");
        assertEquals(List.of(posting.content()), m.of(1), "the content element itself can match");
        assertEquals(0, SelectorIndex.NONE.size());
    }

    /** Compares the index on the whole document and with a spread of its elements as the content, with select. */
    private static void assertSameAsSelect(SelectorIndex index, List<Evaluator> evaluators, String html) {
        Document doc = PostingParser.html(html);
        List<Element> all = doc.getAllElements();
        List<Element> contents = new ArrayList<>();
        int step = Math.max(1, all.size() / 4);
        for (int i = 0; i < all.size(); i += step) {
            contents.add(all.get(i)); // the document first
        }
        for (Element within : contents) {
            SelectorIndex.Matches m = index.match(doc, within);
            for (int i = 0; i < evaluators.size(); i++) {
                List<Element> expected = Selector.select(evaluators.get(i), doc).stream().filter(e -> inside(e, within)).toList();
                List<Element> got = m.of(i);
                String what = "'" + evaluators.get(i) + "' within <" + within.normalName() + "> of " + html;
                assertEquals(expected.size(), got.size(), what);
                for (int k = 0; k < got.size(); k++) {
                    assertSame(expected.get(k), got.get(k), what + ": same element, same order");
                }
            }
        }
    }

    private static boolean inside(Element e, Element within) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p == within) {
                return true;
            }
        }
        return false;
    }

    private static final String[] TAGS = {"p", "div", "span", "a", "li", "ul", "b", "strong", "img", "br", "h2", "table", "td", "tr", "svg", "template", "main", "section"};
    private static final String[] ATTRIBUTES = {"", " class=a", " class='a b'", " class=content-intro", " style='color:red'",
        " style='mso-list:1'", " href=http://x", " href=https://y", " target=_blank", " rel=noopener", " alt=''", " id=x"};

    /** Random, often broken markup: unclosed and misnested tags, stray end tags, entities, text. */
    static String randomHtml(Random random, int parts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            String tag = TAGS[random.nextInt(TAGS.length)];
            switch (random.nextInt(5)) {
                case 0, 1 -> sb.append('<').append(tag).append(ATTRIBUTES[random.nextInt(ATTRIBUTES.length)]).append('>');
                case 2 -> sb.append("</").append(tag).append('>');
                case 3 -> sb.append(random.nextBoolean() ? "apply " : "&nbsp;");
                default -> sb.append(' ');
            }
        }
        return sb.toString();
    }
}

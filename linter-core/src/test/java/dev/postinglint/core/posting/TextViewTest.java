package dev.postinglint.core.posting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.source.Position;
import dev.postinglint.core.source.SourceSpan;
import dev.postinglint.core.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;

class TextViewTest {
    private static Posting parse(String html) {
        return PostingParser.parse(new SourceText("t.html", html));
    }

    /** The source span of the first occurrence of {@code needle} in the text view. */
    private static SourceSpan find(Posting p, String needle) {
        int i = p.view().text().indexOf(needle);
        assertTrue(i >= 0, "'" + needle + "' not in view: " + p.view().text());
        return p.view().sourceSpan(i, i + needle.length());
    }

    private static String source(Posting p, SourceSpan s) {
        return p.source().text().substring(s.startOffset(), s.endOffset());
    }

    @Test
    void aPhraseSplitByInlineTagsIsOneMatchWithExactEnds() {
        Posting p = parse("<p>We want a digital <b>native</b> today</p>");
        SourceSpan s = find(p, "digital native");
        assertEquals("digital <b>native", source(p, s));
        assertEquals(new Position(1, 14), s.start());
        assertEquals(new Position(1, 31), s.end());
    }

    @Test
    void entitiesMapToTheirWholeSourceText() {
        Posting p = parse("<p>Fish &amp; Chips&nbsp;&#8212;&#x27;s &notit; caf&eacute;</p>");
        assertEquals("Fish & Chips \u2014's ¬it; café", p.view().text().strip());
        assertEquals("&amp;", source(p, find(p, "&")));
        assertEquals("&#8212;&#x27;", source(p, find(p, "\u2014'")));
        assertEquals("&not", source(p, find(p, "¬")));
        assertEquals("caf&eacute;", source(p, find(p, "café")));
        // &nbsp; folds into the space between words and points at the entity
        assertEquals("&nbsp;", source(p, spaceAfter(p, "Chips")));
    }

    private static SourceSpan spaceAfter(Posting p, String word) {
        int i = p.view().text().indexOf(word) + word.length();
        return p.view().sourceSpan(i, i + 1);
    }

    @Test
    void whitespaceRunsFoldToOneSpaceAndBlocksToNewlines() {
        Posting p = parse("<div><p>one\r\n   two</p><p>three</p><ul><li>a</li><li>b</li></ul></div>");
        assertEquals("one two\nthree\na\nb", p.view().text().strip());
        SourceSpan s = find(p, "one two");
        assertEquals("one\r\n   two", source(p, s));
    }

    @Test
    void crlfSourcesGiveEditorLineNumbers() {
        Posting p = parse("<p>first</p>\r\n<p>second\r\nthird</p>\r\n");
        assertEquals(new Position(2, 4), find(p, "second").start());
        assertEquals(new Position(3, 1), find(p, "third").start());
    }

    @Test
    void astralCharactersKeepUtf16Columns() {
        Posting p = parse("<p>\uD83D\uDE00 rockstar &#x1F600; x</p>");
        assertEquals(new Position(1, 7), find(p, "rockstar").start());
        SourceSpan emoji = find(p, "\uD83D\uDE00 x");
        assertEquals("&#x1F600; x", source(p, emoji));
    }

    @Test
    void scriptAndStyleAreNotText() {
        Posting p = parse("<style>p{}</style><p>a</p><script>var rockstar=1</script>");
        assertFalse(p.view().text().contains("rockstar"));
        assertFalse(p.view().text().contains("p{}"));
    }

    @Test
    void alignEntitiesRefusesWhatItCannotReproduce() {
        assertEquals(null, TextViewBuilder.alignEntities("abc", "abd"));
        int[][] m = TextViewBuilder.alignEntities("a&amp;b", "a&b");
        assertEquals(1, m[0][1]);
        assertEquals(6, m[1][1]);
    }

    /**
     * Randomized (fixed seed): random text with entities, inline tags, CRLF and astral characters.
     * Every character of the view must come from source text that decodes to it, in order, and
     * the view must equal the browser-like folding of jsoup's own decoded text.
     */
    @Test
    void randomizedMappingIsExact() {
        Random rnd = new Random(20261121L);
        String[] pieces = {"a", "B", "z", "7", " ", "  ", "\r\n", "\n", "\t", "&amp;", "&nbsp;", "&#233;", "&#x1F600;",
            "&lt;", "&quot;", "&eacute;", "\uD83D\uDE00", "é", "—", "&amp", "&copy", "<b>", "</b>", "<i>", "</i>",
            "<span style=\"x\">", "</span>", "<br>", "&#8212;", "'", "&"};
        for (int round = 0; round < 400; round++) {
            StringBuilder html = new StringBuilder("<p>");
            int n = 1 + rnd.nextInt(40);
            for (int i = 0; i < n; i++) {
                html.append(pieces[rnd.nextInt(pieces.length)]);
            }
            html.append("</p>");
            Posting p = parse(html.toString());
            TextView v = p.view();
            String expected = org.jsoup.Jsoup.parse(html.toString()).body().wholeText()
                    .replaceAll("[ \\t\\n\\r\\f\\u00a0]+", " ").strip();
            String actual = v.text().replace('\n', ' ').replaceAll(" +", " ").strip();
            assertEquals(expected, actual, "round " + round + ": " + html);
            int lastStart = -1;
            for (int i = 0; i < v.length(); i++) {
                char c = v.text().charAt(i);
                int s = v.sourceStart(i);
                int e = v.sourceEnd(i);
                assertTrue(s >= lastStart, "mapping goes backwards at " + i + " in " + html);
                lastStart = s;
                String raw = p.source().text().substring(s, e);
                if (c == ' ' || c == '\n') {
                    continue; // folded white space or a block boundary
                }
                String decoded = Entities.unescape(raw);
                assertTrue(decoded.indexOf(c) >= 0, "char '" + c + "' at " + i + " maps to '" + raw + "' in " + html);
                assertFalse(raw.contains("<"), "a text character maps into a tag: '" + raw + "' in " + html);
            }
        }
    }

    @Test
    void sectionsRunFromAHeadingToTheNextOne() {
        Posting p = parse("<div><strong>About Us</strong></div><div><p>We build.</p></div>"
                + "<h4><strong>What you'll do</strong></h4><p>Code.</p><p><strong>Benefits:</strong></p><p>Health, 401(k).</p>"
                + "<h2>Apply</h2><p>Now</p>");
        List<String> headings = new ArrayList<>();
        p.headings().forEach(h -> headings.add(h.text()));
        assertEquals(List.of("About Us", "What you'll do", "Benefits:", "Apply"), headings);
        assertEquals("Health, 401(k).", p.sections("benefits").get(0).text().strip());
        assertEquals("We build.", p.sections("ABOUT US").get(0).text().strip());
        assertTrue(p.sections("Perks").isEmpty());
    }

    @Test
    void aBoldPhraseInsideAParagraphIsNotAHeading() {
        Posting p = parse("<p><strong>Note:</strong> this is text</p><p><b>Benefits</b></p><p>x</p>");
        assertEquals(1, p.headings().size());
        assertEquals("Benefits", p.headings().get(0).text());
    }
}

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
        // The one space stands for the whole run of white space it replaced.
        assertEquals("\r\n   ", source(p, spaceAfter(p, "one")));
        Posting indented = parse("<p>\n      a\n      <b>b</b> \t\n c  </p>");
        assertEquals("a b c", indented.view().text().strip());
        assertEquals("\n      ", source(indented, spaceAfter(indented, "a")));
        assertEquals(" \t\n ", source(indented, spaceAfter(indented, "b")));
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
     * {@code alignEntities} decodes only each reference's head (the rest of the text up to the next
     * ampersand is the parser's verbatim copy): it gives what decoding every whole segment gave (the
     * reference below), on random text of named, numeric and hex references with and without {@code ;},
     * legacy prefixes ({@code &notit}), long digit runs, non-ASCII letters and astral characters after
     * an ampersand, and on decoded texts that do not match.
     */
    @Test
    void alignEntitiesDecodesOnlyEachReferencesHead() {
        String[] pieces = {"&amp;", "&amp", "&nbsp;", "&nbsp", "&notit;", "&notin;", "&not", "&copy2026", "&#39;", "&#x27;", "&#X27",
            "&#0000000000000000000000000000000000000000000000000000000000000000000065;", "&#x1F600;", "&#9999999999;", "&#;", "&#x;",
            "&", "&&", "& ", "&;", "&bogus;", "&Aacute;", "&aacute", "&é", "&日本", "&\ud83d\ude00", "&amp;\u00e9t\u00e9", "&lt;3",
            "&nbsp;&nbsp;", "&#128512", "&ltx", "&AMP;", "&quot", "&frac12;", "&NotNestedGreaterGreater;", "a", "b c", "\u2019", "\r\n",
            ";", "#", "x", "12", " ", "\u00a0", "\ud83d\ude00"};
        Random random = new Random(16);
        for (int t = 0; t < 3_000; t++) {
            StringBuilder raw = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int i = 0; i < n; i++) {
                raw.append(pieces[random.nextInt(pieces.length)]);
            }
            String r = raw.toString();
            String decoded = Entities.unescape(r);
            String[] candidates = {decoded, decoded + "x", decoded.isEmpty() ? "x" : decoded.substring(1), r};
            for (String d : candidates) {
                int[][] expected = alignEntitiesWholeSegments(r, d);
                int[][] actual = TextViewBuilder.alignEntities(r, d);
                assertEquals(expected == null, actual == null, r + " -> " + d);
                if (expected != null) {
                    assertEquals(java.util.Arrays.toString(expected[0]), java.util.Arrays.toString(actual[0]), r);
                    assertEquals(java.util.Arrays.toString(expected[1]), java.util.Arrays.toString(actual[1]), r);
                }
            }
        }
    }

    /** {@code alignEntities} as it was: each segment from an ampersand to the next decoded whole. */
    private static int[][] alignEntitiesWholeSegments(String raw, String decoded) {
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
                    && segment.charAt(segment.length() - 1 - suffix) == segDecoded.charAt(segDecoded.length() - 1 - suffix)) {
                suffix++;
            }
            int entityRawEnd = i + segment.length() - suffix;
            int entityDecodedLen = segDecoded.length() - suffix;
            if (j + entityDecodedLen > decoded.length() || !decoded.regionMatches(j, segDecoded, 0, entityDecodedLen)) {
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

package dev.postinglint.core.posting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.source.SourceText;
import org.junit.jupiter.api.Test;

/** Hostile Markdown is refused in linear time with the place it starts; ordinary Markdown is not. */
class MarkdownLimitsTest {
    private static Posting parse(String md) throws UnreadableMarkup {
        return MarkdownParser.parse(new SourceText("job.md", md), 0, Metadata.NONE);
    }

    private static int line(String md, UnreadableMarkup e) {
        return new SourceText("job.md", md).positionOf(e.offset()).line();
    }

    @Test
    void deepBlockQuotesListsAndEmphasisAreRefusedNotOverflowed() {
        String quotes = "Intro\n\n" + ">".repeat(2000) + " deep\n";
        UnreadableMarkup e = assertThrows(UnreadableMarkup.class, () -> parse(quotes));
        assertTrue(e.getMessage().contains("nested more than " + MarkdownParser.MAX_DEPTH), e.getMessage());
        assertEquals(3, line(quotes, e));

        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            list.append("  ".repeat(i)).append("- item\n");
        }
        assertThrows(UnreadableMarkup.class, () -> parse(list.toString()));
        // Deeper than MAX_DEPTH, shallow enough for commonmark's recursive inline parser on any stack: 5,000 levels
        // overflowed it now and then, before the depth check sees the tree (HostileInputIT's internal error).
        assertThrows(UnreadableMarkup.class, () -> parse("*a ".repeat(400) + "b" + " a*".repeat(400) + "\n"));
    }

    @Test
    void nestingUpToTheLimitIsRead() throws UnreadableMarkup {
        Posting p = parse(">".repeat(MarkdownParser.MAX_DEPTH / 2 - 2) + " deep words\n");
        assertTrue(p.view().text().contains("deep words"), p.view().text());
    }

    @Test
    void unclosedAngleBracketsAndNestedBracketsAreRefusedQuickly() {
        long t0 = System.nanoTime();
        String lt = "Hello\n\n" + "<".repeat(400_000) + "\n";
        UnreadableMarkup e = assertThrows(UnreadableMarkup.class, () -> parse(lt));
        assertTrue(e.getMessage().contains("too costly to parse"), e.getMessage());
        assertEquals(3, line(lt, e));
        assertThrows(UnreadableMarkup.class, () -> parse("[".repeat(100_000) + "]".repeat(100_000) + "\n"));
        assertThrows(UnreadableMarkup.class, () -> parse("[x]: <".repeat(50_000) + "\n"));
        // A safety net far above the few hundred milliseconds this takes, not a benchmark.
        assertTrue(System.nanoTime() - t0 < 30_000_000_000L, "refusals must not parse");
    }

    @Test
    void ordinaryTextWithSomeUnclosedBracketsIsRead() throws UnreadableMarkup {
        String para = "Pay is < 100k for juniors and [senior] roles pay more; see <https://example.com>. ".repeat(2000);
        Posting p = parse(para + "\n\n[link](https://example.com) and <b>bold</b>\n");
        assertTrue(p.view().text().contains("bold"));
    }
}

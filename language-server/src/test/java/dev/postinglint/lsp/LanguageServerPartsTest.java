package dev.postinglint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.source.SourceSpan;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;

/** The server's own arithmetic: positions, the one-edit diff, the suppression comment, policy completion. */
class LanguageServerPartsTest {
    @Test
    void engineSpansBecomeZeroBasedRangesInTheSameUtf16Units() {
        SourceSpan span = new SourceSpan(5, 7, new dev.postinglint.core.source.Position(2, 3), new dev.postinglint.core.source.Position(2, 5));
        assertEquals(new Range(new Position(1, 2), new Position(1, 4)), Ranges.of(span));
    }

    @Test
    void offsetsAndPositionsAgreeOnEveryKindOfLineBreakAndOnSurrogatePairs() {
        String text = "a😀b\r\nsecond\rthird\nlast";
        for (int i = 0; i <= text.length(); i++) {
            if (i > 0 && i < text.length() && text.charAt(i - 1) == '\r' && text.charAt(i) == '\n') {
                continue; // between \r and \n is no position of its own
            }
            Position p = Ranges.positionOf(text, i);
            assertEquals(i, Ranges.offset(text, p), "offset " + i + " at " + p);
        }
        assertEquals(new Position(0, 3), Ranges.positionOf(text, 3), "the emoji is two UTF-16 units");
        assertEquals(new Position(2, 0), Ranges.positionOf(text, text.indexOf("third")));
        // A character past the line's end is clamped to it, as the protocol asks.
        assertEquals(text.indexOf("\r\n"), Ranges.offset(text, new Position(0, 99)));
    }

    @Test
    void fixAllIsOneEditOfTheChangedMiddle() {
        String before = "<p>one&nbsp;two&nbsp;</p>\n";
        String after = "<p>onetwo</p>\n";
        TextEdit e = CodeActions.wholeChange(before, after);
        assertEquals(new Range(new Position(0, 6), new Position(0, 21)), e.getRange());
        assertEquals("two", e.getNewText());
        assertEquals(after, before.substring(0, 6) + e.getNewText() + before.substring(21));
        TextEdit none = CodeActions.wholeChange("same", "same");
        assertEquals("", none.getNewText());
        // Never cut a surrogate pair in two.
        TextEdit emoji = CodeActions.wholeChange("x😀y", "x😁y");
        assertEquals("😁", emoji.getNewText());
    }

    @Test
    void theSuppressionCommentGoesOnItsOwnLineIndentedAsTheFinding() {
        String text = "<ul>\n  <li>We want a rockstar.</li>\n</ul>\n";
        int at = text.indexOf("rockstar");
        SourceSpan span = new SourceSpan(at, at + 8, new dev.postinglint.core.source.Position(2, 17), new dev.postinglint.core.source.Position(2, 25));
        Finding f = new Finding("no-rockstar", "inclusive-language", Severity.ERROR, "m", span, "rockstar", null, null, null);
        TextEdit e = CodeActions.suppression(text, f);
        assertEquals(new Range(new Position(1, 0), new Position(1, 0)), e.getRange());
        assertEquals("  <!-- posting-lint-disable-next no-rockstar -- REASON -->\n", e.getNewText());
    }

    private static List<String> labels(List<CompletionItem> items) {
        return items.stream().map(CompletionItem::getLabel).toList();
    }

    @Test
    void policyCompletionOffersKeysRuleTypesSeveritiesCategoriesAndPacks() {
        assertTrue(labels(Policies.complete("na", new Position(0, 2))).containsAll(List.of("name", "rules", "extends", "waivers")));
        String rules = "rules:\n  - id: x\n    type: \n    severity: \n    category: \n    \n";
        assertTrue(labels(Policies.complete(rules, new Position(2, 10))).containsAll(List.of("forbid", "require", "consistency")));
        assertEquals(List.of("error", "warning", "info"), labels(Policies.complete(rules, new Position(3, 14))));
        assertTrue(labels(Policies.complete(rules, new Position(4, 14))).contains("inclusive-language"));
        assertTrue(labels(Policies.complete(rules, new Position(5, 4))).containsAll(List.of("pattern", "scope", "when")));
        String ext = "name: a\nextends:\n  - \n";
        assertTrue(labels(Policies.complete(ext, new Position(2, 4))).containsAll(List.of("builtin:default", "builtin:cloudflare")));
        String waivers = "waivers:\n  - \n";
        assertTrue(labels(Policies.complete(waivers, new Position(1, 4))).containsAll(List.of("reason", "expires", "approved-by")));
    }
}

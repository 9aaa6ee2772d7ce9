package dev.postinglint.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.postinglint.core.model.Summary;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void pluralsCountTheWord() {
        assertEquals("1 file", Messages.plural(1, "file"));
        assertEquals("0 files", Messages.plural(0, "file"));
        assertEquals("2 entries", Messages.plural(2, "entry", "entries"));
        assertEquals("1 pass", Messages.plural(1, "pass", "passes"));
    }

    @Test
    void theSummaryListsEveryCountAndTheExtrasThatAreNotZero() {
        assertEquals("3 files checked: 2 errors, 1 warning, 0 infos", Messages.summary(new Summary(3, 2, 1, 0)));
        assertEquals("1 file checked: 0 errors, 0 warnings, 1 info, 2 waived, 5 in the baseline",
                Messages.summary(new Summary(1, 0, 0, 1, 2, 0, 5)));
    }

    @Test
    void theBaselineSentenceSaysHowToDropFixedEntriesOnlyWhenThereAreSome() {
        var none = new CheckOutcome.BaselineUse(Path.of("b.json"), 5, 0);
        assertEquals("baseline b.json: 5 known findings not reported", Messages.baselineApplied("b.json", none, n -> "unused"));
        var one = new CheckOutcome.BaselineUse(Path.of("b.json"), 1, 1);
        assertEquals("baseline b.json: 1 known finding not reported; 1 entry fixed since (drop 1)",
                Messages.baselineApplied("b.json", one, n -> "drop " + n));
        var two = new CheckOutcome.BaselineUse(Path.of("b.json"), 4, 2);
        assertEquals("baseline b.json: 4 known findings not reported; 2 entries fixed since (drop 2)",
                Messages.baselineApplied("b.json", two, n -> "drop " + n));
    }

    @Test
    void aWrittenBaselineGivesItsChangesOnlyWhenItReplacedOne() {
        assertEquals("wrote baseline b.json: 5 entries",
                Messages.baselineWritten("b.json", new CheckOutcome.BaselineWrite(Path.of("b.json"), 5, false, 0, 5, null)));
        assertEquals("wrote baseline b.json: 1 entry (2 fixed and dropped, 0 new)",
                Messages.baselineWritten("b.json", new CheckOutcome.BaselineWrite(Path.of("b.json"), 1, true, 2, 0, null)));
    }
}

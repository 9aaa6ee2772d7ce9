package dev.postinglint.core.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Fix;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Which fixes one pass applies: overlaps resolved by start, then rule id; duplicates once; unsafe ones never. */
class FixPlannerTest {
    static final String TEXT = "We want a rockstar engineer \uD83D\uDE00 now.";
    static final SourceText SRC = new SourceText("t.html", TEXT);

    static Finding finding(String rule, int start, int end, String replacement) {
        return new Finding(rule, "c", Severity.WARNING, rule + " message", SRC.span(start, end), TEXT.substring(start, end),
                null, new Fix(SRC.span(start, end), replacement, "d"), SourceLine.NONE);
    }

    @Test
    void overlapsAreResolvedByStartThenRuleIdWhateverTheInputOrder() {
        int r = TEXT.indexOf("rockstar");
        Finding longer = finding("a-rockstar-engineer", r, r + "rockstar engineer".length(), "engineer");
        Finding shorter = finding("z-rockstar", r, r + "rockstar".length(), "skilled engineer");
        Finding inside = finding("b-star", r + 4, r + 8, "STAR");
        Finding later = finding("now", TEXT.indexOf("now"), TEXT.indexOf("now") + 3, "today");
        List<Finding> all = new ArrayList<>(List.of(longer, shorter, inside, later));
        Random random = new Random(7);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(all, random);
            FixPlanner.Plan plan = FixPlanner.plan(TEXT, all);
            assertEquals(List.of(longer, later), plan.fixed());
            assertEquals(List.of(shorter, inside), plan.skipped().stream().map(FixPlanner.Skipped::finding).toList());
            assertTrue(plan.skipped().get(0).reason().contains("overlaps the fix for [a-rockstar-engineer] at 1:" + (r + 1)),
                    plan.skipped().get(0).reason());
            assertEquals("We want a engineer \uD83D\uDE00 today.", FixPlanner.apply(TEXT, plan.edits()));
        }
    }

    @Test
    void theSameEditFromTwoRulesIsAppliedOnceAndFixesBoth() {
        Finding a = finding("a", 0, 2, "They");
        Finding b = finding("b", 0, 2, "They");
        FixPlanner.Plan plan = FixPlanner.plan(TEXT, List.of(b, a));
        assertEquals(1, plan.edits().size());
        assertEquals(List.of(a, b), plan.fixed());
        assertTrue(plan.skipped().isEmpty());
    }

    @Test
    void adjacentReplacementsBothApplyButAnInsertionAtTheSamePointWaits() {
        Finding first = finding("x", 0, 2, "They");
        Finding next = finding("y", 2, 3, "_");
        Finding insertAtJoin = finding("w", 2, 2, "!");
        FixPlanner.Plan plan = FixPlanner.plan(TEXT, List.of(first, next, insertAtJoin));
        assertEquals(List.of(first, next), plan.fixed());
        assertEquals(List.of(insertAtJoin), plan.skipped().stream().map(FixPlanner.Skipped::finding).toList());
        assertEquals("They_want", FixPlanner.apply(TEXT, plan.edits()).substring(0, 9));
    }

    @Test
    void unsafeFixesAreNeverApplied() {
        int emoji = TEXT.indexOf('\uD83D');
        Finding splitsPair = finding("half", emoji + 1, emoji + 2, "x");
        Finding loneSurrogate = finding("lone", 0, 2, "\uDE00");
        Finding noOp = finding("same", 0, 2, "We");
        FixPlanner.Plan plan = FixPlanner.plan(TEXT, List.of(splitsPair, loneSurrogate, noOp));
        assertTrue(plan.isEmpty());
        assertEquals(List.of("its replacement is not well-formed text", "it would change nothing", "it would split a character in two"),
                plan.skipped().stream().map(FixPlanner.Skipped::reason).toList());
    }
}

package dev.postinglint.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.yaml.PolicyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckSessionTest {
    @TempDir
    Path dir;
    SessionFixture module;

    @BeforeEach
    void setUp() throws IOException {
        module = new SessionFixture(dir);
        module.posting("a.html", SessionFixture.ROCKSTAR);
        module.posting("b.html", SessionFixture.CLEAN);
    }

    private CheckOutcome check(CheckRequest request) throws IOException {
        return CheckSession.open(request).check(module.postings());
    }

    @Test
    void postingsAreReportedRelativeToTheDisplayRootInPathOrder() {
        assertEquals(List.of("postings/a.html", "postings/b.html"),
                module.postings().files().stream().map(InputFile::displayPath).toList());
    }

    @Test
    void theGateDecidesTheStatus() throws IOException {
        CheckOutcome failing = check(module.request(FailGate.at(Severity.ERROR), null, null));
        assertEquals(ExitStatus.FINDINGS, failing.status());
        assertEquals(1, failing.report().summary().errors());
        assertNull(failing.baselineUse());
        assertNull(failing.baselineWrite());

        assertEquals(ExitStatus.OK, check(module.request(FailGate.at(null), null, null)).status());
        assertEquals(ExitStatus.OK, check(module.request(new FailGate(Severity.ERROR, 1), null, null)).status());
    }

    @Test
    void unreadablePostingsAreAnErrorAndAreListed() throws IOException {
        Postings withGone = new Postings(List.of(new InputFile(dir.resolve("postings/gone.html"), "postings/gone.html")),
                List.of(), List.of("postings/locked: permission denied"), List.of());
        CheckOutcome outcome = CheckSession.open(module.request(FailGate.at(null), null, null)).check(withGone);
        assertEquals(ExitStatus.ERROR, outcome.status());
        assertEquals(List.of("postings/locked: permission denied", "postings/gone.html: no such file"), outcome.unreadable());
    }

    @Test
    void aWrittenBaselineAcceptsTodaysFindingsAndThenHidesThem() throws IOException {
        CheckOutcome recorded = check(module.request(FailGate.at(Severity.ERROR), null, "baseline.json"));
        assertEquals(ExitStatus.OK, recorded.status(), "recording a baseline accepts today's findings");
        assertEquals(new CheckOutcome.BaselineWrite(dir.resolve("baseline.json"), 1, false, 0, 1, null), recorded.baselineWrite());
        assertTrue(Files.exists(dir.resolve("baseline.json")));

        CheckOutcome known = check(module.request(FailGate.at(Severity.ERROR), "baseline.json", null));
        assertEquals(ExitStatus.OK, known.status());
        assertEquals(new CheckOutcome.BaselineUse(dir.resolve("baseline.json"), 1, 0), known.baselineUse());
        assertEquals(0, known.report().summary().errors());
        assertEquals(1, known.report().summary().baselined());
        assertEquals(1, known.full().summary().errors(), "the full report still has the finding");

        module.posting("c.html", SessionFixture.ROCKSTAR.replace("Engineer", "Designer"));
        CheckOutcome newOne = check(module.request(FailGate.at(Severity.ERROR), "baseline.json", null));
        assertEquals(ExitStatus.FINDINGS, newOne.status(), "a finding the baseline does not hold counts");
        assertEquals(1, newOne.report().summary().errors());
    }

    @Test
    void fixedEntriesAreCountedAndDroppedWhenTheBaselineIsRewritten() throws IOException {
        check(module.request(FailGate.at(Severity.ERROR), null, "baseline.json"));
        module.posting("a.html", SessionFixture.CLEAN);

        CheckOutcome fixed = check(module.request(FailGate.at(Severity.ERROR), "baseline.json", null));
        assertEquals(new CheckOutcome.BaselineUse(dir.resolve("baseline.json"), 0, 1), fixed.baselineUse());

        CheckOutcome rewritten = check(module.request(FailGate.at(Severity.ERROR), null, "baseline.json"));
        assertEquals(new CheckOutcome.BaselineWrite(dir.resolve("baseline.json"), 0, true, 1, 0, null), rewritten.baselineWrite());
    }

    @Test
    void anUnreadableOldBaselineIsReplacedAndSaysWhy() throws IOException {
        Files.writeString(dir.resolve("baseline.json"), "{}");
        CheckOutcome outcome = check(module.request(FailGate.at(Severity.ERROR), null, "baseline.json"));
        assertTrue(outcome.baselineWrite().unreadablePrevious().contains("not a posting-lint baseline"),
                outcome.baselineWrite().unreadablePrevious());
        assertEquals(1, outcome.baselineWrite().entries());
    }

    @Test
    void aBadBaselineIsASessionErrorWhenTheSessionOpens() {
        var missing = assertThrows(SessionException.class,
                () -> CheckSession.open(module.request(FailGate.at(Severity.ERROR), "nope.json", null)));
        assertTrue(missing.getMessage().endsWith("nope.json: no such baseline file (write one with --write-baseline "
                + dir.resolve("nope.json") + ")"), missing.getMessage());
    }

    @Test
    void aBrokenPolicyFailsWhenTheSessionOpens() throws IOException {
        Files.writeString(dir.resolve("policy.yaml"), "rules: [");
        assertThrows(PolicyException.class, () -> CheckSession.open(module.request(FailGate.at(Severity.ERROR), null, null)));
    }

    @Test
    void judgeGivesAReportMadeElsewhereTheSameTreatment() throws IOException {
        CheckSession session = CheckSession.open(module.request(FailGate.at(Severity.ERROR), null, null));
        CheckOutcome checked = session.check(module.postings());
        CheckOutcome judged = session.judge(module.postings(), checked.full());
        assertEquals(checked.status(), judged.status());
        assertEquals(checked.report().summary(), judged.report().summary());
    }
}

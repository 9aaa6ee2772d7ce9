package dev.postinglint.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.fix.AtomicWriter;
import dev.postinglint.core.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixSessionTest {
    @TempDir
    Path dir;
    SessionFixture module;
    Path posting;

    @BeforeEach
    void setUp() throws IOException {
        module = new SessionFixture(dir);
        posting = module.posting("a.html", SessionFixture.ROCKSTAR);
        module.posting("b.html", SessionFixture.CLEAN);
    }

    private FixOutcome fix(List<String> rules, String rulesOption, boolean dryRun, AtomicWriter writer) {
        FixRequest request = new FixRequest(module.settings(), FailGate.at(Severity.ERROR), rules, rulesOption, dryRun, writer);
        return FixSession.open(request).fix(module.postings());
    }

    @Test
    void fixesAreWrittenAndTheResultIsLintedAgain() throws IOException {
        FixOutcome outcome = fix(List.of(), "--rule", false, new AtomicWriter());

        assertEquals(SessionFixture.CLEAN, Files.readString(posting));
        assertEquals(1, outcome.changes().size(), "only the changed posting");
        FixOutcome.Change change = outcome.changes().get(0);
        assertTrue(change.written());
        assertEquals("postings/a.html", change.fix().file().displayPath());
        assertEquals("1 fix (no-rockstar)", Messages.fixesByRule(change.fix().applied(), "x"));
        assertEquals(1, outcome.writtenCount());
        assertEquals(1, outcome.result().fixedCount());
        assertEquals(0, outcome.after().summary().errors());
        assertEquals(ExitStatus.OK, outcome.status());
    }

    @Test
    void aDryRunGivesTheDiffAndWritesNothing() throws IOException {
        FixOutcome outcome = fix(List.of(), null, true, new AtomicWriter());

        assertEquals(SessionFixture.ROCKSTAR, Files.readString(posting));
        FixOutcome.Change change = outcome.changes().get(0);
        assertTrue(change.diff().contains("-<p>We want a rockstar &amp; more.</p>"), change.diff());
        assertTrue(change.diff().contains("+<p>We want a skilled engineer &amp; more.</p>"), change.diff());
        assertEquals(0, outcome.writtenCount());
        assertEquals(0, outcome.after().summary().errors(), "the lint of the fixed text in memory");
        assertEquals(ExitStatus.OK, outcome.status());
    }

    @Test
    void aFailedWriteLeavesThePostingAndIsAnError() throws IOException {
        FixOutcome outcome = fix(List.of(), null, false, new AtomicWriter((step, temp) -> {
            if (step == AtomicWriter.Step.WRITTEN) {
                throw new IOException("No space left on device");
            }
        }));

        assertEquals(SessionFixture.ROCKSTAR, Files.readString(posting));
        assertEquals(1, outcome.failures().size());
        assertEquals("No space left on device", outcome.failures().get(0).failure().getMessage());
        assertNull(outcome.failures().get(0).diff());
        assertEquals(1, outcome.after().summary().errors(), "what is on disk is linted");
        assertEquals(ExitStatus.ERROR, outcome.status());
    }

    @Test
    void rulesNotOfferedLeaveFindingsThatGateTheRun() throws IOException {
        FixOutcome outcome = fix(List.of("no-rockstar-typo"), null, false, new AtomicWriter());

        assertEquals(SessionFixture.ROCKSTAR, Files.readString(posting));
        assertEquals(List.of(), outcome.changes());
        assertEquals(ExitStatus.FINDINGS, outcome.status());
    }

    @Test
    void anUnknownRuleIsASessionErrorWhenTheFaceAsksForTheCheck() throws IOException {
        var e = assertThrows(SessionException.class, () -> fix(List.of("no-rockstar", "typo"), "--rule", false, new AtomicWriter()));
        assertEquals("--rule typo: no such rule in policy session-test (see 'posting-lint rules')", e.getMessage());
        assertEquals(SessionFixture.ROCKSTAR, Files.readString(posting), "nothing is fixed");
    }
}

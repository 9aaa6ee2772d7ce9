package dev.postinglint.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.Summary;
import org.junit.jupiter.api.Test;

class FailGateTest {
    private static final Summary TWO_ONE_THREE = new Summary(4, 2, 1, 3);
    private static final Summary WARNINGS_ONLY = new Summary(1, 0, 2, 0);
    private static final Summary CLEAN = new Summary(5, 0, 0, 0);

    @Test
    void countsFindingsAtOrAboveTheThreshold() {
        assertEquals(2, new FailGate(Severity.ERROR, 0).counted(TWO_ONE_THREE));
        assertEquals(3, new FailGate(Severity.WARNING, 0).counted(TWO_ONE_THREE));
        assertEquals(6, new FailGate(Severity.INFO, 0).counted(TWO_ONE_THREE));
        assertEquals(0, new FailGate(null, 0).counted(TWO_ONE_THREE));
    }

    @Test
    void failsOnlyWhenTheCountExceedsTheAllowance() {
        assertTrue(new FailGate(Severity.ERROR, 0).fails(TWO_ONE_THREE));
        assertTrue(new FailGate(Severity.ERROR, 1).fails(TWO_ONE_THREE));
        assertFalse(new FailGate(Severity.ERROR, 2).fails(TWO_ONE_THREE));
        assertTrue(new FailGate(Severity.WARNING, 2).fails(TWO_ONE_THREE));
        assertFalse(new FailGate(Severity.WARNING, 3).fails(TWO_ONE_THREE));
    }

    @Test
    void warningsFailOnlyAtWarningLevelOrBelow() {
        assertFalse(new FailGate(Severity.ERROR, 0).fails(WARNINGS_ONLY));
        assertTrue(new FailGate(Severity.WARNING, 0).fails(WARNINGS_ONLY));
        assertTrue(new FailGate(Severity.INFO, 0).fails(WARNINGS_ONLY));
    }

    @Test
    void neverAndCleanRunsDoNotFail() {
        assertFalse(new FailGate(null, 0).fails(TWO_ONE_THREE));
        assertFalse(new FailGate(Severity.INFO, 0).fails(CLEAN));
    }

    @Test
    void describesTheCountAndTheSettings() {
        assertEquals("2 errors (failOn=error, maxAllowedViolations=1)", new FailGate(Severity.ERROR, 1).describe(TWO_ONE_THREE));
        assertEquals("1 error (failOn=error, maxAllowedViolations=0)", new FailGate(Severity.ERROR, 0).describe(new Summary(1, 1, 0, 0)));
        assertEquals("2 findings at warning level or above (failOn=warning, maxAllowedViolations=0)",
                new FailGate(Severity.WARNING, 0).describe(WARNINGS_ONLY));
        assertEquals("6 findings (failOn=info, maxAllowedViolations=0)", new FailGate(Severity.INFO, 0).describe(TWO_ONE_THREE));
    }
}

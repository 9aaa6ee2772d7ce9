package dev.postinglint.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.model.Severity;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptionsTest {
    private static final LocalDate TODAY = LocalDate.of(2030, 1, 2);

    @Test
    void failOnReadsASeverityOrNever() {
        assertEquals(Optional.of(Severity.WARNING), Options.failOn("--fail-on", "Warning"));
        assertEquals(Optional.of(Severity.INFO), Options.failOn("failOn", " info "));
        assertEquals(Optional.empty(), Options.failOn("--fail-on", "never"));
        assertEquals(Optional.empty(), Options.failOn("failOn", "NEVER"));
    }

    @Test
    void aBadFailOnNamesTheOptionAndWhatItAccepts() {
        var e = assertThrows(SessionException.class, () -> Options.failOn("--fail-on", "warn"));
        assertEquals("--fail-on must be error, warning, info or never, not 'warn'", e.getMessage());
    }

    @Test
    void asOfIsTodayUnlessADateIsGiven() {
        assertEquals(TODAY, Options.asOf("--as-of", null, TODAY));
        assertEquals(LocalDate.of(2026, 6, 1), Options.asOf("--as-of", "2026-06-01", TODAY));
        var e = assertThrows(SessionException.class, () -> Options.asOf("--as-of", "1/6/2026", TODAY));
        assertEquals("--as-of must be a date written YYYY-MM-DD, not '1/6/2026'", e.getMessage());
        var empty = assertThrows(SessionException.class, () -> Options.asOf("--as-of", "", TODAY));
        assertEquals("--as-of must be a date written YYYY-MM-DD, not ''", empty.getMessage());
    }

    @Test
    void fileSizesTakeKAndMSuffixes() {
        assertEquals(Linter.DEFAULT_MAX_FILE_BYTES, Options.fileSize("--max-file-size", null));
        assertEquals(500L << 10, Options.fileSize("--max-file-size", "500K"));
        assertEquals(32L << 20, Options.fileSize("--max-file-size", "32m"));
        assertEquals(1234, Options.fileSize("--max-file-size", "1234"));
        for (String bad : new String[] {"0", "-1K", "12G", "lots"}) {
            var e = assertThrows(SessionException.class, () -> Options.fileSize("--max-file-size", bad));
            assertEquals("--max-file-size must be a positive size such as 500K or 32M, not '" + bad + "'", e.getMessage());
        }
    }
}

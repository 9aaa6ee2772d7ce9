package dev.postinglint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.model.Severity;
import dev.postinglint.core.posting.ContentChoice;
import dev.postinglint.core.report.ReportFormats;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionsTest {
    @ParameterizedTest
    @CsvSource({"error,ERROR", "warning,WARNING", "info,INFO", "WARNING,WARNING", "' info ',INFO"})
    void failOnNamesASeverity(String given, Severity expected) {
        assertEquals(Optional.of(expected), Options.failOn(given));
    }

    @Test
    void failOnNeverMeansNoThreshold() {
        assertEquals(Optional.empty(), Options.failOn("never"));
        assertEquals(Optional.empty(), Options.failOn("Never"));
    }

    @Test
    void badFailOnSaysWhatIsAccepted() {
        var e = assertThrows(IllegalArgumentException.class, () -> Options.failOn("warn"));
        assertEquals("failOn must be error, warning, info or never, not 'warn'", e.getMessage());
    }

    @Test
    void asOfDefaultsToTodayAndReadsIsoDates() {
        LocalDate today = LocalDate.of(2030, 1, 2);
        assertEquals(today, Options.asOf(null, today));
        assertEquals(today, Options.asOf("  ", today));
        assertEquals(LocalDate.of(2025, 6, 30), Options.asOf("2025-06-30", today));
        var e = assertThrows(IllegalArgumentException.class, () -> Options.asOf("30/06/2025", today));
        assertEquals("asOf must be a date written YYYY-MM-DD, not '30/06/2025'", e.getMessage());
    }

    @Test
    void contentIsAutoWholeFileOrASelectorAndBlankLeavesItToThePolicy() {
        assertEquals(null, Options.content(null));
        assertEquals(null, Options.content("  "));
        assertEquals(ContentChoice.AUTO, Options.content("auto"));
        assertEquals(ContentChoice.WHOLE_FILE, Options.content(" Whole-File "));
        assertEquals("div.job-description", Options.content("div.job-description").toString());
        var bad = assertThrows(IllegalArgumentException.class, () -> Options.content("div[unclosed"));
        assertTrue(bad.getMessage().startsWith("content: content selector 'div[unclosed' is not a valid CSS selector"), bad.getMessage());
        var regex = assertThrows(IllegalArgumentException.class, () -> Options.content("p:matches(a+)+"));
        assertTrue(regex.getMessage().contains("regex pseudo-selector"), regex.getMessage());
    }

    @Test
    void formatsAreACommaListKeptInOrderWithoutDuplicates() {
        assertEquals(List.of("json", "text"), Options.formats("json, TEXT,,json"));
        assertEquals(List.of("text"), Options.formats("text"));
        assertEquals(List.of(), Options.formats(""));
        assertEquals(List.of(), Options.formats(null));
        assertEquals(List.of(), Options.formats(" None "));
    }

    @Test
    void unknownFormatListsTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Options.formats("json,xml"));
        assertEquals("formats: unknown report format 'xml' (known: " + String.join(", ", ReportFormats.names()) + ")",
                e.getMessage());
        assertTrue(e.getMessage().contains("json"));
    }

    @Test
    void maxAllowedViolationsCannotBeNegative() {
        assertEquals(0, Options.maxAllowedViolations(0));
        assertEquals(7, Options.maxAllowedViolations(7));
        var e = assertThrows(IllegalArgumentException.class, () -> Options.maxAllowedViolations(-1));
        assertEquals("maxAllowedViolations must be 0 or more, not -1", e.getMessage());
    }

    @Test
    void listsFallBackToTheirDefaultWhenUnsetOrBlank() {
        List<String> fallback = List.of("src/postings");
        assertEquals(fallback, Options.listOr(null, fallback));
        assertEquals(fallback, Options.listOr(List.of(), fallback));
        assertEquals(fallback, Options.listOr(Arrays.asList(" ", null), fallback));
        assertEquals(List.of("a", "b"), Options.listOr(List.of(" a ", "", "b"), fallback));
    }
}

package dev.postinglint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.Summary;
import dev.postinglint.core.session.Messages;
import dev.postinglint.core.source.Position;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceSpan;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingLogTest {
    private static Finding finding(String rule, Severity s, String message, int line, int column) {
        Position at = new Position(line, column);
        return new Finding(rule, "test", s, message, new SourceSpan(0, 1, at, at), "x", null, null, SourceLine.NONE);
    }

    @Test
    void formatsAsPathLineColumnSeverityRuleAndMessage() {
        assertEquals("src/postings/a.html:12:7: warning [no-rockstar] Avoid 'rockstar'",
                FindingLog.line("src/postings/a.html", finding("no-rockstar", Severity.WARNING, "Avoid 'rockstar'", 12, 7)));
    }

    @Test
    void namesAndMessagesFromUntrustedFilesNeverDriveTheConsole() {
        // A file or board job named with an ESC sequence, a bell, a newline and a bidi override (Trojan Source).
        String name = "p/evil\u001b[2J\u0007\nsplit\u202elmth.html#job\u001b]0;pwned\u0007";
        String line = FindingLog.line(name, finding("no-rockstar", Severity.ERROR, "Avoid 'rock\u202estar' \u001b[31m", 1, 2));
        assertEquals("p/evil\\x1b[2J\\x07\\x0asplit\\u202elmth.html#job\\x1b]0;pwned\\x07:1:2: error [no-rockstar] "
                + "Avoid 'rock\\u202estar'  [31m", line);
    }

    @Test
    void messagesStayOnOneLineWithoutControlCharacters() {
        assertEquals("a b c d e", FindingLog.oneLine("a\r\nb\nc\u001bd\u0085e"));
    }

    @Test
    void logsEachFindingAtTheMatchingLevel() {
        List<Finding> findings = List.of(
                finding("r-error", Severity.ERROR, "bad", 1, 2),
                finding("r-warning", Severity.WARNING, "iffy", 3, 4),
                finding("r-info", Severity.INFO, "fyi", 5, 6));
        List<FileResult> files = List.of(new FileResult("p/a.html", findings, "test", null, null, false),
                new FileResult("p/b.html", List.of(), "test", null, null, false));
        LintReport report = new LintReport("dev", LocalDate.of(2025, 1, 1), List.of("test"), files, Summary.of(files),
                Duration.ZERO, List.of());
        RecordingLog log = new RecordingLog();

        FindingLog.findings(log, report);

        assertEquals(List.of(
                "ERROR p/a.html:1:2: error [r-error] bad",
                "WARN p/a.html:3:4: warning [r-warning] iffy",
                "INFO p/a.html:5:6: info [r-info] fyi"), log.lines);
        assertEquals("2 files checked: 1 error, 1 warning, 1 info", Messages.summary(report.summary()));
    }

    @Test
    void belowMinSeverityFindingsAreCountedInOneLine() {
        List<Finding> findings = List.of(
                finding("r-error", Severity.ERROR, "bad", 1, 2),
                finding("r-info", Severity.INFO, "fyi", 5, 6),
                finding("r-info", Severity.INFO, "fyi", 7, 6));
        List<FileResult> files = List.of(new FileResult("p/a.html", findings, "test", null, null, false));
        LintReport report = new LintReport("dev", LocalDate.of(2025, 1, 1), List.of("test"), files, Summary.of(files),
                Duration.ZERO, List.of());
        RecordingLog log = new RecordingLog();

        FindingLog.findings(log, report, Options.minSeverity("warning"));

        assertEquals(List.of(
                "ERROR p/a.html:1:2: error [r-error] bad",
                "INFO posting-lint: 2 infos not logged: set minSeverity to info (-Dposting-lint.minSeverity=info) to log them;"
                        + " the report files list every finding"), log.lines);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Options.minSeverity("loud"));
    }
}

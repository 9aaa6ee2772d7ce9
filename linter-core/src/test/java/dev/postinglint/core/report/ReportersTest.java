package dev.postinglint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Fix;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.Summary;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceText;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportersTest {
    static final String HOSTILE = "Quote \" angle <b> & newline\nCR\r tab\t percent % colons :: astral \uD83D\uDE00 é \u0001 </script>";

    static LintReport report() {
        SourceText src = new SourceText("a.html", "<p>We need a rockstar.</p>\n<p>x</p>");
        Finding f1 = new Finding("no-rockstar", "inclusive-language", Severity.ERROR, "Avoid 'rockstar'", src.span(12, 20),
                "rockstar", "https://example.org/why", new Fix(src.span(12, 20), "skilled", "Replace"), SourceLine.around(src, src.positionOf(12)));
        Finding f2 = new Finding("odd", "test", Severity.INFO, HOSTILE, src.span(30, 31), HOSTILE, null, null,
                SourceLine.around(src, src.positionOf(30)));
        List<FileResult> files = List.of(new FileResult("dir/a.html", List.of(f1, f2), "p 1", "Title", "London, UK", false),
                new FileResult("dir/b.html", List.of(), "p 1", null, null, false));
        return new LintReport("9.9", LocalDate.of(2026, 11, 21), List.of("p 1"), files, Summary.of(files), Duration.ofMillis(1234), List.of());
    }

    @Test
    void jsonHasTheDocumentedShapeAndRoundTripsHostileText() throws IOException {
        StringWriter w = new StringWriter();
        new JsonReporter().write(report(), w);
        JsonNode root = new ObjectMapper().readTree(w.toString());
        assertEquals("posting-lint", root.at("/tool/name").asText());
        assertEquals("9.9", root.at("/tool/version").asText());
        assertEquals("2026-11-21", root.at("/asOf").asText());
        JsonNode f = root.at("/files/0/findings/0");
        assertEquals("dir/a.html", root.at("/files/0/path").asText());
        assertEquals("no-rockstar", f.get("ruleId").asText());
        assertEquals("inclusive-language", f.get("category").asText());
        assertEquals("error", f.get("severity").asText());
        assertEquals(1, f.get("line").asInt());
        assertEquals(13, f.get("column").asInt());
        assertEquals(1, f.get("endLine").asInt());
        assertEquals(21, f.get("endColumn").asInt());
        assertEquals("rockstar", f.get("excerpt").asText());
        assertEquals("https://example.org/why", f.get("link").asText());
        assertEquals("skilled", f.at("/fix/replacement").asText());
        assertEquals(12, f.at("/fix/startOffset").asInt());
        assertEquals(20, f.at("/fix/endOffset").asInt());
        JsonNode odd = root.at("/files/0/findings/1");
        assertEquals(HOSTILE, odd.get("message").asText());
        assertEquals(HOSTILE, odd.get("excerpt").asText());
        assertTrue(odd.get("link").isNull());
        assertTrue(odd.get("fix").isNull());
        assertEquals(2, root.at("/summary/files").asInt());
        assertEquals(1, root.at("/summary/errors").asInt());
        assertEquals(0, root.at("/summary/warnings").asInt());
        assertEquals(1, root.at("/summary/infos").asInt());
        assertEquals(0, root.at("/files/1/findings").size());
    }

    @Test
    void textShowsPathLineColumnSeverityRuleCaretAndSummary() throws IOException {
        StringWriter w = new StringWriter();
        new TextReporter(false, Severity.INFO).write(report(), w);
        String[] lines = w.toString().split("\n");
        assertEquals("dir/a.html:1:13: error [no-rockstar] Avoid 'rockstar'", lines[0]);
        assertEquals("     1 | <p>We need a rockstar.</p>", lines[1]);
        assertEquals("       |             ^^^^^^^^", lines[2]);
        assertTrue(lines[3].startsWith("dir/a.html:2:4: info [odd] Quote"), lines[3]);
        assertFalse(w.toString().contains("\u0001"), "control characters never reach the terminal");
        assertTrue(w.toString().strip().endsWith("s)"));
        assertTrue(w.toString().contains("2 files checked: 1 error, 0 warnings, 1 info (1.23 s)"), w.toString());
    }

    @Test
    void quietTextShowsErrorsOnlyAndColourIsOptIn() throws IOException {
        StringWriter quiet = new StringWriter();
        new TextReporter(false, Severity.ERROR).write(report(), quiet);
        assertFalse(quiet.toString().contains("[odd]"));
        assertTrue(quiet.toString().contains("[no-rockstar]"));
        StringWriter color = new StringWriter();
        new TextReporter(true, Severity.INFO).write(report(), color);
        assertTrue(color.toString().contains("\u001b[31m"));
        StringWriter plain = new StringWriter();
        new TextReporter(false, Severity.INFO).write(report(), plain);
        assertFalse(plain.toString().contains("\u001b["));
    }

    @Test
    void textGroupsRepetitionsEndsWithARuleTableAndCountsWhatItHides() throws IOException {
        SourceText s = new SourceText("p.html", "<p><span style=a>x</span><span style=b>y</span><span style=c>z</span></p>\n<p>We need a rockstar.</p>\n");
        List<Finding> fs = new java.util.ArrayList<>();
        int at = -1;
        while ((at = s.text().indexOf("<span", at + 1)) >= 0) {
            fs.add(ReportFixtures.finding(s, "pasted-inline-style", "html-hygiene", Severity.INFO, "pasted style", at, at + 5, null,
                    new Fix(s.span(at, at + 5), "<span", "drop the style")));
        }
        int rock = s.text().indexOf("rockstar");
        fs.add(ReportFixtures.finding(s, "no-rockstar", "inclusive-language", Severity.ERROR, "Avoid 'rockstar'", rock, rock + 8, null, null));
        fs.sort(Finding.ORDER);
        LintReport r = ReportFixtures.report(List.of(new FileResult("p.html", fs, "p", null, null, false)), List.of());

        StringWriter all = new StringWriter();
        new TextReporter(false, Severity.INFO).write(r, all);
        String text = all.toString();
        assertEquals(1, text.split("\\[pasted-inline-style]", -1).length - 1, "one of the three is shown in full:\n" + text);
        assertTrue(text.contains("       = pasted-inline-style x3 in this posting, first at 1:4; also at 1:26, 1:48\n"), text);
        assertTrue(text.contains("""
                rule                 severity  postings  findings  fixable
                no-rockstar          error            1         1        0
                pasted-inline-style  info             1         3        3
                """), text);
        assertFalse(text.contains("not shown"), text);

        StringWriter warn = new StringWriter();
        new TextReporter(false, Severity.WARNING).write(r, warn);
        assertFalse(warn.toString().contains("pasted-inline-style"), warn.toString());
        assertTrue(warn.toString().endsWith("1 file checked: 1 error, 0 warnings, 3 infos (1.23 s)\n3 infos not shown: --min-severity info\n"),
                warn.toString());
    }
}

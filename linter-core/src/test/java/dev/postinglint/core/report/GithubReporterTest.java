package dev.postinglint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.source.SourceText;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GithubReporterTest {

    static List<String> lines(dev.postinglint.core.model.LintReport report) throws Exception {
        StringWriter w = new StringWriter();
        new GithubReporter().write(report, w);
        String out = w.toString();
        assertTrue(out.endsWith("\n"));
        return List.of(out.substring(0, out.length() - 1).split("\n", -1));
    }

    /** A workflow command as the runner reads it: name, properties split at ',' and '=', message after the first '::'. */
    record Command(String name, Map<String, String> properties, String message) {
        static Command parse(String line) {
            assertTrue(line.startsWith("::"), line);
            int end = line.indexOf("::", 2);
            String head = line.substring(2, end);
            int space = head.indexOf(' ');
            Map<String, String> props = new LinkedHashMap<>();
            for (String kv : head.substring(space + 1).split(",")) {
                int eq = kv.indexOf('=');
                props.put(kv.substring(0, eq), unescapeProperty(kv.substring(eq + 1)));
            }
            return new Command(head.substring(0, space), props, unescapeData(line.substring(end + 2)));
        }

        static String unescapeData(String s) {
            return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
        }

        static String unescapeProperty(String s) {
            return unescapeData(s.replace("%3A", ":").replace("%2C", ","));
        }
    }

    @Test
    void oneAnnotationPerFindingMostSeriousFirstThenASummary() throws Exception {
        List<String> lines = lines(ReportFixtures.sample());
        assertEquals(7, lines.size());
        assertEquals("posting-lint: 4 files checked: 3 errors, 2 warnings, 1 info", lines.get(6));
        assertEquals("::error file=jobs/a.html,line=1,col=1,endLine=1,endColumn=1,title=[eeo-statement-present]::No equal-opportunity statement",
                lines.get(0));
        assertEquals(List.of("error", "error", "error", "warning", "warning", "notice"),
                lines.subList(0, 6).stream().map(l -> Command.parse(l).name()).toList(), "errors first: GitHub shows only 10 of a kind");
        Command rock = Command.parse(lines.get(3));
        assertEquals("warning", rock.name());
        assertEquals(Map.of("file", "jobs/a.html", "line", "2", "col", "14", "endLine", "2", "endColumn", "22", "title", "[no-rockstar]"),
                rock.properties());
        assertEquals("'rockstar' is jargon\nSuggested fix: Replace 'rockstar' with 'skilled engineer'", rock.message());
        Command age = Command.parse(lines.get(5));
        assertEquals("notice", age.name());
        assertEquals("3", age.properties().get("line"));
        assertEquals("4", age.properties().get("endLine"));
        assertEquals("jobs/b c/ünï#?.html", Command.parse(lines.get(4)).properties().get("file"));
    }

    @Test
    void atMostTenAnnotationsOfAKindTheRestAsLogLinesAndANotice() throws Exception {
        List<Finding> many = new ArrayList<>();
        SourceText s = new SourceText("jobs/many.html", "<p>" + "x".repeat(40) + "</p>\n");
        for (int i = 0; i < 14; i++) {
            many.add(ReportFixtures.finding(s, "e" + i, "c", Severity.ERROR, "error " + i, 3 + i, 4 + i, null, null));
            many.add(ReportFixtures.finding(s, "i" + i, "c", Severity.INFO, "info " + i, 3 + i, 4 + i, null, null));
        }
        many.sort(Finding.ORDER);
        List<FileResult> files = List.of(new FileResult("jobs/many.html", many, "p", null, null, false));
        LintReport report = ReportFixtures.report(files, List.of());
        StringWriter w = new StringWriter();
        new GithubReporter(Severity.INFO).write(report, w);
        List<String> lines = List.of(w.toString().split("\n"));
        assertEquals(10, lines.stream().filter(l -> l.startsWith("::error ")).count());
        assertEquals(9 + 1, lines.stream().filter(l -> l.startsWith("::notice ")).count(), "9 infos and the note about the rest");
        assertEquals(4 + 5, lines.stream().filter(l -> l.startsWith("jobs/many.html:1:")).count(), "the rest as plain log lines");
        assertTrue(lines.contains("jobs/many.html:1:14: error [e10] error 10"), lines.toString());
        String note = lines.get(lines.size() - 2);
        assertTrue(note.startsWith("::notice title=posting-lint%3A 9 findings not annotated::9 more findings are listed"), note);

        StringWriter shown = new StringWriter();
        new GithubReporter(Severity.WARNING).write(report, shown);
        assertEquals(0, shown.toString().lines().filter(l -> l.contains("[i") || l.contains("info ")).count());
        assertTrue(shown.toString().endsWith("14 errors, 0 warnings, 14 infos; 14 infos not shown: --min-severity info\n"), shown.toString());
    }

    @Test
    void escapingFollowsTheRunner() {
        assertEquals("100%25 a%0Db%0Ac ::x, y", GithubReporter.data("100% a\rb\nc ::x, y"));
        assertEquals("100%25 a%0Db%0Ac %3A%3Ax%2C y", GithubReporter.property("100% a\rb\nc ::x, y"));
        assertEquals("%250A", GithubReporter.data("%0A"), "an escape sequence in the text stays text");
    }

    @Test
    void hostileTextCannotBreakOutOfItsCommand() throws Exception {
        List<String> lines = lines(ReportFixtures.hostile());
        assertEquals(3, lines.size(), "two findings, one summary: no line break leaks through");
        for (String line : lines) {
            assertFalse(line.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f || (c >= 0x80 && c < 0xa0)),
                    "no control characters reach the log: " + line);
        }
        Command c = Command.parse(lines.get(0));
        assertEquals("error", c.name());
        assertEquals(ReportFixtures.HOSTILE_PATH, c.properties().get("file"));
        assertEquals(6, c.properties().size(), "the path's characters cannot add properties");
        // Other control characters and bidi overrides as visible escapes (\\x1b), as in the text output.
        String expected = TerminalText.safeKeepingLines(ReportFixtures.HOSTILE).replace("\ud800", "\ufffd");
        assertTrue(c.message().startsWith(expected + "\nSuggested fix: "), c.message());
    }
}

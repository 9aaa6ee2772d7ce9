package dev.postinglint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
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
    void oneAnnotationPerFindingThenASummary() throws Exception {
        List<String> lines = lines(ReportFixtures.sample());
        assertEquals(7, lines.size());
        assertEquals("posting-lint: 4 files checked: 3 errors, 2 warnings, 1 info", lines.get(6));
        assertEquals("::error file=jobs/a.html,line=1,col=1,endLine=1,endColumn=1,title=[eeo-statement-present]::No equal-opportunity statement",
                lines.get(0));
        Command rock = Command.parse(lines.get(1));
        assertEquals("warning", rock.name());
        assertEquals(Map.of("file", "jobs/a.html", "line", "2", "col", "14", "endLine", "2", "endColumn", "22", "title", "[no-rockstar]"),
                rock.properties());
        assertEquals("'rockstar' is jargon\nSuggested fix: Replace 'rockstar' with 'skilled engineer'", rock.message());
        Command age = Command.parse(lines.get(3));
        assertEquals("notice", age.name());
        assertEquals("3", age.properties().get("line"));
        assertEquals("4", age.properties().get("endLine"));
        assertEquals("jobs/b c/ünï#?.html", Command.parse(lines.get(4)).properties().get("file"));
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
        String expected = ReportFixtures.HOSTILE.replaceAll("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]", "").replace("\ud800", "\ufffd");
        assertTrue(c.message().startsWith(expected + "\nSuggested fix: "), c.message());
    }
}

package dev.postinglint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitReporterTest {

    @Test
    void onePassingOrFailingTestcasePerPostingWithCorrectCounts() throws Exception {
        Document doc = XmlTestSupport.parse(XmlTestSupport.write(new JunitReporter(), ReportFixtures.sample()));
        Element suites = doc.getDocumentElement();
        assertEquals("testsuites", suites.getTagName());
        Element suite = XmlTestSupport.children(suites, "testsuite").get(0);
        for (Element e : List.of(suites, suite)) {
            assertEquals("4", e.getAttribute("tests"));
            assertEquals("1", e.getAttribute("failures"), "only jobs/a.html has an error finding");
            assertEquals("1", e.getAttribute("errors"), "jobs/d.html could not be read");
            assertEquals("0", e.getAttribute("skipped"));
            assertEquals("1.234", e.getAttribute("time"));
        }
        List<Element> props = XmlTestSupport.elements(suite, "property");
        assertEquals(List.of("posting-lint.version=9.9.9-test", "as-of=2025-06-01", "policy=demo 1", "policy=extra <policy> \"2\""),
                props.stream().map(p -> p.getAttribute("name") + "=" + p.getAttribute("value")).toList());

        List<Element> cases = XmlTestSupport.children(suite, "testcase");
        assertEquals(List.of("jobs/a.html", "jobs/b c/ünï#?.html", "jobs/c.html", "jobs/d.html"),
                cases.stream().map(c -> c.getAttribute("classname")).toList());
        assertEquals(List.of("Rockstar wanted", "jobs/b c/ünï#?.html", "Clean posting", "jobs/d.html"),
                cases.stream().map(c -> c.getAttribute("name")).toList(), "the title when known, else the path");

        List<Element> failures = XmlTestSupport.children(cases.get(0), "failure");
        assertEquals(1, failures.size(), "one failure element lists all of a posting's findings");
        Element failure = failures.get(0);
        assertEquals("2 errors, 1 warning, 1 info: [eeo-statement-present] No equal-opportunity statement", failure.getAttribute("message"));
        assertEquals("eeo-statement-present", failure.getAttribute("type"));
        String body = failure.getTextContent();
        for (String expected : List.of("jobs/a.html:1:1: error [eeo-statement-present]", "jobs/a.html:2:14: warning [no-rockstar] 'rockstar' is jargon",
                "fix: Replace 'rockstar' with 'skilled engineer'", "jobs/a.html:2:23: error [no-ninja]", "jobs/a.html:3:4: info [age-bias]",
                "match: Young\nand hungry")) {
            assertTrue(body.contains(expected), () -> "failure body lacks '" + expected + "':\n" + body);
        }

        assertEquals(0, XmlTestSupport.children(cases.get(1), "failure").size(), "warnings alone do not fail a posting");
        assertTrue(XmlTestSupport.children(cases.get(1), "system-out").get(0).getTextContent().contains("warning [fast-paced]"));
        assertEquals(0, cases.get(2).getChildNodes().getLength(), "a clean posting is an empty, passing testcase");
        Element error = XmlTestSupport.children(cases.get(3), "error").get(0);
        assertEquals("input-error", error.getAttribute("type"));
        assertEquals("jobs/d.html: not valid UTF-8", error.getAttribute("message"));
    }

    @Test
    void hostileTextStaysWellFormedAndReadsBack() throws Exception {
        String xml = XmlTestSupport.write(new JunitReporter(), ReportFixtures.hostile());
        Document doc = XmlTestSupport.parse(xml);
        Element testcase = XmlTestSupport.elements(doc.getDocumentElement(), "testcase").get(0);
        assertEquals(ReportSupport.xmlAttr(ReportFixtures.HOSTILE), testcase.getAttribute("name"));
        assertEquals(ReportFixtures.HOSTILE_PATH, testcase.getAttribute("classname"));
        Element failure = XmlTestSupport.children(testcase, "failure").get(0);
        String body = failure.getTextContent();
        String multiLine = ReportFixtures.xmlExpected(ReportFixtures.HOSTILE);
        assertTrue(multiLine.contains("line1\nline2\nline3\nend\ttab") && multiLine.contains("]]>"), multiLine);
        assertTrue(body.contains("error [hostile-rule] " + multiLine + "\n"), "the message survives in the body, line breaks and all");
        assertTrue(body.contains("match: " + multiLine + "\n"));
        assertTrue(body.contains("fix: " + multiLine + "\n"));
        assertTrue(failure.getAttribute("message").endsWith("[hostile-rule] " + ReportSupport.xmlAttr(ReportFixtures.HOSTILE)));
    }

    @Test
    void noPostingsIsAnEmptySuite() throws Exception {
        Document doc = XmlTestSupport.parse(XmlTestSupport.write(new JunitReporter(), ReportFixtures.report(List.of(), List.of())));
        assertEquals("0", doc.getDocumentElement().getAttribute("tests"));
        assertEquals(0, XmlTestSupport.elements(doc.getDocumentElement(), "testcase").size());
    }
}

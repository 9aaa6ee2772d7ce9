package dev.postinglint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class CheckstyleReporterTest {

    @Test
    void everyPostingIsAFileAndEveryFindingAnError() throws Exception {
        String xml = XmlTestSupport.write(new CheckstyleReporter(), ReportFixtures.sample());
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        Document doc = XmlTestSupport.parse(xml);
        Element root = doc.getDocumentElement();
        assertEquals("checkstyle", root.getTagName());
        assertEquals(CheckstyleReporter.FORMAT_VERSION, root.getAttribute("version"));
        List<Element> files = XmlTestSupport.children(root, "file");
        assertEquals(List.of("jobs/a.html", "jobs/b c/ünï#?.html", "jobs/c.html", "jobs/d.html"),
                files.stream().map(f -> f.getAttribute("name")).toList());
        List<Element> errors = XmlTestSupport.children(files.get(0), "error");
        assertEquals(4, errors.size());
        assertEquals(0, XmlTestSupport.children(files.get(2), "error").size());

        Element ninja = errors.stream().filter(e -> e.getAttribute("source").endsWith(".no-ninja")).findFirst().orElseThrow();
        assertEquals("2", ninja.getAttribute("line"));
        assertEquals("23", ninja.getAttribute("column"));
        assertEquals("error", ninja.getAttribute("severity"));
        assertEquals("'ninja' is jargon", ninja.getAttribute("message"));
        assertEquals("posting-lint.inclusive-language.no-ninja", ninja.getAttribute("source"));
        Element age = errors.stream().filter(e -> e.getAttribute("source").endsWith(".age-bias")).findFirst().orElseThrow();
        assertEquals("info", age.getAttribute("severity"));
        Element rock = errors.stream().filter(e -> e.getAttribute("source").endsWith(".no-rockstar")).findFirst().orElseThrow();
        assertEquals("warning", rock.getAttribute("severity"));
    }

    @Test
    void hostileTextStaysWellFormedAndReadsBack() throws Exception {
        String xml = XmlTestSupport.write(new CheckstyleReporter(), ReportFixtures.hostile());
        assertFalse(xml.contains("\u0000") || xml.contains("\u001b") || xml.contains("\ud800") || xml.contains("\ufffe"),
                "characters XML 1.0 forbids are written as visible escapes");
        Document doc = XmlTestSupport.parse(xml);
        Element file = XmlTestSupport.children(doc.getDocumentElement(), "file").get(0);
        assertEquals(ReportFixtures.HOSTILE_PATH, file.getAttribute("name"));
        Element error = XmlTestSupport.children(file, "error").get(0);
        String expected = ReportSupport.xmlAttr(ReportFixtures.HOSTILE);
        assertEquals(expected, error.getAttribute("message"));
        assertTrue(expected.contains("]]> ") && expected.contains("\ud83d\ude00") && expected.contains("\u6f22\u5b57")
                && expected.contains("<script>") && expected.contains("line1 line2 line3 end tab"),
                "the message keeps everything XML can carry: " + expected);
        assertEquals(2, XmlTestSupport.children(file, "error").size());
    }
}

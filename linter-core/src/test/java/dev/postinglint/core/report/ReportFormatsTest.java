package dev.postinglint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatsTest {

    @Test
    void everyFormatIsRegisteredByName() throws Exception {
        assertEquals(List.of("text", "json", "sarif", "checkstyle", "junit", "github", "html", "codeclimate"), ReportFormats.names());
        assertInstanceOf(SarifReporter.class, ReportFormats.create("sarif"));
        assertInstanceOf(CheckstyleReporter.class, ReportFormats.create("checkstyle"));
        assertInstanceOf(JunitReporter.class, ReportFormats.create("junit"));
        assertInstanceOf(GithubReporter.class, ReportFormats.create("github"));
        assertInstanceOf(HtmlReporter.class, ReportFormats.create("html"));
        for (String name : ReportFormats.names()) {
            StringWriter w = new StringWriter();
            ReportFormats.create(name).write(ReportFixtures.sample(), w);
            assertTrue(w.toString().contains("a.html"), name + " names the postings");
        }
        assertThrows(IllegalArgumentException.class, () -> ReportFormats.create("pdf"));
    }

    @Test
    void defaultFileNames() {
        assertEquals("posting-lint.sarif", ReportFormats.defaultFileName("sarif"));
        assertEquals("posting-lint-checkstyle.xml", ReportFormats.defaultFileName("checkstyle"));
        assertEquals("TEST-posting-lint.xml", ReportFormats.defaultFileName("junit"));
        assertEquals("posting-lint.github.txt", ReportFormats.defaultFileName("github"));
        assertEquals("posting-lint.html", ReportFormats.defaultFileName("html"));
        assertEquals("posting-lint.txt", ReportFormats.defaultFileName("text"));
        assertEquals("posting-lint.json", ReportFormats.defaultFileName("json"));
        assertEquals("gl-code-quality-report.json", ReportFormats.defaultFileName("codeclimate"));
    }
}

package dev.postinglint.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.report.ReportFormats;
import java.io.File;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.doxia.sink.impl.Xhtml5BaseSink;
import org.apache.maven.reporting.MavenReportException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The report goal as maven-site-plugin drives a Maven report: {@code canGenerateReport()}, then
 * {@code generate(sink, null, locale)} into the site's directory. The module has two errors in one of its two
 * postings; the report never fails on them. (The standalone goal and {@code mvn site} run in the invoker builds
 * report-goal and site-report.)
 */
@MojoTest
@Basedir("/projects/violations")
class ReportMojoTest {
    @Test
    @InjectMojo(goal = "report")
    @MojoParameter(name = "filesDirectory", value = "${project.build.directory}/report-default")
    void rendersThePageAndWritesTheFilesDespiteErrors(ReportMojo mojo) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        Path files = mojo.filesDirectory.toPath();
        Path site = files.resolveSibling("report-default-site");
        deleteTree(files); // target/test-classes survives between builds
        deleteTree(site);
        mojo.setReportOutputDirectory(site.toFile());

        assertTrue(mojo.canGenerateReport());
        Document page = generate(mojo);

        List<String> expected = ReportMojo.reportFormats(ReportFormats.names(), List.of());
        for (String format : expected) {
            Path file = files.resolve(ReportFormats.defaultFileName(format));
            assertTrue(Files.isRegularFile(file), file.toString());
            assertTrue(log.at("INFO").contains("posting-lint: wrote target/report-default/" + file.getFileName()), log.lines.toString());
        }
        try (var listed = Files.list(files)) {
            assertEquals(expected.size(), listed.count());
        }
        assertTrue(log.at("INFO").contains("posting-lint: 2 files checked: 2 errors, 0 warnings, 0 infos"), log.lines.toString());
        assertEquals(List.of(), log.at("ERROR"));

        assertEquals("posting-lint", page.select("h1").text());
        assertEquals(List.of("2", "1", "2", "0", "0", "0", "0"), page.select("#summary ~ table td").eachText());
        assertEquals(List.of("accommodation-statement-present", "eeo-statement-present"), SiteReportRendererTest.column(page, "rules", 0));
        assertEquals(List.of("src/postings/backend-engineer.html"), page.select("h3").eachText());
        assertTrue(page.text().contains("5:5 error accommodation-statement-present"), page.text());

        // The HTML report is written to the files directory and copied beside the page, which links to it.
        Path copy = site.resolve(ReportMojo.INTERACTIVE);
        assertArrayEquals(Files.readAllBytes(files.resolve("posting-lint.html")), Files.readAllBytes(copy));
        assertEquals(ReportMojo.INTERACTIVE, page.select("a:contains(interactive report)").attr("href"));
    }

    @Test
    @InjectMojo(goal = "report")
    @MojoParameter(name = "formats", value = "text")
    @MojoParameter(name = "filesDirectory", value = "${project.build.directory}/report-text")
    void writesTheFormatsAskedFor(ReportMojo mojo) throws Exception {
        mojo.setLog(new RecordingLog());
        mojo.setReportOutputDirectory(new File(mojo.filesDirectory, "site"));
        generate(mojo);
        String text = Files.readString(mojo.filesDirectory.toPath().resolve("posting-lint.txt"));
        assertTrue(text.contains("src/postings/backend-engineer.html:5:5: error [accommodation-statement-present]"), text);
    }

    @Test
    @InjectMojo(goal = "report")
    @MojoParameter(name = "sourceDirectories", value = "no-such-directory")
    void aModuleWithoutPostingsHasNoPage(ReportMojo mojo) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        assertFalse(mojo.canGenerateReport());
        assertEquals(List.of("posting-lint: no postings directory (no-such-directory), skipping"), log.at("INFO"));
    }

    @Test
    @InjectMojo(goal = "report")
    @MojoParameter(name = "skip", value = "true")
    void skipMeansNoPage(ReportMojo mojo) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        assertFalse(mojo.canGenerateReport());
        assertEquals(List.of("posting-lint: skipped (posting-lint.skip)"), log.at("INFO"));
    }

    @Test
    @InjectMojo(goal = "report")
    @MojoParameter(name = "siteFindingsLimit", value = "-1")
    @MojoParameter(name = "filesDirectory", value = "${project.build.directory}/report-bad-limit")
    void aNegativeLimitIsAClearError(ReportMojo mojo) {
        mojo.setLog(new RecordingLog());
        MavenReportException e = assertThrows(MavenReportException.class, () -> generate(mojo));
        assertEquals("posting-lint: siteFindingsLimit must be 0 or more, not -1", e.getMessage());
        assertFalse(Files.exists(mojo.filesDirectory.toPath()));
    }

    /** Renders the page as the site plugin would, into an XHTML sink, and parses it. */
    static Document generate(ReportMojo mojo) throws MavenReportException {
        StringWriter out = new StringWriter();
        mojo.generate(new Xhtml5BaseSink(out), null, Locale.ENGLISH);
        return Jsoup.parse(out.toString());
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package dev.postinglint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.Waiver;
import dev.postinglint.core.source.FilePlace;
import dev.postinglint.core.source.SourceText;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A waived error in each format: listed and marked, failing nothing; SARIF still valid against the schema. */
class WaivedReportsTest {
    static final Waiver WAIVER = new Waiver(List.of("no-rockstar"), null, "a", "Legacy text \"kept\" <until> Q3",
            "Jane Doe", LocalDate.of(2026, 6, 30), new FilePlace("team.yaml", 14, 5), null);

    static LintReport report() {
        SourceText a = new SourceText("jobs/a.html", "<h1>Job</h1>\n<p>We need a rockstar ninja.</p>\n");
        int rock = a.text().indexOf("rockstar");
        int ninja = a.text().indexOf("ninja");
        Finding waived = ReportFixtures.finding(a, "no-rockstar", "inclusive-language", Severity.ERROR, "Avoid 'rockstar'",
                rock, rock + 8, null, null).withWaiver(WAIVER);
        Finding warning = ReportFixtures.finding(a, "no-ninja", "inclusive-language", Severity.WARNING, "Avoid 'ninja'",
                ninja, ninja + 5, null, null);
        return ReportFixtures.report(List.of(new FileResult("jobs/a.html", List.of(waived, warning), "team", "Job", null, false)), List.of());
    }

    static String write(Reporter r, LintReport report) throws IOException {
        StringWriter w = new StringWriter();
        r.write(report, w);
        return w.toString();
    }

    @Test
    void theSummaryCountsTheWaivedErrorApart() {
        var s = report().summary();
        assertEquals(0, s.errors());
        assertEquals(1, s.warnings());
        assertEquals(1, s.waived());
        assertFalse(s.reaches(Severity.ERROR));
        assertTrue(s.reaches(Severity.WARNING));
    }

    @Test
    void sarifCarriesAnExternalAcceptedSuppressionAndStaysValid() throws IOException {
        SarifReporterTest.loadSchema();
        JsonNode root = SarifReporterTest.validated(report());
        JsonNode results = root.at("/runs/0/results");
        JsonNode s = results.get(0).get("suppressions").get(0);
        assertEquals("external", s.get("kind").asText());
        assertEquals("accepted", s.get("status").asText());
        assertEquals("Legacy text \"kept\" <until> Q3", s.get("justification").asText());
        assertEquals("Jane Doe", s.at("/properties/approvedBy").asText());
        assertEquals("2026-06-30", s.at("/properties/expires").asText());
        assertEquals("team.yaml:14:5", s.at("/properties/waiver").asText());
        assertFalse(results.get(1).has("suppressions"));
    }

    @Test
    void textMarksItAndQuietLeavesItOut() throws IOException {
        String text = write(new TextReporter(), report());
        assertTrue(text.contains("error [no-rockstar] Avoid 'rockstar' [waived until 2026-06-30, approved by Jane Doe: Legacy text \"kept\" <until> Q3]"), text);
        assertTrue(text.contains("1 file checked: 0 errors, 1 warning, 0 infos, 1 waived"), text);
        String quiet = write(new TextReporter(false, Severity.ERROR), report());
        assertFalse(quiet.contains("no-rockstar"), quiet);
    }

    @Test
    void junitPassesThePostingAndListsTheWaiver() throws IOException {
        String xml = write(new JunitReporter(), report());
        assertTrue(xml.contains("failures=\"0\""), xml);
        assertFalse(xml.contains("<failure"), xml);
        assertTrue(xml.contains("waived until 2026-06-30, approved by Jane Doe"), xml);
    }

    @Test
    void checkstyleAndGithubDowngradeItToANoteWithTheWaiver() throws IOException {
        String cs = write(new CheckstyleReporter(), report());
        assertTrue(cs.contains("severity=\"info\" message=\"[waived until 2026-06-30, approved by Jane Doe: Legacy text &quot;kept&quot; &lt;until&gt; Q3] Avoid 'rockstar'\""), cs);
        String gh = write(new GithubReporter(), report());
        assertTrue(gh.contains("\n::notice file=jobs/a.html,line=2,col=14,endLine=2,endColumn=22,title=[no-rockstar] waived::Avoid 'rockstar'%0Awaived until 2026-06-30"), gh);
        assertTrue(gh.contains("0 errors, 1 warning, 0 infos, 1 waived"), gh);
    }

    @Test
    void jsonAndHtmlDataCarryTheWaiver() throws Exception {
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(write(new JsonReporter(), report()));
        assertEquals("Jane Doe", json.at("/files/0/findings/0/waiver/approvedBy").asText());
        assertEquals("a", json.at("/files/0/findings/0/waiver/posting").asText());
        assertTrue(json.at("/files/0/findings/1/waiver").isNull());
        assertEquals(1, json.at("/summary/waived").asInt());
        String data = HtmlReporter.dataJson(report());
        JsonNode html = HtmlData.decode(data);
        assertEquals("2026-06-30", html.at("/files/0/findings/0/waiver/expires").asText());
        assertEquals(0, html.at("/files/0/errors").asInt());
        assertTrue(html.at("/files/0/passes").asBoolean());
        assertEquals(0, html.at("/categories/0/errors").asInt(), "the chart leaves waived findings out");
    }
}

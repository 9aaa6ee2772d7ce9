package dev.postinglint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.RuleDescription;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.Summary;
import dev.postinglint.core.model.Waiver;
import dev.postinglint.core.source.FilePlace;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceText;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.impl.Xhtml5BaseSink;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The site page, rendered into Doxia's XHTML5 sink and read back as HTML. */
class SiteReportRendererTest {
    private static final String HOSTILE = "<script>alert(1)</script> {click here, https://evil.example/} &amp;";

    @Test
    void summaryCountsEveryPostingAndFinding() {
        Document page = render(sample(), "posting-lint/posting-lint.html", 1000);
        assertEquals("posting-lint", page.select("h1").text());
        assertEquals(List.of("Postings checked", "Postings with findings", "Errors", "Warnings", "Infos", "Waived", "Suppressed"),
                page.select("#summary ~ table th").eachText());
        assertEquals(List.of("3", "2", "3", "1", "1", "1", "0"), page.select("#summary ~ table td").eachText());
        assertTrue(page.text().contains("posting-lint 9.9.9-test checked the postings as of 2025-06-01. Policies: builtin:default, acme.yaml."),
                page.text());
        assertEquals("posting-lint/posting-lint.html", page.select("a:contains(Open the interactive report)").attr("href"));
    }

    @Test
    void rulesAreRankedBySeverityThenByPostingsAffected() {
        Document page = render(sample(), null, 1000);
        // eeo (error, 2 postings) before ninja (error, 1 posting); rockstar (warning, 2 postings, one waived) counts once.
        assertEquals(List.of("eeo-statement-present", "no-ninja", "no-rockstar", "age-bias"), column(page, "rules", 0));
        assertEquals(List.of("error", "error", "warning", "info"), column(page, "rules", 1));
        assertEquals(List.of("2", "1", "1", "1"), column(page, "rules", 2));
        assertEquals(List.of("2", "1", "1", "1"), column(page, "rules", 3));
        assertEquals(List.of("Says the employer does not discriminate.", "-", "-", "-"), column(page, "rules", 4));

        // The citation link from the rule catalogue wins over a finding's; only web links become anchors.
        Element table = page.selectFirst("#rules ~ table");
        assertEquals("https://www.eeoc.gov/", table.select("a:contains(eeo-statement-present)").attr("href"));
        assertEquals("https://example.org/rockstar", table.select("a:contains(no-rockstar)").attr("href"));
        assertTrue(table.select("a:contains(age-bias)").isEmpty(), "javascript: is no link");
        assertTrue(table.select("a:contains(no-ninja)").isEmpty());
        assertTrue(page.select("a:contains(interactive report)").isEmpty(), "no HTML report, no link");
    }

    @Test
    void findingsArePerPostingInReadingOrderWithWaiversMarked() {
        Document page = render(sample(), null, 1000);
        assertEquals(List.of("jobs/a.html", "jobs/b.html"), page.select("#findings ~ section h3").eachText());
        List<List<String>> a = rows(page.select("#findings ~ section").get(0));
        assertEquals(List.of("Line:Col", "Severity", "Rule", "Message"), a.get(0));
        assertEquals(List.of("1:1", "error", "eeo-statement-present", "No equal-opportunity statement"), a.get(1));
        assertEquals(List.of("2:14", "warning", "no-rockstar", "'rockstar' is jargon"), a.get(2));
        assertEquals(List.of("2:23", "error", "no-ninja", "'ninja' is jargon"), a.get(3));
        assertEquals(List.of("3:4", "info", "age-bias", "'Young and hungry' suggests an age preference"), a.get(4));
        List<List<String>> b = rows(page.select("#findings ~ section").get(1));
        assertEquals(List.of("2:14", "warning, waived", "no-rockstar",
                "'rockstar' is jargon (waived until 2026-12-31, approved by Jane Roe: an agreed exception)"), b.get(2));
        assertFalse(page.text().contains("Showing"), "nothing is left out");
    }

    @Test
    void aHugeRepositoryListsTheMostSeriousFindingsAndSaysSo() {
        Document page = render(sample(), "posting-lint/posting-lint.html", 3);
        // 6 findings: the 3 errors are listed (2 eeo, 1 ninja); the warning, the info and the waived one are left out.
        assertTrue(page.text().contains("Showing 3 of 6 findings, most serious first (siteFindingsLimit). The interactive report lists every one."),
                page.text());
        assertEquals("posting-lint/posting-lint.html", page.select("a:contains(lists every one)").attr("href"));
        assertEquals(List.of("error", "error", "error"), page.select("#findings ~ section td:eq(1)").eachText());
        assertEquals(List.of("eeo-statement-present", "no-ninja", "eeo-statement-present"), page.select("#findings ~ section td:eq(2)").eachText());
        // The summary and the rules still count everything.
        assertEquals(List.of("3", "2", "3", "1", "1", "1", "0"), page.select("#summary ~ table td").eachText());
        assertEquals(4, column(page, "rules", 0).size());

        Document none = render(sample(), null, 0);
        assertTrue(none.text().contains("Showing 0 of 6 findings"), none.text());
        assertTrue(none.select("#findings ~ section").isEmpty());
    }

    @Test
    void postingTextIsEscapedAndNeverBecomesALink() {
        SourceText s = new SourceText("jobs/<img src=x>.html", "<p>x</p>\n");
        Finding f = new Finding("hostile", "hostile", Severity.ERROR, HOSTILE + "\nsecond line", s.span(3, 4), "x",
                "javascript:alert(1)", null, SourceLine.NONE);
        List<FileResult> files = List.of(new FileResult("jobs/<img src=x>.html", List.of(f), "p", null, null, false));
        StringWriter out = new StringWriter();
        new SiteReportRenderer(new Xhtml5BaseSink(out), SiteReportRenderer.bundle(Locale.ENGLISH), report(files, List.of()), null, 10)
                .render();
        String html = out.toString();
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img"), html);
        Document page = Jsoup.parse(html);
        assertTrue(page.select("a").stream().noneMatch(a -> a.attr("href").contains("evil") || a.attr("href").startsWith("javascript")),
                html);
        assertEquals(List.of("jobs/<img src=x>.html"), page.select("h3").eachText());
        assertEquals(HOSTILE + " second line", page.select("#findings ~ section td:eq(3)").text());
    }

    @Test
    void aCleanRunSaysSo() {
        List<FileResult> files = List.of(new FileResult("jobs/a.html", List.of(), "p", null, null, false));
        Document page = render(report(files, List.of()), null, 10);
        assertEquals(List.of("1", "0", "0", "0", "0", "0", "0"), page.select("#summary ~ table td").eachText());
        assertTrue(page.text().contains("No rule found anything."), page.text());
        assertTrue(page.text().contains("No findings."), page.text());
    }

    /**
     * Three postings: a.html with an error found twice over the corpus (eeo), a ninja error, a rockstar warning and
     * an age info; b.html with eeo and a waived rockstar; c.html clean.
     */
    static LintReport sample() {
        SourceText a = new SourceText("jobs/a.html", "<h1>Rockstar wanted</h1>\n<p>We need a rockstar ninja.</p>\n<p>Young\nand hungry</p>\n");
        int rock = a.text().indexOf("rockstar");
        int ninja = a.text().indexOf("ninja");
        int young = a.text().indexOf("Young");
        List<Finding> fa = new ArrayList<>(List.of(
                finding(a, "no-rockstar", Severity.WARNING, "'rockstar' is jargon", rock, rock + 8, "https://example.org/rockstar"),
                finding(a, "no-ninja", Severity.ERROR, "'ninja' is jargon", ninja, ninja + 5, null),
                finding(a, "age-bias", Severity.INFO, "'Young and hungry' suggests an age preference", young, young + 16,
                        "javascript:alert(1)"),
                finding(a, "eeo-statement-present", Severity.ERROR, "No equal-opportunity statement", 0, 0, "https://example.org/eeo")));
        fa.sort(Finding.ORDER);
        SourceText b = new SourceText("jobs/b.html", "<h1>Data</h1>\n<p>We need a rockstar.</p>\n");
        int rockB = b.text().indexOf("rockstar");
        Waiver waiver = new Waiver(List.of("no-rockstar"), "jobs/b.html", null, "an agreed exception", "Jane Roe",
                LocalDate.of(2026, 12, 31), new FilePlace("acme.yaml", 3, 5), Path.of("."));
        List<Finding> fb = new ArrayList<>(List.of(
                finding(b, "eeo-statement-present", Severity.ERROR, "No equal-opportunity statement", 0, 0, null),
                finding(b, "no-rockstar", Severity.WARNING, "'rockstar' is jargon", rockB, rockB + 8, null).withWaiver(waiver)));
        fb.sort(Finding.ORDER);
        List<FileResult> files = List.of(
                new FileResult("jobs/a.html", fa, "acme.yaml", "Rockstar wanted", null, false),
                new FileResult("jobs/b.html", fb, "acme.yaml", "Data", null, false),
                new FileResult("jobs/c.html", List.of(), "acme.yaml", "Clean", null, false));
        List<RuleDescription> rules = List.of(new RuleDescription("eeo-statement-present", "eeo", Severity.ERROR,
                "Says the employer does not discriminate.", "https://www.eeoc.gov/", "No equal-opportunity statement", "builtin:default"));
        return report(files, rules);
    }

    static Finding finding(SourceText source, String ruleId, Severity severity, String message, int start, int end, String link) {
        var span = source.span(start, end);
        return new Finding(ruleId, "test", severity, message, span, source.text().substring(start, end), link, null,
                SourceLine.around(source, span.start()));
    }

    static LintReport report(List<FileResult> files, List<RuleDescription> rules) {
        return new LintReport("9.9.9-test", LocalDate.of(2025, 6, 1), List.of("builtin:default", "acme.yaml"), files,
                Summary.of(files), Duration.ofMillis(5), List.of(), rules);
    }

    static Document render(LintReport report, String interactiveLink, int limit) {
        StringWriter out = new StringWriter();
        new SiteReportRenderer(new Xhtml5BaseSink(out), SiteReportRenderer.bundle(Locale.ENGLISH), report, interactiveLink, limit)
                .render();
        return Jsoup.parse(out.toString());
    }

    /** The text of one column of the body rows of the table that follows the anchor {@code id}. */
    static List<String> column(Document page, String id, int index) {
        Element table = page.selectFirst("#" + id + " ~ table");
        List<String> out = new ArrayList<>();
        for (Element row : table.select("tr:has(td)")) {
            out.add(row.select("td").get(index).text());
        }
        return out;
    }

    /** Every row of the first table in {@code section}, header row included, as cell texts. */
    static List<List<String>> rows(Element section) {
        List<List<String>> out = new ArrayList<>();
        for (Element row : section.selectFirst("table").select("tr")) {
            out.add(row.select("th, td").eachText());
        }
        return out;
    }
}

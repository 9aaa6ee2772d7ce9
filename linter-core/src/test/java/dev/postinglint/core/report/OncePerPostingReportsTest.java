package dev.postinglint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A finding reported once per posting in every format: its other places shown compactly (text, github, checkstyle,
 * junit), listed in full where the format has room (JSON related, SARIF relatedLocations, Code Climate
 * other_locations, the HTML data), and its fix as every place's edit. Also the text format's citations.
 */
class OncePerPostingReportsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void loadSchema() throws IOException {
        SarifReporterTest.loadSchema(); // what SarifReporterTest.validated checks against
    }

    static String write(Reporter r, LintReport report) throws IOException {
        StringWriter w = new StringWriter();
        r.write(report, w);
        return w.toString();
    }

    @Test
    void textShowsTheFindingOnceAndNamesItsOtherPlaces() throws IOException {
        String text = write(new TextReporter(false, Severity.INFO), ReportFixtures.onePerPosting());
        assertEquals(2, text.split("\\[pasted-inline-style]", -1).length - 1, text);
        assertTrue(text.contains("jobs/pasted.html:1:4: info [pasted-inline-style] <span style=...> was pasted in\n"), text);
        assertTrue(text.contains("       = and 3 more places: 2:4, 2:42, 3:5\n"), text);
        assertFalse(text.contains("more place: "), "the one-place finding of jobs/one.html lists nothing more:\n" + text);
        assertTrue(text.contains("pasted-inline-style  info             2         2        2"), text);
    }

    @Test
    void textNamesEachRulesCitationOnceAndEachFindingsWithVerbose() throws IOException {
        String text = write(new TextReporter(false, Severity.INFO), ReportFixtures.onePerPosting());
        String table = text.substring(text.indexOf("rule "));
        assertTrue(table.startsWith("rule                 severity  postings  findings  fixable  citation\n"), table);
        assertTrue(table.contains("pay-range-present    error            1         2        0"
                + "  https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=LAB&sectionNum=432.3 (+1 other, --verbose)\n"), table);
        assertTrue(table.contains("  https://www.w3.org/WAI/WCAG22/Understanding/info-and-relationships.html\n"), table);
        assertFalse(text.contains("= see "), "citations under findings only with --verbose");

        String verbose = write(new TextReporter(false, Severity.INFO, true), ReportFixtures.onePerPosting());
        assertTrue(verbose.contains("[pay-range-present] No pay range for Washington\n     4 | <p>Pay: competitive.</p>\n"
                + "       |         ^^^^^^^^^^^\n       = see https://app.leg.wa.gov/RCW/default.aspx?cite=49.58.110\n"), verbose);
        assertTrue(verbose.contains("(+1 other)\n"), verbose);
    }

    @Test
    void jsonListsTheRelatedPlacesEachWithItsEdit() throws IOException {
        JsonNode root = JSON.readTree(write(new JsonReporter(), ReportFixtures.onePerPosting()));
        JsonNode f = root.at("/files/0/findings/0");
        assertEquals("pasted-inline-style", f.get("ruleId").asText());
        assertEquals(4, f.get("places").asInt());
        assertEquals(3, f.get("related").size());
        JsonNode second = f.get("related").get(0);
        assertEquals(2, second.get("line").asInt());
        assertEquals(4, second.get("column").asInt());
        assertEquals("<span style=...> was pasted in", second.get("message").asText());
        assertEquals("", second.at("/fix/replacement").asText());
        assertEquals("Remove the style attribute", second.at("/fix/description").asText());
        assertTrue(root.at("/files/0/findings/1").get("related") == null, "other findings have no related places");
        assertEquals(1, root.at("/files/1/findings/0/places").asInt());
        assertEquals(0, root.at("/files/1/findings/0/related").size());
    }

    @Test
    void sarifHasRelatedLocationsLinkedFromTheMessageAndOneFixWithEveryReplacement() throws IOException {
        JsonNode root = SarifReporterTest.validated(ReportFixtures.onePerPosting());
        JsonNode result = null;
        for (JsonNode r : root.at("/runs/0/results")) {
            if (r.get("ruleId").asText().equals("pasted-inline-style") && r.has("relatedLocations")) {
                result = r;
            }
        }
        assertTrue(result != null, root.toString());
        assertEquals("<span style=...> was pasted in (and 3 more places in this posting: [2:4](1), [2:42](2), [3:5](3))",
                result.at("/message/text").asText());
        JsonNode related = result.get("relatedLocations");
        assertEquals(3, related.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1, related.get(i).get("id").asInt());
            assertEquals("jobs/pasted.html", related.get(i).at("/physicalLocation/artifactLocation/uri").asText());
        }
        assertEquals(2, related.get(1).at("/physicalLocation/region/startLine").asInt());
        assertEquals(42, related.get(1).at("/physicalLocation/region/startColumn").asInt());
        JsonNode replacements = result.at("/fixes/0/artifactChanges/0/replacements");
        assertEquals(4, replacements.size(), "one replacement per place");
        List<Integer> lines = new ArrayList<>();
        replacements.forEach(r -> lines.add(r.at("/deletedRegion/startLine").asInt()));
        assertEquals(List.of(1, 2, 2, 3), lines);
    }

    @Test
    void aGroupedFindingsFingerprintIgnoresItsPlaces() throws IOException {
        LintReport report = ReportFixtures.onePerPosting();
        Finding grouped = report.files().get(0).findings().get(0);
        // The same posting with its first place gone: another excerpt, fewer places, the same fingerprint.
        List<Finding> rest = new ArrayList<>();
        for (var p : grouped.related()) {
            rest.add(new Finding(grouped.ruleId(), grouped.category(), grouped.severity(), p.message(), p.span(), p.excerpt(),
                    grouped.link(), p.fix(), grouped.line()));
        }
        LintReport fewer = ReportFixtures.report(List.of(report.files().get(0).withFindings(List.of(Finding.onePerPosting(rest)))), List.of());
        String before = SarifReporterTest.validated(report).at("/runs/0/results/0/partialFingerprints").toString();
        String after = SarifReporterTest.validated(fewer).at("/runs/0/results/0/partialFingerprints").toString();
        assertEquals(before, after);
        String cc = write(new CodeClimateReporter(), report);
        String ccFewer = write(new CodeClimateReporter(), fewer);
        assertEquals(JSON.readTree(cc).at("/0/fingerprint"), JSON.readTree(ccFewer).at("/0/fingerprint"));
    }

    @Test
    void codeClimateGivesOtherLocationsAndTheLineFormatsNameTheFirstFew() throws IOException {
        LintReport report = ReportFixtures.onePerPosting();
        JsonNode cc = JSON.readTree(write(new CodeClimateReporter(), report));
        JsonNode issue = cc.get(0);
        assertEquals("<span style=...> was pasted in (and 3 more places: 2:4, 2:42, 3:5)", issue.get("description").asText());
        assertEquals(3, issue.get("other_locations").size());
        assertEquals(3, issue.at("/other_locations/2/lines/begin").asInt());
        try (InputStream in = CodeClimateReporterTest.class.getResourceAsStream("gitlab-code-quality.schema.json")) {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
            assertEquals(List.of(), schema.validate(cc).stream().map(Error::toString).toList());
        }

        String checkstyle = write(new CheckstyleReporter(), report);
        assertTrue(checkstyle.contains("message=\"&lt;span style=...&gt; was pasted in (and 3 more places: 2:4, 2:42, 3:5)\""), checkstyle);
        String github = write(new GithubReporter(Severity.INFO), report);
        assertTrue(github.contains("::<span style=...> was pasted in (and 3 more places: 2:4, 2:42, 3:5)%0ASuggested fix: Remove the style attribute"),
                github);
        String junit = write(new JunitReporter(), report);
        assertTrue(junit.contains("fix: Remove the style attribute (at all 4 places)"), junit);
    }

    @Test
    void theHtmlDataCarriesThePlacesAsLineColumnPairs() throws IOException {
        String html = write(new HtmlReporter(), ReportFixtures.onePerPosting());
        JsonNode data = JSON.readTree(Jsoup.parse(html).selectFirst("script#report-data").data());
        JsonNode grouped = null;
        for (JsonNode f : data.at("/files/0/10")) {
            if (f.size() > 15) {
                grouped = f;
            }
        }
        assertTrue(grouped != null, data.toString());
        assertEquals("[2,4,2,42,3,5]", grouped.get(15).toString());
    }
}

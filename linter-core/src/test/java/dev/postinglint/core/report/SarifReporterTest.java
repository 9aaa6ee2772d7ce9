package dev.postinglint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.RuleDescription;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.source.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SarifReporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SarifReporterTest.class.getResourceAsStream("sarif-schema-2.1.0.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
    }

    static String sarif(LintReport report) throws IOException {
        StringWriter w = new StringWriter();
        new SarifReporter().write(report, w);
        return w.toString();
    }

    static JsonNode validated(LintReport report) throws IOException {
        return validated(report, new SarifReporter());
    }

    static JsonNode validated(LintReport report, SarifReporter reporter) throws IOException {
        StringWriter w = new StringWriter();
        reporter.write(report, w);
        JsonNode node = JSON.readTree(w.toString());
        List<Error> errors = schema.validate(node, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), "SARIF must validate against the 2.1.0 schema");
        return node;
    }

    @Test
    void theSchemaCatchesBrokenSarif() throws IOException {
        JsonNode node = JSON.readTree(sarif(ReportFixtures.sample()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("runs").get(0).get("results").get(0)).put("level", "fatal");
        assertFalse(schema.validate(node).isEmpty(), "the validator must reject an invalid level, or the other tests prove nothing");
    }

    @Test
    void sampleReportValidatesAndCarriesWhatGithubNeeds() throws IOException {
        JsonNode root = validated(ReportFixtures.sample());
        assertEquals("2.1.0", root.get("version").asText());
        assertEquals(SarifReporter.SCHEMA_URI, root.get("$schema").asText());
        JsonNode run = root.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertEquals("posting-lint", driver.get("name").asText());
        assertEquals("9.9.9-test", driver.get("version").asText());
        assertTrue(driver.get("informationUri").asText().startsWith("https://"));

        JsonNode rules = driver.get("rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.get("id").asText()));
        assertEquals(List.of("age-bias", "eeo-statement-present", "fast-paced", "input-error", "no-ninja", "no-rockstar"), ids);
        JsonNode rockstar = rules.get(ids.indexOf("no-rockstar"));
        assertEquals("NoRockstar", rockstar.get("name").asText());
        assertEquals("https://example.org/rules/rockstar", rockstar.get("helpUri").asText());
        assertEquals("warning", rockstar.get("defaultConfiguration").get("level").asText());
        assertTrue(rockstar.get("shortDescription").get("text").asText().contains("no-rockstar"));
        assertTrue(rockstar.get("fullDescription").get("text").asText().contains("inclusive-language"));
        assertFalse(rules.get(ids.indexOf("age-bias")).has("helpUri"), "a javascript: link must not become a helpUri");
        assertEquals("note", rules.get(ids.indexOf("age-bias")).get("defaultConfiguration").get("level").asText());

        JsonNode results = run.get("results");
        assertEquals(6, results.size());
        for (JsonNode r : results) {
            assertEquals(r.get("ruleId").asText(), rules.get(r.get("ruleIndex").asInt()).get("id").asText());
            assertFalse(r.get("message").get("text").asText().isBlank());
            assertTrue(r.get("partialFingerprints").get(SarifReporter.FINGERPRINT_KEY).asText().matches("[0-9a-f]{64}"));
        }
        JsonNode ninja = find(results, "no-ninja");
        assertEquals("error", ninja.get("level").asText());
        JsonNode loc = ninja.get("locations").get(0).get("physicalLocation");
        assertEquals("jobs/a.html", loc.get("artifactLocation").get("uri").asText());
        assertEquals(SarifReporter.SRCROOT, loc.get("artifactLocation").get("uriBaseId").asText());
        JsonNode region = loc.get("region");
        assertEquals(2, region.get("startLine").asInt());
        assertEquals(23, region.get("startColumn").asInt());
        assertEquals(2, region.get("endLine").asInt());
        assertEquals(28, region.get("endColumn").asInt());
        assertFalse(ninja.has("fixes"));
        // Each result carries its own finding's citation (a jurisdiction's law); never a non-web link.
        assertEquals("https://example.org/rules/rockstar", find(results, "no-rockstar").get("properties").get("citation").asText());
        assertFalse(ninja.get("properties").has("citation"));

        JsonNode age = find(results, "age-bias");
        assertEquals("note", age.get("level").asText());
        JsonNode ageRegion = age.get("locations").get(0).get("physicalLocation").get("region");
        assertEquals(3, ageRegion.get("startLine").asInt());
        assertEquals(4, ageRegion.get("endLine").asInt());
        assertEquals(11, ageRegion.get("endColumn").asInt());
        assertFalse(age.get("properties").has("citation"), "javascript: is no citation");

        JsonNode fast = find(results, "fast-paced");
        assertEquals("jobs/b%20c/%C3%BCn%C3%AF%23%3F.html",
                fast.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText());
        assertEquals("utf16CodeUnits", run.get("columnKind").asText());
        assertFalse(run.get("invocations").get(0).get("executionSuccessful").asBoolean(), "jobs/d.html could not be read");
    }

    @Test
    void fixesBecomeReplacements() throws IOException {
        JsonNode results = validated(ReportFixtures.sample()).get("runs").get(0).get("results");
        JsonNode fix = find(results, "no-rockstar").get("fixes").get(0);
        assertEquals("Replace 'rockstar' with 'skilled engineer'", fix.get("description").get("text").asText());
        JsonNode change = fix.get("artifactChanges").get(0);
        assertEquals("jobs/a.html", change.get("artifactLocation").get("uri").asText());
        JsonNode replacement = change.get("replacements").get(0);
        assertEquals("skilled engineer", replacement.get("insertedContent").get("text").asText());
        JsonNode deleted = replacement.get("deletedRegion");
        assertEquals(2, deleted.get("startLine").asInt());
        assertEquals(14, deleted.get("startColumn").asInt());
        assertEquals(2, deleted.get("endLine").asInt());
        assertEquals(22, deleted.get("endColumn").asInt());
    }

    @Test
    void hostileTextRoundTripsAndStillValidates() throws IOException {
        JsonNode results = validated(ReportFixtures.hostile()).get("runs").get(0).get("results");
        String expected = ReportSupport.wellFormed(ReportFixtures.HOSTILE);
        assertTrue(expected.contains("\ufffd") && !expected.contains("\ud800"), "the lone surrogate becomes U+FFFD");
        JsonNode first = results.get(0);
        assertEquals(expected, first.get("message").get("text").asText());
        assertEquals(expected, first.get("properties").get("excerpt").asText());
        JsonNode fix = first.get("fixes").get(0);
        assertEquals(expected, fix.get("description").get("text").asText());
        assertEquals(expected, fix.get("artifactChanges").get(0).get("replacements").get(0).get("insertedContent").get("text").asText());
        assertEquals("evil/%3Cimg%20src=x%20onerror=alert(1)%3E%20%22q%22,title=pwned%3A%3Ax%20100%25.html",
                first.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText());
        assertFalse(validated(ReportFixtures.hostile()).get("runs").get(0).get("tool").get("driver").get("rules").get(0).has("helpUri"),
                "the hostile rule's link is not a URI");
    }

    @Test
    void absolutePathsBecomeFileUrisWithoutBase() throws IOException {
        SourceText s = new SourceText("/tmp/x y.html", "<p>ninja</p>");
        Finding f = ReportFixtures.finding(s, "no-ninja", "inclusive-language", Severity.ERROR, "no", 3, 8, null, null);
        JsonNode loc = validated(ReportFixtures.report(List.of(new FileResult("/tmp/x y.html", List.of(f), "p", null, null, false)), List.of()))
                .get("runs").get(0).get("results").get(0).get("locations").get(0).get("physicalLocation").get("artifactLocation");
        assertEquals("file:///tmp/x%20y.html", loc.get("uri").asText());
        assertFalse(loc.has("uriBaseId"));
    }

    @Test
    void ruleDescriptionsAndHelpComeFromTheRunsRuleCatalogue() throws IOException {
        LintReport sample = ReportFixtures.sample();
        LintReport described = new LintReport(sample.toolVersion(), sample.asOf(), sample.policies(), sample.files(), sample.summary(),
                sample.elapsed(), sample.drift(), List.of(new RuleDescription("no-rockstar", "inclusive-language", Severity.WARNING,
                        "Flags 'rockstar' and 'ninja'-style titles.  They put off applicants who do not see themselves that way.\n",
                        "https://example.org/guide/rockstar", "'{match}' is jargon", "builtin:inclusive-language")));
        JsonNode rules = validated(described).get("runs").get(0).get("tool").get("driver").get("rules");
        JsonNode rockstar = null;
        for (JsonNode r : rules) {
            rockstar = r.get("id").asText().equals("no-rockstar") ? r : rockstar;
        }
        assertEquals("Flags 'rockstar' and 'ninja'-style titles.", rockstar.at("/shortDescription/text").asText());
        assertEquals("Flags 'rockstar' and 'ninja'-style titles. They put off applicants who do not see themselves that way.",
                rockstar.at("/fullDescription/text").asText());
        assertEquals("https://example.org/guide/rockstar", rockstar.get("helpUri").asText(), "the rule's own link, not a finding's");
        String help = rockstar.at("/help/text").asText();
        assertTrue(help.contains("It reports: '{match}' is jargon"), help);
        assertTrue(help.contains("Defined in builtin:inclusive-language."), help);
        JsonNode ninja = null;
        for (JsonNode r : rules) {
            ninja = r.get("id").asText().equals("no-ninja") ? r : ninja;
        }
        assertTrue(ninja.at("/shortDescription/text").asText().contains("no-ninja"), "a rule the catalogue lacks is still described");
    }

    @Test
    void aRunOverTheLimitKeepsTheMostSeriousAndSaysHowManyWereLeftOut() throws IOException {
        // sample(): 3 errors, 2 warnings, 1 note. A limit of 4 keeps the errors and the first warning in reading order.
        JsonNode run = validated(ReportFixtures.sample(), new SarifReporter(4)).get("runs").get(0);
        JsonNode results = run.get("results");
        assertEquals(4, results.size());
        assertEquals(List.of("error", "warning", "error", "error"), results.findValuesAsText("level"), "reading order kept");
        assertEquals("no-rockstar", results.get(1).get("ruleId").asText(), "jobs/a.html's warning comes before jobs/b's");
        JsonNode note = run.at("/invocations/0/toolExecutionNotifications/0");
        assertEquals("warning", note.get("level").asText());
        assertEquals("results-capped", note.at("/descriptor/id").asText());
        assertTrue(note.at("/message/text").asText().startsWith("2 of 6 results were left out to stay within 4 results per run"),
                note.toString());
        assertTrue(note.at("/message/text").asText().contains("--min-severity warning"));
        assertEquals(2, note.at("/properties/leftOut").asInt());

        // The fingerprints of the kept results are those of a run without the limit.
        JsonNode all = validated(ReportFixtures.sample()).get("runs").get(0);
        assertEquals(6, all.get("results").size());
        assertFalse(all.get("invocations").get(0).has("toolExecutionNotifications"), "no note when everything fits");
        List<String> full = all.get("results").findValuesAsText(SarifReporter.FINGERPRINT_KEY);
        for (String fp : results.findValuesAsText(SarifReporter.FINGERPRINT_KEY)) {
            assertTrue(full.contains(fp), fp);
        }
        assertEquals(25_000, SarifReporter.MAX_RESULTS, "GitHub code scanning's limit of results per run");
    }

    @Test
    void emptyRunValidates() throws IOException {
        JsonNode run = validated(ReportFixtures.report(List.of(), List.of())).get("runs").get(0);
        assertEquals(0, run.get("results").size());
        assertEquals(0, run.get("tool").get("driver").get("rules").size());
    }

    @Test
    void fingerprintsIgnoreLinesButNotPathRuleExcerptOrOccurrence() throws IOException {
        String body = "<p>We want a rockstar.</p>\n<p>Another rockstar.</p>\n";
        String before = fingerprints(body).toString();
        List<String> shifted = fingerprints("<h1>New heading</h1>\n\n\n" + body.replace("We want a", "We  want\n  a"));
        assertEquals(before, shifted.toString(), "moving or re-wrapping a posting keeps its fingerprints");
        List<String> fps = fingerprints(body);
        assertEquals(2, new HashSet<>(fps).size(), "two occurrences of the same text are two results");
        assertNotEquals(SarifReporter.fingerprint("a.html", "r", "x", 0), SarifReporter.fingerprint("b.html", "r", "x", 0));
        assertNotEquals(SarifReporter.fingerprint("a.html", "r", "x", 0), SarifReporter.fingerprint("a.html", "s", "x", 0));
        assertNotEquals(SarifReporter.fingerprint("a.html", "r", "x", 0), SarifReporter.fingerprint("a.html", "r", "y", 0));
        assertEquals("a b c", SarifReporter.normalizeExcerpt("  a\n\t b\u00a0 c "));
        assertEquals("caf\u00e9", SarifReporter.normalizeExcerpt("cafe\u0301"));
    }

    private static List<String> fingerprints(String text) throws IOException {
        SourceText s = new SourceText("p.html", text);
        List<Finding> fs = new ArrayList<>();
        int at = -1;
        while ((at = text.indexOf("rockstar", at + 1)) >= 0) {
            fs.add(ReportFixtures.finding(s, "no-rockstar", "x", Severity.WARNING, "m", at, at + 8, null, null));
        }
        JsonNode results = validated(ReportFixtures.report(List.of(new FileResult("p.html", fs, "p", null, null, false)), List.of()))
                .get("runs").get(0).get("results");
        List<String> out = new ArrayList<>();
        Set<Integer> lines = new HashSet<>();
        for (JsonNode r : results) {
            out.add(r.get("partialFingerprints").get(SarifReporter.FINGERPRINT_KEY).asText());
            lines.add(r.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());
        }
        assertEquals(fs.size(), lines.size());
        return out;
    }

    private static JsonNode find(JsonNode results, String ruleId) {
        for (JsonNode r : results) {
            if (r.get("ruleId").asText().equals(ruleId)) {
                return r;
            }
        }
        throw new AssertionError("no result for " + ruleId);
    }
}

package dev.postinglint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.Waiver;
import dev.postinglint.core.source.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code codeclimate} format against the fields and types GitLab documents for Code Quality reports. */
class CodeClimateReporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = CodeClimateReporterTest.class.getResourceAsStream("gitlab-code-quality.schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }

    static JsonNode validated(LintReport report) throws IOException {
        StringWriter w = new StringWriter();
        new CodeClimateReporter().write(report, w);
        JsonNode node = JSON.readTree(w.toString());
        List<Error> errors = schema.validate(node);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), "must be a GitLab Code Quality report");
        return node;
    }

    @Test
    void theSchemaCatchesBrokenReports() throws IOException {
        JsonNode node = validated(ReportFixtures.sample());
        ((ObjectNode) node.get(0)).put("severity", "error");
        assertFalse(schema.validate(node).isEmpty(), "GitLab has no 'error' severity");
        JsonNode noLine = validated(ReportFixtures.sample());
        ((ObjectNode) noLine.get(0).get("location")).remove("lines");
        assertFalse(schema.validate(noLine).isEmpty(), "a location needs a line");
    }

    @Test
    void oneIssuePerFindingWithGitLabsFieldsAndLevels() throws IOException {
        JsonNode issues = validated(ReportFixtures.sample());
        LintReport sample = ReportFixtures.sample();
        int findings = sample.files().stream().mapToInt(f -> f.findings().size()).sum();
        assertEquals(findings, issues.size());

        JsonNode ninja = find(issues, "no-ninja");
        assertEquals("'ninja' is jargon", ninja.get("description").asText());
        assertEquals("major", ninja.get("severity").asText());
        assertEquals("jobs/a.html", ninja.get("location").get("path").asText());
        assertEquals(2, ninja.get("location").get("lines").get("begin").asInt());
        assertEquals("minor", find(issues, "no-rockstar").get("severity").asText());
        JsonNode age = find(issues, "age-bias");
        assertEquals("info", age.get("severity").asText());
        assertEquals(3, age.get("location").get("lines").get("begin").asInt());
        assertEquals(4, age.get("location").get("lines").get("end").asInt(), "a finding over two lines ends on the second");
        JsonNode unreadable = find(issues, "input-error");
        assertEquals("blocker", unreadable.get("severity").asText(), "nothing in an unreadable posting was checked");
        assertEquals("jobs/d.html", unreadable.get("location").get("path").asText());
        assertEquals("jobs/b c/ünï#?.html", find(issues, "fast-paced").get("location").get("path").asText(),
                "GitLab wants the path as in the repository, not URI-encoded");
    }

    @Test
    void fingerprintsAreUniqueAndSurviveLineShifts() throws IOException {
        SourceText before = new SourceText("jobs/x.html", "<p>a ninja and a ninja</p>\n");
        SourceText after = new SourceText("jobs/x.html", "<h1>New title</h1>\n\n<p>a ninja and a ninja</p>\n");
        List<String> fb = fingerprints(before);
        List<String> fa = fingerprints(after);
        assertEquals(2, new HashSet<>(fb).size(), "two findings of one rule on the same word differ by occurrence");
        assertEquals(fb, fa, "moving a finding down two lines keeps its fingerprint, so GitLab does not call it new");
        assertNotEquals(fingerprints(new SourceText("jobs/y.html", before.text())), fb, "the path is part of it");
    }

    @Test
    void waivedFindingsAreInfosThatSayWhy() throws IOException {
        SourceText s = new SourceText("jobs/w.html", "<p>a ninja</p>\n");
        int at = s.text().indexOf("ninja");
        Finding f = ReportFixtures.finding(s, "no-ninja", "inclusive-language", Severity.ERROR, "'ninja' is jargon", at, at + 5,
                null, null).withWaiver(new Waiver(List.of("no-ninja"), "jobs/w.html", null, "brand name", "Jane Doe",
                LocalDate.of(2026, 1, 1), null, null));
        JsonNode issue = validated(ReportFixtures.report(List.of(new FileResult("jobs/w.html", List.of(f), "demo 1", null, null,
                false)), List.of())).get(0);
        assertEquals("info", issue.get("severity").asText());
        assertTrue(issue.get("description").asText().startsWith("[waived until 2026-01-01, approved by Jane Doe"),
                issue.get("description").asText());
    }

    @Test
    void hostileTextStaysValidJson() throws IOException {
        JsonNode issues = validated(ReportFixtures.hostile());
        assertEquals(ReportFixtures.HOSTILE_PATH, issues.get(0).get("location").get("path").asText());
        assertEquals(ReportSupport.wellFormed(ReportFixtures.HOSTILE), issues.get(0).get("description").asText());
    }

    @Test
    void aCleanRunIsAnEmptyArray() throws IOException {
        SourceText s = new SourceText("jobs/c.html", "<p>fine</p>\n");
        JsonNode issues = validated(ReportFixtures.report(List.of(new FileResult(s.name(), List.of(), "demo 1", null, null, false)),
                List.of()));
        assertTrue(issues.isArray());
        assertEquals(0, issues.size(), "GitLab needs [] (not nothing) to know the branch is clean");
    }

    private static List<String> fingerprints(SourceText s) throws IOException {
        List<Finding> fs = new ArrayList<>();
        int from = 0;
        while ((from = s.text().indexOf("ninja", from)) >= 0) {
            fs.add(ReportFixtures.finding(s, "no-ninja", "inclusive-language", Severity.ERROR, "'ninja' is jargon", from, from + 5,
                    null, null));
            from += 5;
        }
        JsonNode issues = validated(ReportFixtures.report(List.of(new FileResult(s.name(), fs, "demo 1", null, null, false)),
                List.of()));
        List<String> out = new ArrayList<>();
        issues.forEach(i -> out.add(i.get("fingerprint").asText()));
        return out;
    }

    private static JsonNode find(JsonNode issues, String rule) {
        Set<String> seen = new HashSet<>();
        for (JsonNode i : issues) {
            seen.add(i.get("check_name").asText());
            if (i.get("check_name").asText().equals(rule)) {
                return i;
            }
        }
        throw new AssertionError("no issue for " + rule + " among " + seen);
    }
}

package dev.postinglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import dev.postinglint.core.policy.ClasspathPacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postinglint.core.jurisdiction.Jurisdictions;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.policy.PolicyRule;
import dev.postinglint.core.rules.When;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shared Ashby corpus as one Ashby board export, through the real jar's {@code check} with the
 * default pack (which extends the pay-transparency pack), once, writing JSON, SARIF and HTML: every job is
 * checked; the SARIF stays within GitHub's limits (schema-valid, at most 25,000 results, a notification
 * counting the rest); the HTML report stays small enough to open (at most 15 MB); and the figures in docs/PAY-TRANSPARENCY-CORPUS.md
 * (per jurisdiction: postings in scope, and how many lack pay information) are written to
 * {@code target/corpus-ashby/pay-transparency-summary.md}. Runs only where the corpus is (beside the
 * repository, as on developers' machines and CI); nothing it makes is committed.
 */
class AshbyCorpusIT {
    static final String AS_OF = "2026-11-21";
    /** The SARIF 2.1.0 schema the core's SarifReporterTest validates against (the OASIS errata 01 file). */
    static final Path SARIF_SCHEMA = Path.of(System.getProperty("postinglint.sarifSchema",
            "../linter-core/src/test/resources/dev/postinglint/core/report/sarif-schema-2.1.0.json")).toAbsolutePath().normalize();
    static final List<String> PAY_RULES = List.of("pay-range-present-us", "pay-range-present-canada", "pay-range-present-eu",
            "pay-minimum-austria");

    @Test
    void theCorpusRunsThroughCheckAndPayTransparencyAppliesByEachJobsLocation() throws Exception {
        assumeTrue(AshbyCorpus.available(), "the shared corpus is not beside the repository: " + AshbyCorpus.ARCHIVE);
        Path dir = Path.of("target", "corpus-ashby").toAbsolutePath();
        Path board = AshbyCorpus.build(dir);
        Path report = dir.resolve("report.json");
        Path sarif = dir.resolve("report.sarif");
        Path html = dir.resolve("report.html");
        Cli.Result r = Cli.run(dir, "check", "--policy", "builtin:default", "--as-of", AS_OF, "--fail-on", "never",
                "--format", "json=" + report, "--format", "sarif=" + sarif, "--format", "html=" + html, board.toString());
        assertEquals(0, r.exit(), r.toString());
        JsonNode files = new ObjectMapper().readTree(report.toFile()).get("files");
        int findings = 0;
        for (JsonNode f : files) {
            findings += f.get("findings").size();
        }
        assertSarifWithinGithubLimits(sarif, findings);
        long htmlBytes = Files.size(html);
        assertTrue(htmlBytes <= 15_000_000L, "the HTML report must stay at most 15 MB, is " + htmlBytes);
        int inputErrors = 0;
        for (JsonNode f : files) {
            for (JsonNode finding : f.get("findings")) {
                inputErrors += finding.get("ruleId").asText().equals("input-error") ? 1 : 0;
            }
        }
        assertEquals(0, inputErrors, "every job is a posting");
        assertEquals(lines(dir.resolve("corpus/index.jsonl")), files.size(), "one posting per job");
        Files.writeString(dir.resolve("pay-transparency-summary.md"), summary(files, dir.resolve("corpus/index.jsonl")));
    }

    /** Schema-valid SARIF 2.1.0 with at most 25,000 results, and a run notification for the findings left out. */
    private static void assertSarifWithinGithubLimits(Path sarif, int findings) throws IOException {
        JsonNode node = new ObjectMapper().readTree(sarif.toFile());
        Schema schema;
        try (InputStream in = Files.newInputStream(SARIF_SCHEMA)) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
        List<Error> errors = schema.validate(node, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
        assertEquals(List.of(), errors.stream().limit(20).map(Error::toString).toList(), "SARIF must validate against the 2.1.0 schema");
        JsonNode run = node.get("runs").get(0);
        int results = run.get("results").size();
        assertTrue(results <= 25_000, "GitHub rejects more than 25,000 results per run: " + results);
        if (findings > 25_000) {
            assertEquals(25_000, results, "as many as fit are kept");
            JsonNode note = run.at("/invocations/0/toolExecutionNotifications/0");
            assertEquals(findings - results, note.at("/properties/leftOut").asInt(), note.toString());
            int errorResults = 0;
            for (JsonNode x : run.get("results")) {
                errorResults += x.get("level").asText().equals("error") ? 1 : 0;
            }
            int errorFindings = 0;
            for (JsonNode f : new ObjectMapper().readTree(sarif.resolveSibling("report.json").toFile()).get("files")) {
                for (JsonNode x : f.get("findings")) {
                    errorFindings += x.get("severity").asText().equals("error") && x.get("waiver").isNull() ? 1 : 0;
                }
            }
            assertEquals(Math.min(errorFindings, 25_000), errorResults, "the most serious are kept");
        } else {
            assertEquals(findings, results);
        }
    }

    private static int lines(Path p) throws IOException {
        try (var s = Files.lines(p)) {
            return (int) s.filter(l -> !l.isBlank()).count();
        }
    }

    /** Per jurisdiction window of each pay rule: postings in scope, lacking pay, and how many the board's pay saved. */
    static String summary(JsonNode files, Path index) throws IOException {
        Policy policy = new PolicyLoader().load("builtin:pay-transparency", null);
        LocalDate asOf = LocalDate.parse(AS_OF);
        Set<String> boardPay = new HashSet<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
            JsonNode row = mapper.readTree(line);
            if (row.hasNonNull("compensation_summary")) {
                boardPay.add(row.get("id").asText());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("| rule | jurisdiction | in scope | board lists pay | lack pay (flagged) | share flagged |\n|---|---|---:|---:|---:|---:|\n");
        int located = 0;
        int unresolved = 0;
        Map<String, Integer> flaggedByRule = new LinkedHashMap<>();
        for (String ruleId : PAY_RULES) {
            PolicyRule pr = policy.rule(ruleId).orElseThrow();
            for (When.JurisdictionWindow w : pr.rule().info().when().jurisdictions()) {
                if ((w.from() != null && asOf.isBefore(w.from())) || (w.until() != null && asOf.isAfter(w.until()))) {
                    continue;
                }
                int scope = 0;
                int paid = 0;
                int flagged = 0;
                for (JsonNode f : files) {
                    Jurisdictions j = ClasspathPacks.shipped().gazetteer().resolve(f.path("location").asText(""));
                    if (!j.covers(w.code())) {
                        continue;
                    }
                    scope++;
                    String id = f.get("path").asText().substring(f.get("path").asText().lastIndexOf('#') + 1);
                    paid += boardPay.contains(id) ? 1 : 0;
                    for (JsonNode finding : f.get("findings")) {
                        if (finding.get("ruleId").asText().equals(ruleId)) {
                            flagged++;
                            break;
                        }
                    }
                }
                if (scope > 0) {
                    out.append("| ").append(ruleId).append(" | ").append(w.label()).append(" (").append(w.code()).append(") | ")
                            .append(scope).append(" | ").append(paid).append(" | ").append(flagged).append(" | ")
                            .append(Math.round(100.0 * flagged / scope)).append("% |\n");
                }
            }
            int total = 0;
            for (JsonNode f : files) {
                for (JsonNode finding : f.get("findings")) {
                    if (finding.get("ruleId").asText().equals(ruleId)) {
                        total++;
                        break;
                    }
                }
            }
            flaggedByRule.put(ruleId, total);
        }
        Map<String, Integer> findingsByRule = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (JsonNode f : files) {
            Jurisdictions j = ClasspathPacks.shipped().gazetteer().resolve(f.path("location").asText(""));
            if (j.isEmpty()) {
                unresolved++;
                unknown.add(f.path("location").asText(""));
            } else {
                located++;
            }
            for (JsonNode finding : f.get("findings")) {
                findingsByRule.merge(finding.get("ruleId").asText(), 1, Integer::sum);
            }
        }
        out.append("\nPostings: ").append(files.size()).append("; located by the gazetteer: ").append(located)
                .append("; no jurisdiction: ").append(unresolved).append("\n");
        out.append("Postings flagged per pay rule: ").append(flaggedByRule).append("\n");
        out.append("Findings per rule: ").append(new java.util.TreeMap<>(findingsByRule)).append("\n");
        Map<String, Integer> topUnknown = new HashMap<>();
        unknown.forEach(u -> topUnknown.merge(u, 1, Integer::sum));
        out.append("Most frequent locations without a jurisdiction: ");
        topUnknown.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(40)
                .forEach(e -> out.append(e.getKey()).append(" (").append(e.getValue()).append("); "));
        out.append("\n");
        return out.toString();
    }
}

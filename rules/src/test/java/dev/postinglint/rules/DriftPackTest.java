package dev.postinglint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.DriftGroup;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default pack's drift rules on board exports: dated versions, years, role sentences. */
class DriftPackTest {
    @TempDir
    Path dir;

    private static final String BENEFITS_2025 = "<h2>Benefits</h2><p>Our 2025 benefits guide covers medical, dental and vision plans,"
            + " a learning budget of two thousand dollars and four weeks of paid leave for every employee.</p>";
    private static final String BENEFITS_2026 = BENEFITS_2025.replace("2025", "2026");
    private static final String BENEFITS_NEW = BENEFITS_2025.replace("four weeks", "five weeks");

    private LintReport lint(String... jobs) throws IOException {
        StringBuilder json = new StringBuilder("{\"jobs\": [");
        for (int i = 0; i < jobs.length; i++) {
            json.append(i == 0 ? "" : ",").append(jobs[i]);
        }
        Path board = Files.writeString(dir.resolve("ashby.json"), json.append("]}").toString());
        Policy p = new PolicyLoader().load("builtin:default", null);
        return new Linter(LocalDate.of(2026, 6, 1), 1, Linter.DEFAULT_MAX_FILE_BYTES).lint(List.of(InputFile.of(board)), path -> p);
    }

    private static String job(String id, String updated, String body) {
        return "{\"id\": \"" + id + "\", \"title\": \"Engineer " + id + "\", \"location\": \"London, UK\", \"updatedAt\": \"" + updated
                + "T10:00:00Z\", \"descriptionHtml\": \"" + body.replace("\"", "\\\"") + "<h2>Your role</h2><p>Duties of role " + id + ".</p>\"}";
    }

    private static List<Finding> drift(LintReport r, String rule) {
        return r.files().stream().flatMap(f -> f.findings().stream()).filter(f -> f.ruleId().equals(rule)).toList();
    }

    @Test
    void theNewestBenefitsAreTheReferenceNotTheStaleMajority() throws IOException {
        LintReport r = lint(job("a", "2025-01-10", BENEFITS_2025), job("b", "2025-02-10", BENEFITS_2025),
                job("c", "2025-03-10", BENEFITS_2025), job("d", "2026-01-15", BENEFITS_NEW));
        List<Finding> found = drift(r, "section-drift");
        assertEquals(3, found.size(), found.toString());
        FileResult newest = r.files().stream().filter(f -> f.path().endsWith("#d")).findFirst().orElseThrow();
        assertTrue(newest.findings().stream().noneMatch(f -> f.ruleId().equals("section-drift")), newest.findings().toString());
        assertTrue(found.get(0).message().contains("the newest version (updated 2026-01-15"), found.get(0).message());
        DriftGroup g = r.drift().stream().filter(d -> d.ruleId().equals("section-drift")).findFirst().orElseThrow();
        assertEquals(DriftGroup.ReferenceKind.NEWEST, g.referenceKind());
    }

    @Test
    void aYearAloneIsNotDrift() throws IOException {
        LintReport r = lint(job("a", "2026-01-10", BENEFITS_2026), job("b", "2026-02-10", BENEFITS_2026),
                job("c", "2026-03-10", BENEFITS_2026), job("d", "2025-12-15", BENEFITS_2025));
        assertEquals(List.of(), drift(r, "section-drift"));
    }

    @Test
    void undatedPostingsKeepTheMajority() throws IOException {
        LintReport r = lint(job("a", "", BENEFITS_2025).replace("\"updatedAt\": \"T10:00:00Z\", ", ""),
                job("b", "2025-02-10", BENEFITS_2025), job("c", "2025-03-10", BENEFITS_2025), job("d", "2026-01-15", BENEFITS_NEW));
        List<Finding> found = drift(r, "section-drift");
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).message().contains("the version used by 3 of 4 postings"), found.get(0).message());
    }
}

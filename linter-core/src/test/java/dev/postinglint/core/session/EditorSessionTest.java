package dev.postinglint.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.yaml.PolicyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's runs: in-memory text, the workspace index, fixes as 'fix' makes them, policy problems at their place. */
class EditorSessionTest {
    @TempDir
    Path dir;

    static final String POLICY = """
            name: editor
            rules:
              - id: no-rockstar
                type: substitute
                severity: error
                category: inclusive-language
                swap:
                  rockstar: skilled engineer
              - id: drift
                type: consistency
                severity: warning
                category: boilerplate
                group-by: heading
                min-words: 5
            """;
    static final String ABOUT = "We build tools for careful people. Our team works across six countries and ships every week.";

    private EditorSession session() throws IOException {
        Files.writeString(dir.resolve(".posting-lint.yaml"), POLICY);
        return new EditorSession(new LintSettings(List.of(), null, LocalDate.of(2026, 6, 1), 1, 1 << 16), dir);
    }

    private static String posting(String about, String duties) {
        return "<h2>About us</h2>\n<p>" + about + "</p>\n<h2>What you will do</h2>\n<p>" + duties + "</p>\n";
    }

    private static List<String> ids(FileResult r) {
        List<String> out = new ArrayList<>();
        r.findings().forEach(f -> out.add(f.ruleId()));
        return out;
    }

    @Test
    void theEditorsTextIsLintedNotTheFileAndDriftWaitsForTheIndex() throws IOException {
        EditorSession s = session();
        Path a = Files.writeString(dir.resolve("a.html"), posting(ABOUT, "Write Go."));
        Files.writeString(dir.resolve("b.html"), posting(ABOUT, "Write Rust."));
        Files.writeString(dir.resolve("c.html"), posting(ABOUT, "Write Java."));
        String drifted = posting(ABOUT.replace("six", "four"), "We want a rockstar.");
        assertEquals(List.of("no-rockstar"), ids(s.lint(a, drifted).files().get(0)), "no index yet: nothing to drift from");
        List<int[]> progress = new ArrayList<>();
        assertEquals(3, s.indexWorkspace(2, (done, total) -> progress.add(new int[] {done, total}), () -> false));
        assertEquals(3, progress.get(progress.size() - 1)[0]);
        FileResult r = s.lint(a, drifted).files().get(0);
        assertEquals(List.of("drift", "no-rockstar"), ids(r).stream().sorted().toList());
        assertEquals("a.html", r.path(), "shown relative to the workspace, as a check from there shows it");
        assertEquals(List.of("no-rockstar"), ids(s.lint(a, drifted, false).files().get(0)));
        // b and c deleted: a has nothing left to drift from.
        s.forget(dir.resolve("b.html"));
        Files.delete(dir.resolve("c.html"));
        s.update(dir.resolve("c.html"));
        assertEquals(1, s.indexedFiles());
        assertEquals(List.of("no-rockstar"), ids(s.lint(a, drifted).files().get(0)));
    }

    @Test
    void textThatIsNoPostingIsOneInputErrorAsInACheck() throws IOException {
        EditorSession s = session();
        Path a = dir.resolve("a.html");
        Finding binary = s.lint(a, "<p>a\u0000b</p>").files().get(0).findings().get(0);
        assertEquals("input-error", binary.ruleId());
        assertTrue(binary.message().contains("binary file"), binary.message());
        Finding huge = s.lint(a, "x".repeat(1 << 17)).files().get(0).findings().get(0);
        assertTrue(huge.message().contains("too large"), huge.message());
    }

    @Test
    void fixAppliesARulesFixesUntilNothingChanges() throws IOException {
        EditorSession s = session();
        Path a = dir.resolve("a.html");
        String fixed = s.fix(a, "<p>A rockstar, a rockstar.</p>", "no-rockstar"::equals);
        assertEquals("<p>A skilled engineer, a skilled engineer.</p>", fixed);
        assertEquals("<p>A rockstar.</p>", s.fix(a, "<p>A rockstar.</p>", "other"::equals));
    }

    @Test
    void whyAppliesNamesTheDayJudgedAsOf() throws IOException {
        EditorSession s = session();
        EditorSession.Applies why = s.whyApplies(dir.resolve("a.html"), "<p>A rockstar.</p>", "no-rockstar");
        assertNotNull(why);
        assertEquals(LocalDate.of(2026, 6, 1), why.asOf());
        assertEquals(null, why.jurisdiction());
        assertEquals(null, s.whyApplies(dir.resolve("a.html"), "<p>x</p>", "no-such-rule"));
    }

    @Test
    void everyProblemOfAPolicyIsItsOwnDiagnostic() throws IOException {
        Path policy = dir.resolve(".posting-lint.yaml");
        Files.writeString(policy, """
                name: two-mistakes
                rules:
                  - id: a
                    type: forbid
                    severty: error
                    category: wording
                    phrase: rockstar
                  - id: b
                    type: forbidd
                    severity: error
                    category: wording
                    phrase: ninja
                """);
        List<PolicyException> problems = EditorSession.policyProblems(policy);
        assertEquals(2, problems.size(), problems.toString());
        assertEquals(List.of(5, 9), problems.stream().map(PolicyException::line).toList());
    }

    @Test
    void aBrokenPolicyIsReportedAtItsLineAndColumnAndReloadingPicksUpTheFix() throws IOException {
        EditorSession s = session();
        Path policy = dir.resolve(".posting-lint.yaml");
        assertTrue(EditorSession.policyProblems(policy).isEmpty());
        Files.writeString(policy, POLICY.replace("    severity: error", "    severty: error"));
        List<PolicyException> problems = EditorSession.policyProblems(policy);
        assertEquals(1, problems.size());
        assertEquals(5, problems.get(0).line());
        assertEquals(5, problems.get(0).column());
        s.reloadPolicies();
        try {
            s.lint(dir.resolve("a.html"), "<p>x</p>");
            throw new AssertionError("a broken policy must not lint");
        } catch (PolicyException expected) {
            assertTrue(expected.getMessage().contains("severty"));
        }
        Files.writeString(policy, POLICY);
        s.reloadPolicies();
        assertEquals(List.of("no-rockstar"), ids(s.lint(dir.resolve("a.html"), "<p>A rockstar.</p>").files().get(0)));
        assertTrue(s.isPosting(dir.resolve("x.md")) && !s.isPosting(dir.resolve("x.txt")));
        assertTrue(EditorSession.isPolicy(policy));
        assertEquals(Linter.DEFAULT_MAX_FILE_BYTES, 32L << 20);
    }
}

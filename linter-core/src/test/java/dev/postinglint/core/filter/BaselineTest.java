package dev.postinglint.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.postinglint.core.model.BuiltinRules;

import dev.postinglint.core.model.Finding;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.policy.PolicyResolver;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines: fingerprints that survive reflowing and moving text, and a file that reviews well. */
class BaselineTest {
    @TempDir
    Path dir;
    Policy policy;
    Path baselineFile;
    Function<String, String> keys;

    static final String POSTING = """
            <h1>Engineer</h1>
            <p>We want a rockstar who is a ninja.</p>
            <p>Our   rockstar
               team is fast.</p>
            <p>Equal opportunity employer.</p>
            """;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve("p.yaml"), """
                name: t
                rules:
                  - id: no-rockstar
                    type: forbid
                    severity: error
                    category: inclusive-language
                    pattern: '(?i)\\brockstar\\b'
                  - id: rockstar-team
                    type: forbid
                    severity: warning
                    category: inclusive-language
                    pattern: '(?i)rockstar\\s+team'
                  - id: has-eeo
                    type: require
                    severity: error
                    category: eeo
                    pattern: '(?i)equal opportunity'
                """);
        policy = new PolicyLoader().load("p.yaml", dir);
        Files.createDirectories(dir.resolve("postings"));
        baselineFile = dir.resolve("posting-lint-baseline.json");
        keys = Baseline.keys(baselineFile, dir);
    }

    private LintReport lint(String html) throws IOException {
        Path f = dir.resolve("postings/job.html");
        Files.writeString(f, html);
        InputFile in = new InputFile(f, "postings/job.html");
        return new Linter(LocalDate.of(2026, 1, 1), 1, Linter.DEFAULT_MAX_FILE_BYTES).lint(List.of(in), PolicyResolver.fixed(policy));
    }

    private Baseline recorded() throws IOException {
        Baseline b = Baseline.record(lint(POSTING), keys, null, p -> true);
        b.write(baselineFile);
        return Baseline.read(baselineFile);
    }

    private static List<String> left(Baseline.Applied a) {
        return a.report().files().get(0).findings().stream().map(f -> f.ruleId() + ":" + f.excerpt().replaceAll("\\s+", " ")).toList();
    }

    @Test
    void theBaselineHidesTodaysFindingsAndCountsThem() throws IOException {
        Baseline b = recorded();
        assertEquals(3, b.entries().size());
        Baseline.Applied a = b.apply(lint(POSTING), keys);
        assertEquals(List.of(), left(a));
        assertEquals(3, a.known());
        assertEquals(3, a.report().summary().baselined());
        assertEquals(0, a.report().summary().errors());
        assertTrue(a.fixed().isEmpty());
    }

    @Test
    void reflowingMovingAndUnrelatedEditsResurrectNothing() throws IOException {
        Baseline b = recorded();
        String reflowed = POSTING.replace("<p>We want a rockstar who is a ninja.</p>", "<p>We want a\n   rockstar who\tis a ninja.</p>")
                .replace("Our   rockstar\n   team", "Our rockstar team");
        String paragraphAbove = POSTING.replace("<h1>Engineer</h1>", "<h1>Engineer</h1>\n<p>A new paragraph about the office.</p>");
        String moved = """
                <h1>Engineer</h1>
                <p>Equal opportunity employer.</p>
                <p>Our rockstar team is fast.</p>
                <p>We want a rockstar who is a ninja and likes Go.</p>
                """;
        String unrelated = POSTING.replace("ninja", "specialist").replace("Engineer", "Senior Engineer");
        for (String v : List.of(reflowed, paragraphAbove, moved, unrelated)) {
            Baseline.Applied a = b.apply(lint(v), keys);
            assertEquals(List.of(), left(a), v);
            assertTrue(a.fixed().isEmpty(), v);
        }
    }

    @Test
    void editingTheMatchedTextOrAddingAnotherOccurrenceIsNew() throws IOException {
        Baseline b = recorded();
        Baseline.Applied edited = b.apply(lint(POSTING.replace("Our   rockstar\n   team", "Our rockstar  squad team")), keys);
        assertEquals(List.of(), left(edited)); // no-rockstar still matches twice; rockstar-team no longer matches
        assertEquals(1, edited.fixed().size());
        assertEquals("rockstar-team", edited.fixed().get(0).rule());

        Baseline.Applied third = b.apply(lint(POSTING + "<p>Another rockstar.</p>\n"), keys);
        assertEquals(List.of("no-rockstar:rockstar"), left(third));

        Baseline.Applied changed = b.apply(lint(POSTING.replace("Our   rockstar\n   team", "Our rock-star team")), keys);
        assertEquals(List.of(), left(changed).stream().filter(s -> s.startsWith("rockstar-team")).toList());

        Baseline.Applied eeoGone = b.apply(lint(POSTING.replace("<p>Equal opportunity employer.</p>", "")), keys);
        assertEquals(List.of("has-eeo:"), left(eeoGone));
    }

    @Test
    void theFileIsSortedStableJsonAndWritingAgainPrunesFixedEntries() throws IOException {
        recorded();
        String first = Files.readString(baselineFile);
        assertTrue(first.startsWith("{\n  \"posting-lint-baseline\": 1,\n  \"entries\": [\n    {\n      \"path\": \"postings/job.html\",\n"), first);
        assertTrue(first.endsWith("}\n") && !first.contains("\r") && !first.contains("\"line\""), first);
        Baseline.record(lint(POSTING), keys, Baseline.read(baselineFile), p -> true).write(baselineFile);
        assertEquals(first, Files.readString(baselineFile), "the same findings write the same file");
        List<Baseline.Entry> entries = Baseline.read(baselineFile).entries();
        assertEquals(entries.stream().sorted((x, y) -> (x.path() + x.rule() + x.text() + x.fingerprint())
                .compareTo(y.path() + y.rule() + y.text() + y.fingerprint())).toList(), entries);

        // The ratchet: fix one finding, write again, and its entry is gone; another posting's entries stay.
        Baseline withOther = Baseline.record(lint(POSTING), keys,
                Baseline.of(List.of(new Baseline.Entry("postings/other.html", "no-rockstar", "rockstar", "0123456789abcdef"))), p -> true);
        withOther.write(baselineFile);
        Baseline pruned = Baseline.record(lint(POSTING.replace("a rockstar who", "a person who")), keys, Baseline.read(baselineFile), p -> true);
        assertEquals(3, pruned.entries().size());
        assertTrue(pruned.entries().stream().anyMatch(e -> e.path().equals("postings/other.html")));
        Baseline gone = Baseline.record(lint(POSTING), keys, withOther, p -> false);
        assertEquals(3, gone.entries().size(), "entries of postings that no longer exist are dropped");
    }

    @Test
    void unreadableBaselinesSayWhatIsWrong() throws IOException {
        Files.writeString(baselineFile, "{\"posting-lint-baseline\": 1, \"entries\": [{\"path\": \"a\", \"rule\": \"r\", \"text\": \"\", \"fingerprint\": \"f\", \"line\": 3}]}");
        var e = assertThrows(Baseline.BaselineException.class, () -> Baseline.read(baselineFile));
        assertTrue(e.getMessage().endsWith("unknown key \"line\" in entry 1 (allowed: fingerprint, path, rule, text)"), e.getMessage());
        Files.writeString(baselineFile, "{\"entries\": []}");
        assertTrue(assertThrows(Baseline.BaselineException.class, () -> Baseline.read(baselineFile)).getMessage()
                .contains("not a posting-lint baseline"));
        Files.writeString(baselineFile, "{\"posting-lint-baseline\": 1,\n \"entries\": [}");
        assertTrue(assertThrows(Baseline.BaselineException.class, () -> Baseline.read(baselineFile)).getMessage()
                .contains("posting-lint-baseline.json:2:"));
        assertTrue(assertThrows(Baseline.BaselineException.class, () -> Baseline.read(dir.resolve("none.json"))).getMessage()
                .contains("no such baseline file"));
    }

    @Test
    void waivedFindingsAndInputErrorsAreNeverRecorded() {
        Finding f = new Finding(BuiltinRules.INPUT_ERROR, "input", dev.postinglint.core.model.Severity.ERROR, "m",
                new dev.postinglint.core.source.SourceText("x", "").span(0, 0), "", null, null, dev.postinglint.core.source.SourceLine.NONE);
        assertTrue(!Baseline.recordable(f));
    }
}

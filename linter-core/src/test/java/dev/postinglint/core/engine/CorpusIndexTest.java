package dev.postinglint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.input.PostingReader;
import dev.postinglint.core.input.Sources;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.policy.PolicyResolver;
import dev.postinglint.core.source.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One posting judged against an index of the others gets the findings a run over every posting gives it. */
class CorpusIndexTest {
    @TempDir
    Path dir;

    static final String POLICY = "name: t\nrules:\n  - id: drift\n    type: consistency\n    severity: warning\n"
            + "    category: boilerplate\n    group-by: heading\n    min-words: 5\n";
    static final String ABOUT = "We build tools for careful people. Our team works across six countries and ships every week.";
    static final String ABOUT_OLD = "We build tools for careful people. Our team works across four countries and ships every week.";

    private final Linter linter = new Linter(LocalDate.of(2026, 1, 1), 1, 1 << 20);

    private static String posting(String about, String duties) {
        return "<h2>About us</h2>\n<p>" + about + "</p>\n<h2>What you will do</h2>\n<p>" + duties + "</p>";
    }

    private List<InputFile> write(String... bodies) throws IOException {
        List<InputFile> files = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            Path p = dir.resolve("p" + i + ".html");
            Files.writeString(p, bodies[i]);
            files.add(new InputFile(p, "p" + i + ".html"));
        }
        return files;
    }

    private CorpusIndex index(List<InputFile> files, Policy policy) {
        CorpusIndex index = new CorpusIndex();
        for (InputFile f : files) {
            index.put(f.path(), linter.observe(f, policy, linter.fromFiles(), index));
        }
        return index;
    }

    @Test
    void anOpenPostingGetsTheWholeRunsDriftFindings() throws IOException {
        List<InputFile> files = write(posting(ABOUT, "Write the billing service in Go."), posting(ABOUT, "Design dashboards for support."),
                posting(ABOUT_OLD, "Tune PostgreSQL queries and plan capacity."));
        Policy policy = new PolicyLoader().load(List.of("t.yaml"), write(dir, POLICY));
        PolicyResolver resolver = PolicyResolver.fixed(policy);
        LintReport whole = linter.lint(files, resolver);
        FileResult expected = whole.files().get(2);
        assertEquals(1, expected.findings().size(), expected.toString());

        CorpusIndex index = index(files, policy);
        assertEquals(3, index.files());
        assertEquals(3, index.observations(), "one block per posting for the one corpus rule");
        LintReport alone = linter.lint(List.of(files.get(2)), resolver, linter.fromFiles(), index);
        assertEquals(expected.findings(), alone.files().get(0).findings());
        assertEquals(whole.drift(), alone.drift());
        // Without the index, a posting alone has nothing to drift from.
        assertTrue(linter.lint(List.of(files.get(2)), resolver).files().get(0).findings().isEmpty());
    }

    @Test
    void theEditedTextWinsOverWhatTheIndexKeptOfTheSameFile() throws IOException {
        List<InputFile> files = write(posting(ABOUT, "Write the billing service in Go."), posting(ABOUT, "Design dashboards for support."),
                posting(ABOUT_OLD, "Tune PostgreSQL queries and plan capacity."));
        Policy policy = new PolicyLoader().load(List.of("t.yaml"), write(dir, POLICY));
        CorpusIndex index = index(files, policy);
        // In the editor the drifted posting now says what the others say: no finding, though the index still has the old text.
        String edited = posting(ABOUT, "Tune PostgreSQL queries and plan capacity.");
        Sources inMemory = f -> f.equals(files.get(2)) ? new SourceText(f.displayPath(), edited) : PostingReader.read(f, 1 << 20);
        LintReport r = linter.lint(List.of(files.get(2)), PolicyResolver.fixed(policy), inMemory, index);
        assertTrue(r.files().get(0).findings().isEmpty(), r.files().get(0).findings().toString());
        // A file dropped from the index no longer counts: with one other posting left, there is no majority.
        index.remove(files.get(1).path());
        LintReport first = linter.lint(List.of(files.get(2)), PolicyResolver.fixed(policy), linter.fromFiles(), index);
        assertTrue(first.files().get(0).findings().isEmpty(), first.files().get(0).findings().toString());
        assertEquals(2, index.files());
    }

    private static Path write(Path dir, String policy) throws IOException {
        Files.writeString(dir.resolve("t.yaml"), policy);
        return dir;
    }
}

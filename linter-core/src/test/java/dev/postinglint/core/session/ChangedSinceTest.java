package dev.postinglint.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --changed-since}: a real git repository with a main branch and a feature branch. Every posting is
 * linted (so the boilerplate rule sees the whole corpus) but only the branch's postings are reported and gated.
 */
class ChangedSinceTest {
    static final String ABOUT = "We build payroll software for small companies across Europe and care about our customers.";
    static final String ABOUT_EDITED = "We build payroll software for small firms in Europe, and we care about all customers.";
    static final String POLICY = """
            name: changed-since
            rules:
              - id: no-rockstar
                type: forbid
                severity: error
                category: inclusive-language
                pattern: '(?i)\\brockstar\\b'
              - id: about-drift
                type: consistency
                severity: warning
                category: boilerplate
                group-by: heading
                min-words: 5
            """;

    @TempDir
    Path repo;

    static String posting(String about, String duties) {
        return "<h2>About us</h2>\n<p>" + about + "</p>\n<h2>What you will do</h2>\n<p>" + duties + "</p>\n";
    }

    @BeforeEach
    void repository() throws IOException {
        git("init", "-q", "-b", "main");
        Files.writeString(repo.resolve("policy.yaml"), POLICY);
        Files.createDirectories(repo.resolve("postings"));
        // Three postings on main; one has a rockstar, which this branch does not touch.
        Files.writeString(repo.resolve("postings/a.html"), posting(ABOUT, "Write the billing service in Go."));
        Files.writeString(repo.resolve("postings/b.html"), posting(ABOUT, "Design dashboards in React."));
        Files.writeString(repo.resolve("postings/old.html"), posting(ABOUT, "A rockstar for the data team."));
        git("add", "-A");
        git("commit", "-q", "-m", "main");
        git("checkout", "-q", "-b", "feature");
        // The branch edits the boilerplate of c.html (new): drift is judged against a and b, which it did not change.
        Files.writeString(repo.resolve("postings/c.html"), posting(ABOUT_EDITED, "Plan capacity for PostgreSQL."));
        git("add", "-A");
        git("commit", "-q", "-m", "feature");
    }

    private CheckOutcome check(String ref) throws IOException {
        LintSettings settings = new LintSettings(List.of("policy.yaml"), repo, LocalDate.of(2026, 6, 1), 1,
                Linter.DEFAULT_MAX_FILE_BYTES);
        ChangedSince changed = ref == null ? null : ChangedSince.read("--changed-since", ref, repo);
        CheckRequest request = new CheckRequest(settings, FailGate.at(Severity.ERROR), null, null, repo, changed);
        return CheckSession.open(request).check(Postings.collect(List.of(repo.resolve("postings")), List.of(), List.of(), repo));
    }

    private static List<String> paths(List<FileResult> files) {
        return files.stream().map(FileResult::path).toList();
    }

    @Test
    void onlyTheBranchsPostingsAreReportedAndGated() throws IOException {
        CheckOutcome all = check(null);
        assertEquals(ExitStatus.FINDINGS, all.status(), "old.html's rockstar fails a full run");

        CheckOutcome branch = check("main");
        assertEquals(List.of("postings/c.html"), paths(branch.report().files()));
        assertEquals(ExitStatus.OK, branch.status(), "the rockstar is in a posting the branch did not change");
        assertEquals(4, branch.full().files().size(), "every posting was linted");
        FileResult c = branch.report().files().get(0);
        assertEquals(List.of("about-drift"), c.findings().stream().map(f -> f.ruleId()).toList(),
                "c.html's boilerplate differs from the one a.html, b.html and old.html share: drift needs the whole corpus");
        assertEquals(1, branch.report().summary().files());
        assertEquals(1, branch.report().summary().warnings());
    }

    @Test
    void uncommittedAndUntrackedChangesCountAndMainsLaterCommitsDoNot() throws IOException {
        // main moves on after the branch left it: its new posting is not the branch's change (merge base).
        git("checkout", "-q", "main");
        Files.writeString(repo.resolve("postings/main-only.html"), posting(ABOUT, "Another rockstar."));
        git("add", "-A");
        git("commit", "-q", "-m", "main moves on");
        git("checkout", "-q", "feature");
        Files.writeString(repo.resolve("postings/a.html"), posting(ABOUT, "A rockstar, edited but not committed."));
        Files.writeString(repo.resolve("postings/new.html"), posting(ABOUT, "Untracked."));
        Files.writeString(repo.resolve(".gitignore"), "postings/ignored.html\n");
        Files.writeString(repo.resolve("postings/ignored.html"), posting(ABOUT, "Ignored rockstar."));

        CheckOutcome r = check("main");
        assertEquals(List.of("postings/a.html", "postings/c.html", "postings/new.html"), paths(r.report().files()));
        assertEquals(ExitStatus.FINDINGS, r.status(), "the uncommitted rockstar in a.html fails the run");
    }

    @Test
    void aBadRefOrNoRepositoryIsAClearError() throws IOException {
        SessionException unknown = assertThrows(SessionException.class, () -> ChangedSince.read("--changed-since", "nope", repo));
        assertTrue(unknown.getMessage().startsWith("--changed-since nope: no such branch, tag or commit in "), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("fetch the base branch and its history first"), unknown.getMessage());

        SessionException option = assertThrows(SessionException.class, () -> ChangedSince.read("changedSince", "--output=x", repo));
        assertEquals("changedSince needs a git ref (a branch, tag or commit), not '--output=x'", option.getMessage());

        Path outside = Files.createTempDirectory("not-a-repo");
        try {
            SessionException none = assertThrows(SessionException.class, () -> ChangedSince.read("--changed-since", "main", outside));
            assertTrue(none.getMessage().contains("not a git repository"), none.getMessage());
        } finally {
            Files.delete(outside);
        }
    }

    private void git(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("git " + String.join(" ", args) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}

package dev.postinglint.core.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.regex.Globs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Directory walks inside a git work tree leave out what git ignores. The expected lists come from git itself
 * ({@code git ls-files --others --exclude-standard}), so the walk and git cannot quietly disagree.
 */
class GitIgnoresTest {
    @TempDir
    Path dir;

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private List<String> walked(Path root) {
        InputCollector.Collected c = new InputCollector(new Globs(List.of("**/*.html", "**/*.md", "**/*.json")), new Globs(List.of()))
                .collect(List.of(root));
        return c.files().stream().map(f -> dir.relativize(f.path()).toString().replace('\\', '/')).sorted().toList();
    }

    @Test
    void theWalkSkipsWhatGitIgnoresNestedNegatedAndExcluded() throws IOException {
        git("init", "-q");
        write(".gitignore", "build/\n*.draft.html\n/top-only.html\n");
        write(".git/info/exclude", "local-notes.md\n");
        write("jobs/.gitignore", "archive/*\n!archive/keep.html\n");
        for (String p : List.of("a.html", "b.draft.html", "top-only.html", "jobs/top-only.html", "jobs/c.md", "local-notes.md",
                "jobs/local-notes.md", "build/d.html", "jobs/build/e.html", "jobs/archive/old.html", "jobs/archive/keep.html")) {
            write(p, "<p>x</p>\n");
        }
        List<String> byGit = Arrays.stream(git("ls-files", "--others", "--exclude-standard", "-z").split("\0"))
                .filter(p -> p.endsWith(".html") || p.endsWith(".md")).sorted().toList();
        assertEquals(List.of("a.html", "jobs/archive/keep.html", "jobs/c.md", "jobs/top-only.html"), byGit, "what git says");
        assertEquals(byGit, walked(dir));
        assertEquals(List.of("jobs/archive/keep.html", "jobs/c.md", "jobs/top-only.html"), walked(dir.resolve("jobs")),
                "a walk that starts below the top still reads the .gitignore files above it");
    }

    @Test
    void aLinkedWorktreeReadsTheCommonInfoExclude() throws IOException {
        git("init", "-q");
        write("seed.html", "<p>x</p>\n");
        git("add", "-A");
        git("-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "seed");
        write(".git/info/exclude", "private.html\n");
        Path wt = dir.resolve("wt");
        git("worktree", "add", "-q", wt.toString());
        Files.writeString(wt.resolve("private.html"), "<p>x</p>\n");
        Files.writeString(wt.resolve("public.html"), "<p>x</p>\n");
        assertTrue(Files.isRegularFile(wt.resolve(".git")), "a linked worktree has a .git file");
        assertEquals(List.of("wt/public.html", "wt/seed.html"), walked(wt));
    }

    @Test
    void outsideAWorkTreeGitignoreMeansNothingAndFilesNamedExplicitlyAreAlwaysChecked() throws IOException {
        write(".gitignore", "*.html\n");
        write("a.html", "<p>x</p>\n");
        assertEquals(List.of("a.html"), walked(dir), "no .git: not a work tree");
        Files.createDirectories(dir.resolve(".git"));
        assertEquals(List.of(), walked(dir));
        InputCollector.Collected named = new InputCollector(new Globs(List.of("**/*.html")), new Globs(List.of()))
                .collect(List.of(dir.resolve("a.html")));
        assertEquals(1, named.files().size(), "a file named on the command line is checked even when ignored");
    }

    @Test
    void reportsAndBaselinesBesideThePostingsAreNeitherLintedNorNoted() throws IOException {
        write("jobs/a.html", "<p>A posting.</p>\n");
        write("jobs/posting-lint.html", "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"generator\" content=\"posting-lint\">\n<title>report</title>");
        write("jobs/report.json", "{\n  \"tool\" : {\n    \"name\" : \"posting-lint\",\n    \"version\" : \"1\"\n  }\n}\n");
        write("jobs/posting-lint-baseline.json", "{\n  \"posting-lint-baseline\": 1,\n  \"entries\": []\n}\n");
        write("jobs/gl-code-quality-report.json", "[ ]\n");
        write("jobs/cq.json", "[ {\n  \"type\" : \"issue\",\n  \"description\" : \"x\"\n} ]\n");
        write("jobs/package.json", "{\"name\": \"site\"}\n");
        InputCollector.Collected c = new InputCollector(new Globs(List.of("**/*.html", "**/*.json")), new Globs(List.of()))
                .collect(List.of(dir));
        assertEquals(List.of("jobs/a.html"), c.files().stream().map(f -> dir.relativize(f.path()).toString()).toList());
        assertEquals(1, c.notes().size(), "only package.json is worth a note: " + c.notes());
        assertTrue(c.notes().get(0).endsWith("package.json: skipped, JSON but not a job board export"), c.notes().toString());
    }

    private String git(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("git " + String.join(" ", args) + ": " + err);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}

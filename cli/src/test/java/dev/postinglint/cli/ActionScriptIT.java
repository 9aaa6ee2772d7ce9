package dev.postinglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action's steps (scripts/action-run.sh, which action.yml runs) outside GitHub: installed
 * from the local release archive (POSTING_LINT_ARCHIVE instead of the download), run against a posting
 * repository, with GITHUB_OUTPUT, GITHUB_PATH and GITHUB_STEP_SUMMARY as files in a temporary directory.
 */
class ActionScriptIT {
    static final Path SCRIPT = ReleaseArchiveIT.ROOT.resolve("scripts/action-run.sh");

    @TempDir
    Path tmp;

    private Map<String, String> github(Map<String, String> env, String step) throws IOException {
        Map<String, String> e = new HashMap<>(env);
        Path dir = Files.createDirectories(tmp.resolve("github-" + step));
        for (String f : List.of("GITHUB_OUTPUT", "GITHUB_PATH", "GITHUB_STEP_SUMMARY")) {
            Path file = dir.resolve(f.toLowerCase());
            Files.writeString(file, "");
            e.put(f, file.toString());
        }
        return e;
    }

    private static Map<String, String> outputs(Map<String, String> env) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(env.get("GITHUB_OUTPUT")))) {
            int eq = line.indexOf('=');
            out.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return out;
    }

    /** action.yml, the README's Install list of its inputs and the README's workflow agree. */
    @Test
    void theReadmeWorkflowUsesTheActionAndListsItsInputs() throws IOException {
        Map<String, Object> action = new org.yaml.snakeyaml.Yaml().load(Files.readString(ReleaseArchiveIT.ROOT.resolve("action.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> inputs = (Map<String, Object>) action.get("inputs");
        String readme = Files.readString(ReleaseArchiveIT.ROOT.resolve("README.md"));
        String install = readme.substring(readme.indexOf("**GitHub Action**"), readme.indexOf("**pre-commit**"));
        for (String input : inputs.keySet()) {
            assertTrue(install.contains("`" + input + "`"), "README's Install lists the input " + input);
        }
        String workflow = readme.substring(readme.indexOf("### GitHub Actions"), readme.indexOf("## Fixes, suppressions"));
        assertTrue(workflow.contains("uses: postinglint/posting-lint@v1"), workflow);
        assertFalse(workflow.contains("./posting-lint"), "a posting repository has no ./posting-lint: " + workflow);
        for (String used : List.of("paths", "fail-on", "version")) {
            assertTrue(inputs.containsKey(used), used);
        }
    }

    @Test
    void installsFromALocalArchiveChecksWritesReportsAndReportsTheExitCode() throws IOException {
        Map<String, String> base = ReleaseArchiveIT.env(tmp);
        base.put("RUNNER_TOOL_CACHE", Files.createDirectories(tmp.resolve("tool-cache")).toString());
        base.put("RUNNER_TEMP", Files.createDirectories(tmp.resolve("runner-temp")).toString());
        base.put("POSTING_LINT_ARCHIVE", ReleaseArchiveIT.DIST.toString());
        Path repo = ReleaseArchiveIT.postingRepo(tmp.resolve("repo"));

        // install: unpacked into the tool cache, bin/ added to the PATH, outputs set.
        Map<String, String> install = github(base, "install");
        Cli.Result installed = ReleaseArchiveIT.run(repo, install, List.of(SCRIPT.toString(), "install"));
        assertEquals(0, installed.exit(), installed.toString());
        Map<String, String> io = outputs(install);
        String version = ReleaseArchiveIT.VERSION;
        Path home = tmp.resolve("tool-cache/posting-lint/" + version + "/posting-lint-" + version);
        assertEquals(version, io.get("version"));
        assertEquals(home.toString(), io.get("home"));
        assertEquals(home.resolve("bin/posting-lint").toString(), io.get("bin"));
        assertEquals(home.resolve("bin") + "\n", Files.readString(Path.of(install.get("GITHUB_PATH"))));
        // A second install finds the cached copy (what actions/cache restores).
        Cli.Result again = ReleaseArchiveIT.run(repo, github(base, "install2"), List.of(SCRIPT.toString(), "install"));
        assertTrue(again.out().contains("(cached)"), again.toString());

        // check with findings at fail-on: exit code 1 in the outputs, reports written, the step itself passes.
        Map<String, String> check = github(base, "check");
        check.put("POSTING_LINT_BIN", io.get("bin"));
        check.put("INPUT_PATHS", "postings");
        check.put("INPUT_POLICY", "team.yaml");
        check.put("INPUT_FORMATS", "github");
        check.put("INPUT_FAIL_ON", "error");
        check.put("INPUT_AS_OF", "2026-11-21");
        check.put("INPUT_SARIF_FILE", "out/posting-lint.sarif");
        check.put("INPUT_HTML_FILE", "posting-lint.html");
        Files.createDirectories(repo.resolve("out"));
        Cli.Result failed = ReleaseArchiveIT.run(repo, check, List.of(SCRIPT.toString(), "check"));
        assertEquals(0, failed.exit(), failed.toString());
        assertTrue(failed.out().contains("::error file=postings/bad.html,line=1,col=17"), failed.out());
        Map<String, String> co = outputs(check);
        assertEquals("1", co.get("exit-code"));
        assertEquals("out/posting-lint.sarif", co.get("sarif-file"));
        assertEquals("posting-lint.html", co.get("html-file"));
        assertEquals("2 files checked: 1 error, 0 warnings, 0 infos", co.get("summary"));
        String sarif = Files.readString(repo.resolve("out/posting-lint.sarif"));
        assertTrue(sarif.contains("\"ruleId\" : \"no-rockstar\"") || sarif.contains("\"ruleId\":\"no-rockstar\""), sarif);
        assertTrue(Files.readString(repo.resolve("posting-lint.html")).contains("<html"), "the HTML report");
        String summary = Files.readString(Path.of(check.get("GITHUB_STEP_SUMMARY")));
        assertTrue(summary.contains("Failed (fail-on: error): 2 files checked: 1 error, 0 warnings, 0 infos"), summary);

        // fail-on never: exit code 0.
        Map<String, String> never = github(check, "never");
        never.put("INPUT_FAIL_ON", "never");
        never.put("INPUT_SARIF_FILE", "");
        never.put("INPUT_HTML_FILE", "");
        Cli.Result passed = ReleaseArchiveIT.run(repo, never, List.of(SCRIPT.toString(), "check"));
        assertEquals(0, passed.exit(), passed.toString());
        assertEquals("0", outputs(never).get("exit-code"));
        assertEquals("", outputs(never).get("sarif-file"));
        assertTrue(Files.readString(Path.of(never.get("GITHUB_STEP_SUMMARY"))).contains("Passed (fail-on: never)"));

        // A usage error (a path that does not exist) is exit code 2, told apart from findings.
        Map<String, String> missing = github(check, "missing");
        missing.put("INPUT_PATHS", "no-such-dir");
        ReleaseArchiveIT.run(repo, missing, List.of(SCRIPT.toString(), "check"));
        assertEquals("2", outputs(missing).get("exit-code"));
        assertFalse(Files.exists(tmp.resolve("mvn-called")), "the action never calls Maven");
    }

    /**
     * A pull request as actions/checkout leaves it: a shallow clone of the head branch without the base branch.
     * With changed-since (github.base_ref), the script fetches the base and the history the merge base needs, and
     * only the pull request's posting is reported: bad.html's error, already on main, does not fail it.
     */
    @Test
    void onAPullRequestOnlyTheChangedPostingsAreReportedAndGated() throws IOException {
        Map<String, String> base = ReleaseArchiveIT.env(tmp);
        base.put("RUNNER_TOOL_CACHE", Files.createDirectories(tmp.resolve("tool-cache")).toString());
        base.put("POSTING_LINT_ARCHIVE", ReleaseArchiveIT.DIST.toString());
        Path upstream = ReleaseArchiveIT.postingRepo(tmp.resolve("upstream"));
        git(base, upstream, "init", "-q", "-b", "main");
        git(base, upstream, "add", "-A");
        git(base, upstream, "commit", "-q", "-m", "postings");
        git(base, upstream, "checkout", "-q", "-b", "feature");
        Files.writeString(upstream.resolve("postings/new.html"), "<p>We need a <b>rock</b>star too!</p>\n");
        git(base, upstream, "add", "-A");
        git(base, upstream, "commit", "-q", "-m", "a new posting");
        Path pr = tmp.resolve("pr");
        git(base, tmp, "clone", "-q", "--depth", "1", "--branch", "feature", upstream.toUri().toString(), pr.toString());

        Map<String, String> install = github(base, "install");
        assertEquals(0, ReleaseArchiveIT.run(pr, install, List.of(SCRIPT.toString(), "install")).exit());
        Map<String, String> check = github(base, "check");
        check.put("POSTING_LINT_BIN", outputs(install).get("bin"));
        check.put("INPUT_PATHS", "postings");
        check.put("INPUT_POLICY", "team.yaml");
        check.put("INPUT_AS_OF", "2026-11-21");
        check.put("INPUT_SARIF_FILE", "");
        check.put("INPUT_HTML_FILE", "");
        check.put("INPUT_CHANGED_SINCE", "main");
        Cli.Result r = ReleaseArchiveIT.run(pr, check, List.of(SCRIPT.toString(), "check"));
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("--changed-since origin/main"), r.toString());
        assertTrue(r.err().contains("fetching the base branch main"), r.toString());
        assertTrue(r.out().contains("::error file=postings/new.html,line=1,col=17"), r.toString());
        assertFalse(r.out().contains("postings/bad.html"), "bad.html is main's, not the pull request's: " + r);
        assertEquals("1", outputs(check).get("exit-code"), "new.html's own error still fails it");
        assertEquals("1 file checked: 1 error, 0 warnings, 0 infos", outputs(check).get("summary"));

        // Fixed on the branch: the pull request passes although main still has bad.html's error.
        Files.writeString(pr.resolve("postings/new.html"), ReleaseArchiveIT.GOOD);
        Map<String, String> fixed = github(check, "fixed");
        Cli.Result ok = ReleaseArchiveIT.run(pr, fixed, List.of(SCRIPT.toString(), "check"));
        assertEquals("0", outputs(fixed).get("exit-code"), ok.toString());
        assertFalse(ok.err().contains("fetching"), "the base branch is there now: " + ok);
    }

    private static void git(Map<String, String> env, Path dir, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                "-c", "commit.gpgsign=false", "-c", "protocol.file.allow=always"));
        cmd.addAll(List.of(args));
        Cli.Result r = ReleaseArchiveIT.run(dir, env, cmd);
        assertEquals(0, r.exit(), "git " + String.join(" ", args) + ": " + r);
    }
}

package dev.postinglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-commit hook (.pre-commit-hooks.yaml) with the real pre-commit ({@code try-repo} against this
 * repository, uncommitted changes included) in a scratch git repository, using the posting-lint of the
 * release archive (POSTING_LINT_HOME). .ci/run installs pre-commit from Debian; the test is skipped
 * only where pre-commit is missing.
 */
class PreCommitHookIT {
    @TempDir
    Path tmp;

    private static String preCommit() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, "pre-commit");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    @Test
    void theHookBlocksACommitOfAPostingWithAnErrorAndLetsAFixedOneThrough() throws IOException {
        String preCommit = preCommit();
        assumeTrue(preCommit != null, "pre-commit is not installed (apt-get install pre-commit; .ci/run does)");
        Path home = ReleaseArchiveIT.unpack(Files.createDirectories(tmp.resolve("opt")));
        Map<String, String> env = ReleaseArchiveIT.env(tmp);
        env.put("POSTING_LINT_HOME", home.toString());
        env.put("PRE_COMMIT_HOME", tmp.resolve("pre-commit-cache").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_AUTHOR_NAME", "t");
        env.put("GIT_AUTHOR_EMAIL", "t@example.invalid");
        env.put("GIT_COMMITTER_NAME", "t");
        env.put("GIT_COMMITTER_EMAIL", "t@example.invalid");
        Path repo = Files.createDirectories(tmp.resolve("postings-repo"));
        git(repo, env, "init", "-q");
        Files.writeString(repo.resolve(".posting-lint.yaml"), ReleaseArchiveIT.POLICY);
        Files.writeString(repo.resolve("notes.txt"), "not a posting: rockstar\n");
        Files.writeString(repo.resolve("new.html"), ReleaseArchiveIT.BAD);
        git(repo, env, "add", ".");

        List<String> tryRepo = List.of(preCommit, "try-repo", ReleaseArchiveIT.ROOT.toString(), "posting-lint");
        Cli.Result blocked = ReleaseArchiveIT.run(repo, env, tryRepo);
        assertEquals(1, blocked.exit(), blocked.toString());
        assertTrue(blocked.out().contains("new.html:1:17: error [no-rockstar] Avoid 'rockstar': it puts off applicants"), blocked.out());
        assertTrue(blocked.out().contains("1 file checked: 1 error"), "only the staged posting, not notes.txt: " + blocked.out());

        // Fixed in the work tree but not staged: still blocked (the hook sees what would be committed).
        Files.writeString(repo.resolve("new.html"), ReleaseArchiveIT.GOOD);
        assertEquals(1, ReleaseArchiveIT.run(repo, env, tryRepo).exit());

        git(repo, env, "add", "new.html");
        Cli.Result passed = ReleaseArchiveIT.run(repo, env, tryRepo);
        assertEquals(0, passed.exit(), passed.toString());
        assertTrue(passed.out().contains("Passed"), passed.out());
        assertFalse(Files.exists(tmp.resolve("mvn-called")), "the hook never calls Maven");
    }

    private static void git(Path repo, Map<String, String> env, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Cli.Result r = ReleaseArchiveIT.run(repo, env, cmd);
        assertEquals(0, r.exit(), r.toString());
    }
}

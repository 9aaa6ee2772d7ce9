package dev.postinglint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.fix.AtomicWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fix goal on a module in a temporary directory: dry run changes nothing, a write that fails (a full disk,
 * injected through the writer's seam) fails the goal and leaves the posting as it was.
 */
class FixMojoTest {
    @TempDir
    Path module;
    FixMojo mojo;
    RecordingLog log;
    static final String POSTING = "<h1>Engineer</h1>\r\n<p>We want a rockstar &amp; more.</p>\r\n";

    @BeforeEach
    void configure() throws IOException {
        Files.createDirectories(module.resolve("src/postings"));
        Files.writeString(module.resolve("src/postings/job.html"), POSTING);
        Files.writeString(module.resolve("policy.yaml"), """
                name: fix-test
                rules:
                  - id: no-rockstar
                    type: substitute
                    severity: error
                    category: inclusive-language
                    swap:
                      rockstar: skilled engineer
                """);
        mojo = new FixMojo();
        mojo.basedir = module.toFile();
        mojo.policies = List.of("policy.yaml");
        mojo.sourceDirectories = List.of("src/postings");
        mojo.includes = List.of("**/*.html");
        mojo.excludes = List.of();
        mojo.outputDirectory = module.resolve("target/posting-lint").toFile();
        mojo.failOn = "error";
        mojo.formats = "none";
        mojo.logViolationsToConsole = true;
        log = new RecordingLog();
        mojo.setLog(log);
    }

    @Test
    void fixesThenChecks() throws Exception {
        mojo.execute();
        assertEquals(POSTING.replace("rockstar", "skilled engineer"), Files.readString(module.resolve("src/postings/job.html")));
        assertTrue(log.at("INFO").contains("posting-lint: fixed src/postings/job.html: 1 fix (no-rockstar)"), log.lines.toString());
        assertTrue(log.at("INFO").contains("posting-lint: 1 file checked: 0 errors, 0 warnings, 0 infos"), log.lines.toString());
    }

    @Test
    void aDryRunLogsTheDiffAndChangesNothing() throws Exception {
        mojo.dryRun = true;
        mojo.failOn = "never";
        mojo.execute();
        assertEquals(POSTING, Files.readString(module.resolve("src/postings/job.html")));
        String diff = String.join("\n", log.at("INFO"));
        assertTrue(diff.contains("-<p>We want a rockstar &amp; more.</p>\r"), diff);
        assertTrue(diff.contains("+<p>We want a skilled engineer &amp; more.</p>\r"), diff);
    }

    @Test
    void aWriteThatFailsFailsTheGoalAndLeavesThePosting() {
        mojo.writer = new AtomicWriter((step, temp) -> {
            if (step == AtomicWriter.Step.WRITTEN) {
                throw new IOException("No space left on device");
            }
        });
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("posting-lint: cannot write 1 posting: src/postings/job.html: No space left on device", e.getMessage());
        assertTrue(log.at("ERROR").contains("posting-lint: cannot write src/postings/job.html: No space left on device"), log.lines.toString());
        assertPostingUntouched();
    }

    private void assertPostingUntouched() {
        try {
            assertEquals(POSTING, Files.readString(module.resolve("src/postings/job.html")));
            try (var s = Files.list(module.resolve("src/postings"))) {
                assertEquals(1, s.count(), "no temporary file is left");
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

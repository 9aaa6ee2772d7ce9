package dev.postinglint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.policy.PolicyResolver;
import dev.postinglint.core.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What goals see of a run: the postings by reported path, and what could not be read. */
class LintRunTest {
    @Test
    void namesUnreadablePathsAndFindsPostingsByPath(@TempDir Path module) throws Exception {
        Path good = module.resolve("src/postings/good.html");
        Files.createDirectories(good.getParent());
        Files.writeString(good, "<p>We are an equal opportunity employer. Ask us for an accommodation at hr@example.com.</p><p>Location: London, UK</p>");
        InputFile goodFile = new InputFile(good, "src/postings/good.html");
        InputFile gone = new InputFile(module.resolve("src/postings/gone.html"), "src/postings/gone.html");
        LintReport report = new Linter(LocalDate.of(2025, 1, 1), 1, Linter.DEFAULT_MAX_FILE_BYTES)
                .lint(List.of(goodFile, gone), PolicyResolver.fixed(new PolicyLoader().load("builtin:default", null)));

        var run = new AbstractPostingLintMojo.LintRun(module, List.of(goodFile, gone), report,
                List.of("src/postings/locked: permission denied"));

        assertEquals(List.of("src/postings/locked: permission denied", "src/postings/gone.html: no such file"), run.unreadable());
        assertSame(goodFile, run.file("src/postings/good.html"));
        assertNull(run.file("src/postings/other.html"));
        // files come back in path order: gone.html (one input-error finding), then good.html (clean)
        assertEquals(List.of(1, 0), report.files().stream().map(r -> r.findings().size()).toList());
    }
}

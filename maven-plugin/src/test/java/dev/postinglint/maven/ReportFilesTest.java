package dev.postinglint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.policy.PolicyResolver;
import dev.postinglint.core.policy.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
    @TempDir
    Path dir;

    private LintReport lintOnePosting() throws IOException {
        Path posting = dir.resolve("job.html");
        Files.writeString(posting, "<h1>Engineer</h1>\n<p>Apply now.</p>\n");
        return new Linter(LocalDate.of(2025, 1, 1), 1, Linter.DEFAULT_MAX_FILE_BYTES).lint(
                List.of(new InputFile(posting, "src/postings/job.html")),
                PolicyResolver.fixed(new PolicyLoader().load("builtin:default", null)));
    }

    @Test
    void writesEachFormatUnderItsDefaultName() throws IOException {
        LintReport report = lintOnePosting();
        Path out = dir.resolve("target/posting-lint");

        List<Path> written = ReportFiles.write(report, List.of("json", "text"), out);

        assertEquals(List.of(out.resolve("posting-lint.json"), out.resolve("posting-lint.txt")), written);
        String json = Files.readString(out.resolve("posting-lint.json"));
        assertTrue(json.contains("\"path\" : \"src/postings/job.html\""), json);
        assertTrue(json.contains("\"ruleId\" : \"eeo-statement-present\""), json);
        assertTrue(Files.readString(out.resolve("posting-lint.txt")).contains("src/postings/job.html:1:5: error [eeo-statement-present]"));
    }

    @Test
    void noFormatsWritesNothing() throws IOException {
        Path out = dir.resolve("none");
        assertEquals(List.of(), ReportFiles.write(lintOnePosting(), List.of(), out));
        assertFalse(Files.exists(out));
    }

    @Test
    void replacesAnOlderReport() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("posting-lint.json"), "stale".repeat(10_000));

        ReportFiles.write(lintOnePosting(), List.of("json"), out);

        String json = Files.readString(out.resolve("posting-lint.json"));
        assertFalse(json.contains("stale"));
        assertTrue(json.strip().endsWith("}"));
    }
}

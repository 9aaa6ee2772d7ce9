package dev.postinglint.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped location field's places-in-prose: the place from a sentence, named as such in messages; the field wins. */
class ProsePlacesPackTest {
    @TempDir
    Path dir;

    private FileResult lint(String name, String html) throws IOException {
        Path f = Files.writeString(dir.resolve(name), html);
        Policy p = new PolicyLoader().load("builtin:pay-transparency", null);
        return new Linter(LocalDate.of(2026, 11, 21), 1, Linter.DEFAULT_MAX_FILE_BYTES)
                .lint(List.of(InputFile.of(f)), path -> p).files().get(0);
    }

    @Test
    void aPlaceInProseIsJudgedAndNamedAsReadFromTheText() throws IOException {
        FileResult r = lint("boulder.html", "<p>You will work out of our HQ offices in Boulder, Colorado.</p><p>We pay well.</p>");
        Finding pay = r.findings().stream().filter(x -> x.ruleId().equals("pay-range-present-us")).findFirst()
                .orElseThrow(() -> new AssertionError(r.findings().toString()));
        assertTrue(pay.message().contains("Colorado") && pay.message().contains("(Boulder, Colorado, read from the text)"), pay.message());
    }

    @Test
    void aLocationLineWinsOverProse() throws IOException {
        FileResult r = lint("london.html", "<p>Location: London, UK</p><p>This role is based in Denver, CO.</p><p>We pay well.</p>");
        assertTrue(r.findings().stream().noneMatch(x -> x.ruleId().startsWith("pay-range-present") || x.ruleId().startsWith("co-")),
                r.findings().toString());
    }
}

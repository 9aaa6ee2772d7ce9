package dev.postinglint.core.session;

import dev.postinglint.core.engine.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** A module on disk for session tests: a policy that swaps "rockstar" (an error with a fix) and some postings. */
final class SessionFixture {
    static final String ROCKSTAR = "<h1>Engineer</h1>\n<p>We want a rockstar &amp; more.</p>\n";
    static final String CLEAN = "<h1>Engineer</h1>\n<p>We want a skilled engineer &amp; more.</p>\n";

    private final Path dir;

    SessionFixture(Path dir) throws IOException {
        this.dir = dir;
        Files.writeString(dir.resolve("policy.yaml"), """
                name: session-test
                rules:
                  - id: no-rockstar
                    type: substitute
                    severity: error
                    category: inclusive-language
                    swap:
                      rockstar: skilled engineer
                """);
        Files.createDirectories(dir.resolve("postings"));
    }

    Path posting(String name, String text) throws IOException {
        Path p = dir.resolve("postings").resolve(name);
        Files.writeString(p, text);
        return p;
    }

    Path path(String relative) {
        return dir.resolve(relative);
    }

    Postings postings() {
        return Postings.collect(List.of(dir.resolve("postings")), List.of(), List.of(), dir);
    }

    LintSettings settings() {
        return new LintSettings(List.of("policy.yaml"), dir, LocalDate.of(2026, 6, 1), 1, Linter.DEFAULT_MAX_FILE_BYTES);
    }

    CheckRequest request(FailGate gate, String baseline, String writeBaseline) {
        return new CheckRequest(settings(), gate, baseline == null ? null : dir.resolve(baseline),
                writeBaseline == null ? null : dir.resolve(writeBaseline), dir);
    }
}

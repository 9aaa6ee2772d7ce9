package dev.postinglint.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.yaml.PolicyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ignore:} in {@code .posting-lint.yaml}: files under the policy's directory that are not postings. */
class PolicyIgnoreTest {
    @TempDir
    Path dir;

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private List<String> checked(List<Path> paths) throws IOException {
        LintSettings settings = new LintSettings(List.of(), dir, LocalDate.of(2026, 6, 1), 1, Linter.DEFAULT_MAX_FILE_BYTES);
        CheckOutcome o = CheckSession.open(new CheckRequest(settings, FailGate.at(Severity.ERROR), null, null, dir))
                .check(Postings.collect(paths, List.of(), List.of(), dir));
        return o.report().files().stream().map(FileResult::path).toList();
    }

    @Test
    void ignoredFilesAreNotPostingsWhereverTheWalkStarts() throws IOException {
        write("jobs/.posting-lint.yaml", """
                name: jobs
                ignore:
                  - templates
                  - "**/_*.html"
                  - README.md
                rules:
                  - id: no-rockstar
                    type: forbid
                    severity: error
                    category: inclusive-language
                    pattern: '(?i)\\\\brockstar\\\\b'
                """);
        write("other/.posting-lint.yaml", "name: other\n");
        for (String p : List.of("jobs/a.html", "jobs/templates/base.html", "jobs/templates/x/y.md", "jobs/sales/_partial.html",
                "jobs/_top.html", "jobs/README.md", "jobs/sales/README.md", "other/templates/t.html")) {
            write(p, "<p>a rockstar</p>\\n");
        }
        assertEquals(List.of("jobs/a.html", "jobs/sales/README.md", "other/templates/t.html"), checked(List.of(dir)),
                "globs are relative to the policy's directory; other/ has its own policy");
        assertEquals(List.of(), checked(List.of(dir.resolve("jobs/templates/base.html"))),
                "named on the command line, an ignored file is still not a posting");
    }

    @Test
    void aBadGlobIsReportedWhereItIsAndPacksCannotIgnore() throws IOException {
        write("p.yaml", "name: p\nignore: \"a[\"\n");
        PolicyException e = assertThrows(PolicyException.class, () -> new PolicyLoader().load("p.yaml", dir));
        assertTrue(e.getMessage().contains("p.yaml:2:9") && e.getMessage().contains("bad 'ignore' glob 'a['"), e.getMessage());
        write("r.yaml", "name: r\nignore: [\"*.html\", \"*.[z-a]\"]\n");
        PolicyException backwards = assertThrows(PolicyException.class, () -> new PolicyLoader().load("r.yaml", dir));
        assertTrue(backwards.getMessage().contains("r.yaml:2:20") && backwards.getMessage().contains("invalid character class range 'z-a'"),
                backwards.getMessage());
        write("q.yaml", "name: q\nignore: 7\n");
        assertTrue(new PolicyLoader().load("q.yaml", dir).ignores(dir.resolve("7")), "a scalar is read as a string");
    }
}

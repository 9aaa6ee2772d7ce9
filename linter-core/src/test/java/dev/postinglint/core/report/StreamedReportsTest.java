package dev.postinglint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.policy.PolicyResolver;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streamed run written by each format as it goes gives the bytes the whole report gives: with a corpus rule
 * whose findings come at the end (for postings past the first 256, whose results waited on disk), waivers,
 * fixes, suppression comments and a display threshold.
 */
class StreamedReportsTest {
    @TempDir
    Path dir;

    static final String POLICY = """
            name: streamed
            rules:
              - {id: drift, type: consistency, severity: warning, category: boilerplate, group-by: heading, min-words: 5}
              - id: rockstar
                type: substitute
                severity: error
                category: wording
                swap: {rockstar: skilled engineer}
              - {id: images, type: selector, severity: info, category: html-hygiene, selector: img}
            waivers:
              - {rule: rockstar, files: "p01*.html", reason: legacy title, approved-by: Legal, expires: 2030-01-01}
            """;
    static final String ABOUT = "We build tools for careful people. Our team works across six countries and ships every week.";
    static final String ABOUT_OLD = "We build tools for careful people. Our team works across four countries and ships every week.";

    private List<InputFile> postings(int n) throws IOException {
        List<InputFile> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = String.format("p%03d.html", i);
            String about = i % 7 == 3 ? ABOUT_OLD : ABOUT;
            String body = (i % 11 == 0 ? "<!-- posting-lint-disable images -- a logo -->\n" : "")
                    + "<h2>About us</h2>\n<p>" + about + "</p>\n<h2>What you will do</h2>\n<p>Be a rockstar on team " + i
                    + (i % 5 == 0 ? " <img src=x.png>" : "") + "</p>\n";
            Path p = dir.resolve(name);
            Files.writeString(p, body);
            files.add(new InputFile(p, name));
        }
        return files;
    }

    @Test
    void everyFormatStreamedIsTheWholeReportsBytes() throws IOException {
        List<InputFile> files = postings(300);
        Path policyFile = dir.resolve("streamed.yaml");
        Files.writeString(policyFile, POLICY);
        Policy policy = new PolicyLoader().load(List.of(policyFile.toString()), dir);
        PolicyResolver resolver = PolicyResolver.fixed(policy);
        Linter linter = new Linter(LocalDate.of(2026, 1, 1), 2, Linter.DEFAULT_MAX_FILE_BYTES);

        LintReport whole = linter.lint(files, resolver);
        assertEquals(300, whole.files().size());
        FileResult late = whole.files().get(283); // 283 % 7 == 3: an old About, past the results kept in memory
        assertTrue(late.findings().stream().anyMatch(f -> f.ruleId().equals("drift")), late.toString());
        assertTrue(whole.files().get(10).findings().stream().anyMatch(f -> f.waived()), "a waiver applies after the corpus rules");
        assertTrue(whole.summary().suppressed() > 0);

        for (String format : ReportFormats.names()) {
            for (Severity minimum : List.of(Severity.INFO, Severity.ERROR)) {
                StringWriter expected = new StringWriter();
                ReportFormats.create(format, minimum).write(whole, expected);
                StringWriter streamed = new StringWriter();
                linter.run(files, resolver, linter.fromFiles(), null, ReportFormats.create(format, minimum).open(streamed));
                assertEquals(timeless(expected.toString()), timeless(streamed.toString()), format + " at " + minimum);
            }
        }
    }

    /** The run's duration is the one thing two runs may differ in. */
    private static String timeless(String report) {
        return report.replaceAll("\\(\\d+\\.\\d+ s\\)", "(T s)").replaceAll("\"durationMs\" ?: ?\\d+", "\"durationMs\":T")
                .replaceAll("time=\"[0-9.]+\"", "time=\"T\"").replaceAll("&quot;durationMs&quot;:\\d+", "D");
    }
}

package dev.postinglint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.ResultStream;
import dev.postinglint.core.model.RunHeader;
import dev.postinglint.core.model.RunTotals;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.policy.PolicyResolver;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
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

    private final Linter linter = new Linter(LocalDate.of(2026, 1, 1), 2, Linter.DEFAULT_MAX_FILE_BYTES);
    private List<InputFile> files;
    private PolicyResolver resolver;

    private LintReport whole() throws IOException {
        files = postings(300);
        Path policyFile = dir.resolve("streamed.yaml");
        Files.writeString(policyFile, POLICY);
        Policy policy = new PolicyLoader().load(List.of(policyFile.toString()), dir);
        resolver = PolicyResolver.fixed(policy);
        return linter.lint(files, resolver);
    }

    /** A streamed run through {@code reporter}, as the CLI writes it. */
    private String streamed(Reporter reporter) throws IOException {
        StringWriter w = new StringWriter();
        linter.run(files, resolver, linter.fromFiles(), null, reporter.open(w));
        return w.toString();
    }

    private static String written(Reporter reporter, LintReport report) throws IOException {
        StringWriter w = new StringWriter();
        reporter.write(report, w);
        return w.toString();
    }

    @Test
    void everyFormatStreamedIsTheWholeReportsBytes() throws IOException {
        LintReport whole = whole();
        assertEquals(300, whole.files().size());
        FileResult late = whole.files().get(283); // 283 % 7 == 3: an old About, past the results kept in memory
        assertTrue(late.findings().stream().anyMatch(f -> f.ruleId().equals("drift")), late.toString());
        assertTrue(whole.files().get(10).findings().stream().anyMatch(f -> f.waived()), "a waiver applies after the corpus rules");
        assertTrue(whole.summary().suppressed() > 0);

        for (String format : ReportFormats.names()) {
            for (Severity minimum : List.of(Severity.INFO, Severity.ERROR)) {
                assertEquals(timeless(written(ReportFormats.create(format, minimum), whole)),
                        timeless(streamed(ReportFormats.create(format, minimum))), format + " at " + minimum);
            }
        }
    }

    /**
     * The caps of the formats that rank before they list hold on a streamed run as on a whole one: SARIF keeps the
     * most serious results (errors, then warnings, then infos, waived last) in reading order within the severity it
     * cuts, each still naming its rule by its place in the sorted rules; GitHub annotates the first of each kind.
     */
    @Test
    void cappedFormatsStreamTheirCapsAsAWholeReportDoes() throws IOException {
        LintReport whole = whole();
        Path spills = Files.createDirectory(dir.resolve("spills"));
        int errors = whole.summary().errors();
        assertTrue(errors > 20 && whole.summary().warnings() > 0, whole.summary().toString());
        int cap = errors + 3; // every error and the first three warnings
        String sarif = streamed(new SarifReporter(cap, spills));
        assertEquals(written(new SarifReporter(cap, spills), whole), sarif);
        JsonNode run = new ObjectMapper().readTree(sarif).get("runs").get(0);
        JsonNode results = run.get("results");
        assertEquals(cap, results.size());
        List<String> levels = new ArrayList<>();
        results.forEach(r -> levels.add(r.get("level").asText()));
        assertEquals(errors, levels.stream().filter("error"::equals).count());
        assertEquals(List.of("warning", "warning", "warning"), levels.stream().filter(l -> !l.equals("error")).toList());
        List<String> firstWarnings = whole.files().stream().flatMap(r -> r.findings().stream()
                .filter(f -> f.severity() == Severity.WARNING && !f.waived()).map(f -> r.path() + ":" + f.span().start().line()))
                .limit(3).toList();
        List<String> keptWarnings = new ArrayList<>();
        for (JsonNode r : results) {
            assertEquals(r.get("ruleId").asText(), run.get("tool").get("driver").get("rules").get(r.get("ruleIndex").asInt()).get("id").asText());
            if (r.get("level").asText().equals("warning")) {
                JsonNode loc = r.get("locations").get(0).get("physicalLocation");
                keptWarnings.add(loc.get("artifactLocation").get("uri").asText() + ":" + loc.get("region").get("startLine").asInt());
            }
        }
        assertEquals(firstWarnings, keptWarnings, "the first warnings in reading order");
        JsonNode notice = run.get("invocations").get(0).get("toolExecutionNotifications").get(0).get("properties");
        int total = whole.files().stream().mapToInt(r -> r.findings().size()).sum();
        assertEquals(total, notice.get("results").asInt());
        assertEquals(cap, notice.get("kept").asInt());

        String github = streamed(new GithubReporter(Severity.INFO, 4, spills));
        assertEquals(written(new GithubReporter(Severity.INFO, 4, spills), whole), github);
        List<String> lines = github.lines().toList();
        assertEquals(4, lines.stream().filter(l -> l.startsWith("::error ")).count());
        assertEquals(4, lines.stream().filter(l -> l.startsWith("::warning ")).count());
        assertEquals(4, lines.stream().filter(l -> l.startsWith("::notice ")).count(), "three annotations and the note");
        assertEquals(total - 11, lines.stream().filter(l -> !l.startsWith("::") && !l.startsWith("posting-lint: ")).count());
        assertTrue(lines.get(lines.size() - 2).contains("::" + (total - 11) + " more findings are listed"), lines.get(lines.size() - 2));
        try (var left = Files.list(spills)) {
            assertEquals(List.of(), left.toList(), "no temporary file outlives a run");
        }
    }

    /**
     * The formats that write at the end keep each posting's part in a temporary directory while the run goes on,
     * and delete it when the run ends, and when writing the report fails.
     */
    @Test
    void temporaryFilesAreGoneAfterTheRunAndAfterAFailure() throws IOException {
        LintReport whole = whole();
        Path spills = Files.createDirectory(dir.resolve("spills"));
        List<java.util.function.Supplier<Reporter>> formats = List.of(() -> new SarifReporter(SarifReporter.MAX_RESULTS, spills),
                () -> new HtmlReporter(spills), () -> new JunitReporter(spills), () -> new GithubReporter(Severity.INFO, 10, spills));
        for (var format : formats) {
            String name = format.get().getClass().getSimpleName();
            ResultStream s = format.get().open(new StringWriter());
            s.begin(RunHeader.of(whole));
            for (FileResult r : whole.files().subList(0, 50)) {
                s.file(r);
            }
            assertEquals(1, count(spills), name + " spills while the run goes on");
            try (var spill = Files.list(spills)) {
                Path spillDir = spill.findFirst().orElseThrow();
                assertTrue(Files.isDirectory(spillDir) && count(spillDir) > 0, name + ": " + spillDir);
            }
            s.end(new RunTotals(whole.summary(), whole.elapsed(), whole.drift()));
            assertEquals(0, count(spills), name + " deletes its temporary files when the run ends");

            Writer full = new Writer() { // a disk that fills up as the report is written
                @Override
                public void write(char[] b, int off, int len) throws IOException {
                    throw new IOException("No space left on device");
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            ResultStream failing = format.get().open(full);
            IOException e = assertThrows(IOException.class, () -> ResultStream.replay(whole, failing), name);
            assertTrue(e.getMessage().contains("No space left"), name + ": " + e);
            assertEquals(0, count(spills), name + " deletes its temporary files when writing fails");
        }
    }

    private static long count(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.count();
        }
    }

    /** The run's duration is the one thing two runs may differ in. */
    private static String timeless(String report) {
        return report.replaceAll("\\(\\d+\\.\\d+ s\\)", "(T s)").replaceAll("\"durationMs\" ?: ?\\d+", "\"durationMs\":T")
                .replaceAll("time=\"[0-9.]+\"", "time=\"T\"").replaceAll("&quot;durationMs&quot;:\\d+", "D");
    }
}

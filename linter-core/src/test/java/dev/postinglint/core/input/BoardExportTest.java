package dev.postinglint.core.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.postinglint.core.model.BuiltinRules;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.regex.Globs;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Greenhouse and Ashby board exports: one posting per job, streamed; malformed input reported where it is. */
class BoardExportTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);

    static final String GREENHOUSE = """
            {"jobs": [
              {"id": 4001, "title": "Backend Engineer", "location": {"name": "Denver, CO"},
               "updated_at": "2026-10-01T10:00:00-04:00", "absolute_url": "https://boards.example/acme/jobs/4001",
               "content": "&lt;p&gt;We want a rockstar.&lt;/p&gt;\\n&lt;p&gt;Salary: competitive &amp;amp; fair.&lt;/p&gt;",
               "departments": [{"id": 1, "name": "Engineering"}], "offices": [{"id": 2, "name": "Denver"}]},
              {"id": 4002, "title": "Designer", "location": {"name": "London, UK"},
               "updated_at": "2025-01-02T10:00:00Z", "absolute_url": "https://boards.example/acme/jobs/4002",
               "content": "&lt;p&gt;Location: London, UK&lt;/p&gt;&lt;p&gt;Good pay.&lt;/p&gt;",
               "departments": [], "offices": []}
            ], "meta": {"total": 2}}
            """;

    static final String ASHBY = """
            {"apiVersion": "1", "jobs": [
              {"id": "a-1", "title": "Account Executive", "location": "New York, NY",
               "secondaryLocations": [{"location": "Toronto, ON"}], "department": "Sales",
               "descriptionHtml": "<p>Location: Austin, TX</p><p>Be a rockstar seller.</p>",
               "publishedAt": "2026-11-01T09:00:00.000+00:00", "jobUrl": "https://jobs.example/acme/a-1",
               "compensation": {"compensationTierSummary": "$120K – $150K"}}
            ]}
            """;

    @TempDir
    Path dir;

    private Policy policy(String yaml) throws IOException {
        Files.writeString(dir.resolve("p.yaml"), yaml);
        return new PolicyLoader().load("p.yaml", dir);
    }

    private Policy boardPolicy() throws IOException {
        return policy("""
                name: boards
                fields:
                  location: {from: [metadata, body], pattern: 'Location:\\s*(?P<value>[^\\n]+)', scope: p}
                  location-line: {pattern: 'Location:\\s*(?P<value>[^\\n]+)', scope: p}
                  updated: {from: metadata}
                  department: {from: metadata}
                  pay-listed: {from: metadata, metadata: pay, metadata-pattern: '\\d'}
                rules:
                  - {id: rockstar, type: forbid, severity: error, category: inclusive-language, phrase: rockstar}
                  - {id: stale, type: field, severity: warning, category: freshness, field: updated, max-age-days: 180}
                  - {id: department, type: field, severity: info, category: metadata, field: department}
                  - {id: location-agrees, type: field, severity: warning, category: location, field: location-line,
                     required: false, matches-field: location}
                  - id: colorado-pay
                    type: require
                    severity: error
                    category: pay-transparency
                    message: "No pay in the posting or on the board"
                    pattern: '\\$\\d'
                    when: {field: pay-listed, present: false}
                """);
    }

    private LintReport lint(Policy p, Path... files) {
        List<InputFile> in = new ArrayList<>();
        for (Path f : files) {
            in.add(InputFile.of(f));
        }
        return new Linter(AS_OF, 2, Linter.DEFAULT_MAX_FILE_BYTES).lint(in, path -> p);
    }

    private static FileResult result(LintReport r, String suffix) {
        return r.files().stream().filter(f -> f.path().endsWith(suffix)).findFirst().orElseThrow(() -> new AssertionError(suffix + " in " + r.files()));
    }

    private static List<String> ids(FileResult r) {
        return r.findings().stream().map(Finding::ruleId).toList();
    }

    @Test
    void greenhouseJobsArePostingsWithPositionsInTheirDecodedContent() throws IOException {
        Path board = Files.writeString(dir.resolve("greenhouse.json"), GREENHOUSE);
        LintReport r = lint(boardPolicy(), board);
        assertEquals(List.of("greenhouse.json#4001", "greenhouse.json#4002"),
                r.files().stream().map(f -> f.path().substring(f.path().lastIndexOf('/') + 1)).toList());
        FileResult first = result(r, "#4001");
        assertEquals("Backend Engineer", first.title());
        assertEquals("Denver, CO", first.location());
        assertEquals(2, first.origin().line());
        assertEquals(3, first.origin().column());
        assertEquals("4001", first.origin().jobId());
        assertEquals(List.of("colorado-pay", "rockstar"), ids(first));
        Finding rockstar = first.findings().get(1);
        // Content decoded once: "<p>We want a rockstar.</p>\n<p>Salary: ..." -> line 1, column 13.
        assertEquals(1, rockstar.span().start().line());
        assertEquals(14, rockstar.span().start().column());
        assertEquals("<p>We want a rockstar.</p>", rockstar.line().text());
        assertEquals("No pay in the posting or on the board", first.findings().get(0).message());
        // Updated 2025-01-02 is stale; no department; the body's location agrees with the board's.
        FileResult second = result(r, "#4002");
        assertEquals(List.of("colorado-pay", "department", "stale"), ids(second).stream().sorted().toList());
        assertTrue(second.findings().stream().anyMatch(f -> f.message().contains("688 days before 2026-11-21")), second.toString());
    }

    @Test
    void ashbyJobsUseEveryLocationAndTheCompensation() throws IOException {
        Path board = Files.writeString(dir.resolve("ashby.json"), ASHBY);
        LintReport r = lint(boardPolicy(), board);
        FileResult job = result(r, "#a-1");
        assertEquals("New York, NY; Toronto, ON", job.location());
        // The board lists pay, so no pay finding; the body's "Austin, TX" disagrees with the board's locations.
        assertEquals(List.of("location-agrees", "rockstar"), ids(job));
        Finding disagree = job.findings().get(0);
        assertTrue(disagree.message().contains("'Austin, TX' does not agree with the location 'New York, NY; Toronto, ON'"),
                disagree.message());
        assertEquals("Austin, TX", disagree.excerpt());
        assertEquals(1, disagree.span().start().line());
        assertEquals(14, disagree.span().start().column());

        String noPay = ASHBY.replace("\"compensation\": {\"compensationTierSummary\": \"$120K – $150K\"}", "\"compensation\": null");
        FileResult without = result(lint(boardPolicy(), Files.writeString(dir.resolve("ashby2.json"), noPay)), "#a-1");
        assertTrue(ids(without).contains("colorado-pay"), without.toString());

    }

    @Test
    void malformedJsonIsAnInputErrorAtItsLineAndColumnAndTheRestStillRuns() throws IOException {
        String broken = GREENHOUSE.replace("\"title\": \"Designer\",", "\"title\": \"Designer\" oops,");
        Path bad = Files.writeString(dir.resolve("bad.json"), broken);
        Path good = Files.writeString(dir.resolve("good.html"), "<p>A rockstar.</p>");
        LintReport r = lint(boardPolicy(), bad, good);
        // The job before the mistake is checked; the mistake is one input-error for the file.
        assertTrue(ids(result(r, "bad.json#4001")).contains("rockstar"));
        FileResult error = result(r, "bad.json");
        Finding f = error.findings().get(0);
        assertEquals(BuiltinRules.INPUT_ERROR, f.ruleId());
        String line6 = broken.lines().toList().get(5);
        int column = line6.indexOf("oops") + 1;
        assertEquals(6, f.span().start().line());
        assertEquals(column, f.span().start().column(), f.message());
        assertTrue(f.message().contains("malformed JSON: Unexpected character ('o' (code 111)): was expecting comma")
                && f.message().contains("(line 6, column " + column + ")"), f.message());
        assertTrue(f.line().text().contains("\"Designer\" oops"), f.line().text());
        assertTrue(ids(result(r, "good.html")).contains("rockstar"));
    }

    @Test
    void malformedFrontMatterIsAnInputErrorAtItsLineAndColumn() throws IOException {
        Path md = Files.writeString(dir.resolve("job.md"), "---\ntitle: Engineer\nlocation: [Denver\n---\n# Engineer\n");
        Path dup = Files.writeString(dir.resolve("dup.md"), "---\ntitle: A\ntitle: B\n---\nText\n");
        Path open = Files.writeString(dir.resolve("open.md"), "---\ntitle: A\n\n# Engineer\n");
        Path good = Files.writeString(dir.resolve("good.md"), "---\ntitle: Fine\n---\nA rockstar.\n");
        LintReport r = lint(boardPolicy(), md, dup, open, good);
        Finding f = result(r, "job.md").findings().get(0);
        assertEquals(BuiltinRules.INPUT_ERROR, f.ruleId(), r.files().toString());
        assertTrue(f.message().contains("invalid front matter: while parsing a flow sequence"), f.message());
        // The stream ends inside the list: the error points at the list left open.
        assertEquals(3, f.span().start().line());
        assertEquals(11, f.span().start().column());
        Finding d = result(r, "dup.md").findings().get(0);
        assertTrue(d.message().contains("duplicate key title"), d.message());
        assertEquals(3, d.span().start().line());
        assertEquals(1, d.span().start().column());
        Finding o = result(r, "open.md").findings().get(0);
        assertTrue(o.message().contains("front matter is not closed"), o.message());
        assertTrue(ids(result(r, "good.md")).contains("rockstar"));
        assertEquals("Fine", result(r, "good.md").title());
    }

    @Test
    void otherJsonIsSkippedInDirectoriesAndAnErrorWhenNamed() throws IOException {
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"x\", \"jobs\": 3}");
        Files.writeString(dir.resolve("board.json"), GREENHOUSE);
        Files.writeString(dir.resolve("broken.json"), "{\"jobs\": [ {\"content\": ");
        InputCollector.Collected c = new InputCollector(new Globs(InputKind.DEFAULT_INCLUDES), new Globs(List.of())).collect(List.of(dir));
        assertEquals(List.of("board.json", "broken.json"), c.files().stream().map(f -> f.path().getFileName().toString()).toList());
        assertTrue(c.notes().get(0).endsWith("package.json: skipped, JSON but not a job board export"), c.notes().toString());
        LintReport r = lint(boardPolicy(), dir.resolve("package.json"));
        Finding f = r.files().get(0).findings().get(0);
        assertTrue(f.message().contains("not a job board export (\"jobs\" is not an array)"), f.message());
        assertEquals(1, f.span().start().line());
    }

    @Test
    void greenhouseContentIsDecodedOnceAndHtmlContentIsKept() {
        assertEquals("<p>a &amp; b</p>", BoardExport.greenhouseContent("&lt;p&gt;a &amp;amp; b&lt;/p&gt;"));
        assertEquals("<p>a &amp; b</p>", BoardExport.greenhouseContent("<p>a &amp; b</p>"));
    }

    @Test
    void jobsWithoutContentAreReportedOneByOne() throws IOException {
        Path board = Files.writeString(dir.resolve("odd.json"), "{\"jobs\": [{\"id\": 7, \"title\": \"x\", \"absolute_url\": \"u\"}, 5,"
                + " {\"id\": 8, \"content\": \"&lt;p&gt;rockstar&lt;/p&gt;\"}]}");
        LintReport r = lint(boardPolicy(), board);
        assertTrue(result(r, "odd.json#7").findings().get(0).message().contains("neither \"content\" (Greenhouse) nor \"descriptionHtml\""));
        assertTrue(result(r, "odd.json#2").findings().get(0).message().contains("job 2 is not a JSON object"));
        assertTrue(ids(result(r, "odd.json#8")).contains("rockstar"));
    }

    @Test
    void contentOverTheLimitIsAProblemForItsJobOrTheExport() throws InputProblem {
        List<BoardExport.Job> jobs = new ArrayList<>();
        String ok = "{\"id\": 1, \"descriptionHtml\": \"" + "x".repeat(100) + "\"}";
        String big = "{\"id\": 2, \"descriptionHtml\": \"" + "x".repeat(2 << 20) + "\"}";
        InputProblem p = org.junit.jupiter.api.Assertions.assertThrows(InputProblem.class, () -> BoardExport.read(
                new java.io.StringReader("{\"jobs\": [" + ok + ",\n" + big + "]}"), 50, jobs::add));
        // The first job is over 50 characters: a problem for that job; the second is past what is read at all.
        assertEquals(1, jobs.size());
        assertTrue(jobs.get(0).problem().contains("the job's content is too large (100 characters; the limit is 50"), jobs.get(0).problem());
        assertTrue(p.getMessage().contains("longer than the limit of 50 characters"), p.getMessage());
        assertEquals(2, p.at().line());
    }

    /**
     * A 200 MB export streams: generated lazily (never on disk or in memory as a whole), and each job
     * is delivered before the reader has consumed more than a small window past it.
     */
    @Test
    void aLargeExportIsReadOneJobAtATimeWithBoundedLookAhead() throws InputProblem {
        GeneratedExport export = new GeneratedExport(200L << 20, 20_000);
        List<Long> lookAhead = new ArrayList<>();
        int[] jobs = {0};
        BoardExport.read(export, Linter.DEFAULT_MAX_FILE_BYTES, job -> {
            jobs[0]++;
            assertTrue(job.content().contains("rockstar number " + job.index()), job.id());
            lookAhead.add(export.produced - export.startOf(job.index() + 1));
        });
        assertEquals(export.jobCount(), jobs[0]);
        assertTrue(export.produced >= 200_000_000L, "the whole export was read: " + export.produced);
        long worst = lookAhead.stream().mapToLong(Long::longValue).max().orElseThrow();
        // The parser reads ahead by its buffers (Jackson's 8 KB, our 64 KB), never by jobs.
        assertTrue(worst < 3 * export.jobSize() + (128 << 10), "read ahead of the delivered job by " + worst + " chars");
    }

    /** A board export of about {@code total} chars, produced as it is read. */
    static final class GeneratedExport extends Reader {
        private final String head = "{\"jobs\": [\n";
        private final int jobSize;
        private final int count;
        private final String filler;
        long produced;
        private int next = 1;
        private String pending = head;
        private int pendingAt;
        private final long[] starts;

        GeneratedExport(long total, int jobChars) {
            this.jobSize = jobChars;
            this.count = (int) (total / jobChars) + 1;
            this.filler = "x ".repeat(jobChars / 2 - 100);
            this.starts = new long[count + 2];
        }

        int jobCount() {
            return count;
        }

        int jobSize() {
            return job(1).length();
        }

        /** Chars produced before job {@code i} started (the whole export for i past the last job). */
        long startOf(int i) {
            return i <= count ? starts[i] : produced;
        }

        private String job(int i) {
            return "{\"id\": " + i + ", \"title\": \"Job " + i + "\", \"location\": {\"name\": \"London\"}, \"content\": \"&lt;p&gt;"
                    + filler + " rockstar number " + i + "&lt;/p&gt;\"}" + (i < count ? ",\n" : "\n]}\n");
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (pending == null) {
                return -1;
            }
            int n = Math.min(len, pending.length() - pendingAt);
            pending.getChars(pendingAt, pendingAt + n, buf, off);
            pendingAt += n;
            produced += n;
            if (pendingAt == pending.length()) {
                if (next <= count) {
                    starts[next] = produced;
                    pending = job(next++);
                } else {
                    pending = null;
                }
                pendingAt = 0;
            }
            return n;
        }

        @Override
        public void close() {
        }
    }
}

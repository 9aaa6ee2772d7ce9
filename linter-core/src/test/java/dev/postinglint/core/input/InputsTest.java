package dev.postinglint.core.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.posting.ContentChoice;
import dev.postinglint.core.policy.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which kind of input a file is, and whole HTML pages. */
class InputsTest {
    @TempDir
    Path dir;

    @Test
    void theContentDecidesJsonTheNameDecidesMarkdown() throws IOException {
        assertEquals(InputKind.JSON, InputKind.of(InputFile.of(Files.writeString(dir.resolve("a.json"), "[1]"))));
        assertEquals(InputKind.JSON, InputKind.of(InputFile.of(Files.writeString(dir.resolve("export.txt"), "\uFEFF \n {\"jobs\": []}"))));
        assertEquals(InputKind.MARKDOWN, InputKind.of(InputFile.of(Files.writeString(dir.resolve("a.md"), "# Hi"))));
        assertEquals(InputKind.MARKDOWN, InputKind.of(InputFile.of(Files.writeString(dir.resolve("a.markdown"), "[link](x)"))));
        assertEquals(InputKind.HTML, InputKind.of(InputFile.of(Files.writeString(dir.resolve("a.html"), "<p>Hi</p>"))));
        assertEquals(InputKind.HTML, InputKind.of(InputFile.of(Files.writeString(dir.resolve("page.htm"), "<!doctype html>"))));
    }

    @Test
    void aWholePageIsAPostingTitledByItsTitleWithItsHeadSkipped() throws IOException {
        String page = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <title>Rockstar Engineer | Acme Careers</title>
                  <meta name="description" content="We want a rockstar">
                  <style>.rockstar { color: red }</style>
                  <script>var rockstar = true;</script>
                </head>
                <body>
                  <nav>Jobs for a rockstar</nav>
                  <main class="posting"><h1>Engineer</h1><p>We want a rockstar.</p></main>
                </body>
                </html>
                """;
        Path f = Files.writeString(dir.resolve("page.html"), page);
        Files.writeString(dir.resolve("p.yaml"), """
                name: page
                rules:
                  - {id: rockstar, type: forbid, severity: error, category: inclusive-language, phrase: rockstar, scope: .posting}
                  - {id: rockstar-anywhere, type: forbid, severity: info, category: inclusive-language, phrase: rockstar}
                """);
        Policy p = new PolicyLoader().load("p.yaml", dir);
        FileResult r = new Linter(LocalDate.of(2026, 11, 21)).lintFile(InputFile.of(f), p);
        assertEquals("Rockstar Engineer | Acme Careers", r.title());
        // The head (title, meta, style, script) is not posting text, and on a whole page (content: auto) nor is
        // the navigation: the page's main element is the posting.
        assertEquals(List.of("rockstar 11:55", "rockstar-anywhere 11:55"),
                r.findings().stream().map((Finding x) -> x.ruleId() + " " + x.span().start()).toList());
        // content: whole-file reads the navigation too; the scope still selects the posting.
        FileResult whole = new Linter(LocalDate.of(2026, 11, 21)).lintFile(InputFile.of(f), p.withContent(ContentChoice.WHOLE_FILE));
        assertEquals(List.of("rockstar-anywhere 10:19", "rockstar 11:55", "rockstar-anywhere 11:55"),
                whole.findings().stream().map((Finding x) -> x.ruleId() + " " + x.span().start()).toList());
    }
    @Test
    void aRepeatedJobIdIsRenamedAndTheRunSaysSo() throws IOException {
        Path f = Files.writeString(dir.resolve("board.json"), "{\"jobs\":[\n"
                + "{\"id\":7,\"title\":\"A\",\"content\":\"<p>A</p>\"},\n"
                + "{\"id\":9,\"title\":\"B\",\"content\":\"<p>B</p>\"},\n"
                + "{\"id\":7,\"title\":\"C\",\"content\":\"<p>C</p>\"},\n"
                + "{\"id\":7,\"title\":\"D\",\"content\":\"<p>D</p>\"}]}");
        Files.writeString(dir.resolve("p.yaml"), "name: p\nrules: []\n");
        Policy p = new PolicyLoader().load("p.yaml", dir);
        List<FileResult> files = new Linter(LocalDate.of(2026, 11, 21))
                .lint(List.of(InputFile.of(f)), dev.postinglint.core.policy.PolicyResolver.fixed(p)).files();
        String board = InputFile.of(f).displayPath();
        assertEquals(List.of(board + "#7", board + "#7~2", board + "#7~3", board + "#9"), files.stream().map(FileResult::path).sorted().toList());
        List<String> notices = files.stream().flatMap(r -> r.findings().stream()).map(Finding::message).sorted().toList();
        assertEquals(List.of(
                board + "#7~2: job id '7' is used more than once in " + board + " (first at line 2, column 1; this job at line 4, "
                        + "column 1); this job is reported as " + board + "#7~2, a name that depends on the jobs' order: give each job "
                        + "an id of its own",
                board + "#7~3: job id '7' is used more than once in " + board + " (first at line 2, column 1; this job at line 5, "
                        + "column 1); this job is reported as " + board + "#7~3, a name that depends on the jobs' order: give each job "
                        + "an id of its own"), notices);
        Finding first = files.stream().filter(r -> r.path().endsWith("#7~2")).findFirst().orElseThrow().findings().get(0);
        assertEquals("duplicate-job-id", first.ruleId());
        assertEquals(dev.postinglint.core.model.Severity.WARNING, first.severity());
    }

    private static List<PostingSource> expand(InputFile f, long maxBytes) {
        List<PostingSource> out = new java.util.ArrayList<>();
        Inputs.expand(f, maxBytes, out::add);
        return out;
    }

    private static String loaded(PostingSource s) {
        try {
            return s.load().source().text();
        } catch (InputProblem e) {
            return (e.ioError() ? "I/O: " : "") + e.getMessage();
        }
    }

    /**
     * A small file read from disk is read once, when expanded, for both its kind and its text (so it is the text it
     * had then); everything else takes the way it always took and is refused as before, with the same messages.
     */
    @Test
    void smallFilesAreReadOnceWhenExpandedAndEverythingElseAsBefore() throws Exception {
        InputFile html = InputFile.of(Files.writeString(dir.resolve("a.html"), "<p>caf\u00e9</p>"));
        List<PostingSource> a = expand(html, 1000);
        assertEquals(1, a.size());
        Files.writeString(html.path(), "<p>changed after it was read</p>");
        assertEquals("<p>caf\u00e9</p>", loaded(a.get(0)));
        // Content decides: a brace first makes an .html file a board export, streamed job by job.
        InputFile export = InputFile.of(Files.writeString(dir.resolve("export.html"),
                "\uFEFF\n {\"jobs\": [{\"id\": 1, \"content\": \"<p>one</p>\"}, {\"id\": 2, \"content\": \"<p>two</p>\"}]}"));
        assertEquals(List.of("export.html#1", "export.html#2"), expand(export, 1000).stream().map(PostingSource::displayPath)
                .map(n -> n.substring(n.lastIndexOf('/') + 1)).toList());
        // Refusals, as PostingReader.read gives them when the file is loaded.
        InputFile big = InputFile.of(Files.write(dir.resolve("big.html"), new byte[2000]));
        assertEquals("file is too large (2000 bytes; the limit is 1000, see --max-file-size)", loaded(expand(big, 1000).get(0)));
        assertEquals("binary file (NUL byte at offset 0), not a text posting", loaded(expand(big, 5000).get(0)));
        InputFile missing = new InputFile(dir.resolve("gone.html"), "gone.html");
        assertEquals("I/O: no such file", loaded(expand(missing, 1000).get(0)));
        InputFile folder = InputFile.of(Files.createDirectories(dir.resolve("folder.html")));
        assertEquals("I/O: is a directory, not a file", loaded(expand(folder, 1000).get(0)));
        // Over the size read at once: looked at first, read when loaded (then as it is at that time).
        byte[] large = new byte[(int) Inputs.READ_AT_ONCE + 10];
        java.util.Arrays.fill(large, (byte) 'x');
        InputFile largeFile = InputFile.of(Files.write(dir.resolve("large.html"), large));
        List<PostingSource> l = expand(largeFile, 1L << 22);
        Files.writeString(largeFile.path(), "<p>now small</p>");
        assertEquals("<p>now small</p>", loaded(l.get(0)));
    }

    /** A FIFO is never opened, so expanding and loading it does not wait for a writer: it is refused. */
    @Test
    @org.junit.jupiter.api.Timeout(20)
    void aFifoIsRefusedNotWaitedOn() throws Exception {
        Path fifo = dir.resolve("pipe.html");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        assertEquals("I/O: is not a regular file (a FIFO, device or socket); not read", loaded(expand(InputFile.of(fifo), 1000).get(0)));
    }

    /** A reader that is not the disk's (fix's edited text) is asked when the posting is loaded, as before. */
    @Test
    void anotherReaderIsAskedWhenThePostingIsLoaded() throws Exception {
        InputFile f = InputFile.of(Files.writeString(dir.resolve("edited.html"), "<p>on disk</p>"));
        List<PostingSource> out = new java.util.ArrayList<>();
        Inputs.expand(f, 1000, file -> new dev.postinglint.core.source.SourceText(file.displayPath(), "<p>in memory</p>"), out::add);
        assertEquals("<p>in memory</p>", loaded(out.get(0)));
    }
}

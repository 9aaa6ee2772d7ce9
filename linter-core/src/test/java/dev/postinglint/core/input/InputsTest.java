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
}

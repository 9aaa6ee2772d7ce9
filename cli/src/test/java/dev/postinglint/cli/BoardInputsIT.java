package dev.postinglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Board exports, Markdown and malformed inputs through the real jar. */
class BoardInputsIT {
    static final String POLICY = """
            name: boards
            rules:
              - {id: no-rockstar, type: forbid, severity: error, category: inclusive-language, phrase: rockstar}
            """;

    @TempDir
    Path tmp;

    @Test
    void malformedJsonAndFrontMatterAreErrorsAtTheirLineAndColumnAndTheRestRuns() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("postings"));
        Files.writeString(tmp.resolve("p.yaml"), POLICY);
        Files.writeString(dir.resolve("board.json"), """
                {"jobs": [
                  {"id": 1, "title": "One", "location": {"name": "London"}, "content": "&lt;p&gt;A rockstar.&lt;/p&gt;"},
                  {"id": 2, "title": "Two", "location": {"name": "London"}, "content": "&lt;p&gt;Fine.&lt;/p&gt;"}
                ]}
                """);
        Files.writeString(dir.resolve("broken.json"), """
                {"jobs": [
                  {"id": 7, "descriptionHtml": "<p>rockstar</p>"},
                  {"id": 8, "descriptionHtml": "<p>x</p>",}
                ]}
                """);
        Files.writeString(dir.resolve("broken.md"), "---\ntitle: Engineer\nlocation: \"Denver\n---\nA rockstar.\n");
        Files.writeString(dir.resolve("good.md"), "---\ntitle: Writer\n---\n# Writer\n\nA *rock*star.\n");
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"site\"}");
        Cli.Result r = Cli.run(tmp, "check", "--policy", "p.yaml", "postings");
        assertEquals(1, r.exit(), r.toString());
        String out = r.out();
        assertTrue(out.contains("postings/board.json#1:1:6: error [no-rockstar]"), out);
        assertFalse(out.contains("postings/board.json#2:"), out);
        assertTrue(out.contains("postings/broken.json#7:1:4: error [no-rockstar]"), out);
        assertTrue(out.contains("postings/broken.json:3:43: error [input-error] postings/broken.json: malformed JSON: Unexpected character ('}'"), out);
        assertTrue(out.contains("postings/broken.md:3:11: error [input-error] postings/broken.md: invalid front matter"), out);
        assertTrue(out.contains("postings/good.md:6:4: error [no-rockstar]"), out);
        assertTrue(out.contains("A *rock*star."), "the Markdown source line is shown: " + out);
        assertTrue(r.err().contains("postings/package.json: skipped, JSON but not a job board export"), r.err());
        assertTrue(out.contains("6 files checked: 5 errors"), out);

        Cli.Result json = Cli.run(tmp, "check", "--policy", "p.yaml", "--format", "json", "postings");
        JsonNode files = new ObjectMapper().readTree(json.out()).get("files");
        JsonNode job = files.get(0);
        assertEquals("postings/board.json#1", job.get("path").asText());
        assertEquals("One", job.get("title").asText());
        assertEquals("postings/board.json", job.at("/origin/file").asText());
        assertEquals("1", job.at("/origin/job").asText());
        assertEquals(2, job.at("/origin/line").asInt());
        assertEquals(3, job.at("/origin/column").asInt());
    }

    /**
     * A 200 MB export is checked in a JVM with a 96 MB heap: it can only pass if jobs are streamed
     * and the engine keeps only a few of them in memory at a time.
     */
    @Test
    void aTwoHundredMegabyteExportIsCheckedInBoundedMemory() throws IOException {
        Files.writeString(tmp.resolve("p.yaml"), POLICY);
        Path export = tmp.resolve("huge.json");
        int jobs = 2000;
        String filler = "<p>" + "Plenty of ordinary words about the job. ".repeat(2500) + "</p>";
        try (BufferedWriter w = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
            w.write("{\"jobs\": [\n");
            for (int i = 1; i <= jobs; i++) {
                w.write("{\"id\": " + i + ", \"title\": \"Job " + i + "\", \"location\": \"London\", \"descriptionHtml\": \""
                        + filler + (i % 500 == 0 ? "<p>A rockstar.</p>" : "") + "\"}" + (i < jobs ? ",\n" : "\n"));
            }
            w.write("]}\n");
        }
        assertTrue(Files.size(export) > 200_000_000L, "the export is over 200 MB: " + Files.size(export));
        Cli.Result r = Cli.exec(tmp, List.of(Cli.javaBin(), "-Xmx96m", "-jar", Cli.JAR.toString(), "check", "--policy", "p.yaml",
                "--format", "text", "huge.json"));
        Files.delete(export);
        assertFalse(r.err().contains("OutOfMemoryError"), r.err());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains(jobs + " files checked: 4 errors"), r.out());
        assertTrue(r.out().contains("huge.json#2000:1:"), r.out());
    }
}

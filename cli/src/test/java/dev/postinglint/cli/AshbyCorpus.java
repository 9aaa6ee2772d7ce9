package dev.postinglint.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Test utility: turns the shared Ashby corpus ({@code ../shared/corpus-ashby.tar.gz}: HTML bodies
 * and {@code index.jsonl}) into one job board export in Ashby's shape ({@code {"jobs":[{"id",
 * "title","location","secondaryLocations","descriptionHtml","publishedAt","jobUrl",
 * "compensation"}]}}), under {@code target/}. Nothing it reads or writes is committed: the postings
 * belong to their employers (see the corpus's PROVENANCE.md).
 */
final class AshbyCorpus {
    /** Where the shared corpus is, from the cli module's directory. */
    static final Path ARCHIVE = Path.of(System.getProperty("postinglint.corpus", "../../shared/corpus-ashby.tar.gz"))
            .toAbsolutePath().normalize();

    private AshbyCorpus() {
    }

    static boolean available() {
        return Files.isRegularFile(ARCHIVE);
    }

    /** Extracts the archive into {@code dir} (with the system's tar) and writes {@code board.json}; returns its path. */
    static Path build(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Process tar = new ProcessBuilder("tar", "-xzf", ARCHIVE.toString(), "-C", dir.toString()).inheritIO().start();
        if (!tar.waitFor(300, TimeUnit.SECONDS) || tar.exitValue() != 0) {
            throw new IOException("tar could not extract " + ARCHIVE);
        }
        Path corpus = dir.resolve("corpus");
        Path board = dir.resolve("ashby-board.json");
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader index = Files.newBufferedReader(corpus.resolve("index.jsonl"), StandardCharsets.UTF_8);
                JsonGenerator g = new JsonFactory().createGenerator(Files.newBufferedWriter(board, StandardCharsets.UTF_8))) {
            g.writeStartObject();
            g.writeStringField("apiVersion", "1");
            g.writeArrayFieldStart("jobs");
            String line;
            while ((line = index.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = mapper.readTree(line);
                g.writeRaw("\n");
                g.writeStartObject();
                g.writeStringField("id", row.get("id").asText());
                g.writeStringField("title", row.get("title").asText());
                g.writeStringField("department", text(row, "department"));
                g.writeStringField("employmentType", text(row, "employment_type"));
                g.writeStringField("location", text(row, "location"));
                g.writeArrayFieldStart("secondaryLocations");
                for (JsonNode s : row.path("secondary_locations")) {
                    g.writeStartObject();
                    g.writeStringField("location", s.asText());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeStringField("publishedAt", text(row, "published_at"));
                g.writeStringField("jobUrl", text(row, "job_url"));
                String pay = text(row, "compensation_summary");
                if (pay == null) {
                    g.writeNullField("compensation");
                } else {
                    g.writeObjectFieldStart("compensation");
                    g.writeStringField("compensationTierSummary", pay);
                    g.writeEndObject();
                }
                g.writeStringField("descriptionHtml", Files.readString(corpus.resolve(row.get("html_path").asText()), StandardCharsets.UTF_8));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return board;
    }

    private static String text(JsonNode row, String key) {
        JsonNode n = row.get(key);
        return n == null || n.isNull() ? null : n.asText();
    }
}

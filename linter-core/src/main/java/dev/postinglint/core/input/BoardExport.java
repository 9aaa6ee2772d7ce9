package dev.postinglint.core.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postinglint.core.posting.Metadata;
import dev.postinglint.core.source.Position;
import dev.postinglint.core.source.SourceLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * Job board exports, read as a stream: Greenhouse ({@code GET /v1/boards/{board}/jobs?content=true}:
 * {@code {"jobs":[{"id","title","location":{"name"},"updated_at","absolute_url","content",
 * "departments","offices"}]}}, {@code content} entity-escaped HTML) and Ashby ({@code {"jobs":[{"id",
 * "title","location","secondaryLocations","descriptionHtml","publishedAt","jobUrl","compensation"}]}}).
 *
 * <p>Jackson's streaming parser walks the file; each job object is read on its own (as a small tree)
 * and handed on before the next is read, so an export of any size is checked in bounded memory. The
 * shape is decided per job from its keys ({@code content}: Greenhouse, {@code descriptionHtml}:
 * Ashby). Malformed JSON stops the stream with an {@link InputProblem} at the line and column of the
 * mistake; the jobs before it have been delivered. Columns count UTF-16 units (the file is read as
 * UTF-8 text, not bytes, so that they do).
 */
public final class BoardExport {
    /** Keys that only a job of a known board has; a job object with none of them is not a posting. */
    private static final Set<String> JOB_KEYS = Set.of("content", "descriptionHtml", "absolute_url", "jobUrl");

    /** What the start of a JSON file says about it. */
    public enum Sniff {
        /** A top-level object with a {@code jobs} array whose first job (if any) looks like a board's. */
        BOARD,
        /** Well-formed JSON of some other kind (package.json, a report). */
        NOT_BOARD,
        /** Not well-formed JSON, as far as read: checked, so that the mistake is reported. */
        MALFORMED
    }

    /**
     * One job. {@code index} is 1-based in the export; {@code line} and {@code column} are where its
     * object starts. {@code problem} is set (and {@code content} null) when the job cannot be a posting.
     */
    public record Job(int index, String id, int line, int column, String content, Metadata metadata, String problem) {
    }

    @FunctionalInterface
    public interface JobSink {
        void job(Job job);
    }

    private BoardExport() {
    }

    private static JsonFactory factory(long maxStringChars) {
        int limit = (int) Math.min(Integer.MAX_VALUE - 64L, Math.max(1L << 20, maxStringChars));
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(limit).build())
                .build();
    }

    /** Reads the file as UTF-8 text (malformed bytes are an error), skipping a byte-order mark. */
    private static Reader reader(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        r.mark(1);
        if (r.read() != '\uFEFF') {
            r.reset();
        }
        return r;
    }

    /** Looks at the start of a JSON file: a board export, something else, or malformed. */
    public static Sniff sniff(Path file) {
        try (JsonParser p = factory(32L << 20).createParser(reader(file))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Sniff.NOT_BOARD;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!name.equals("jobs")) {
                    p.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    return Sniff.NOT_BOARD;
                }
                JsonToken first = p.nextToken();
                if (first == JsonToken.END_ARRAY) {
                    return Sniff.BOARD;
                }
                if (first != JsonToken.START_OBJECT) {
                    return Sniff.NOT_BOARD;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    if (JOB_KEYS.contains(p.currentName())) {
                        return Sniff.BOARD;
                    }
                    p.nextToken();
                    p.skipChildren();
                }
                return Sniff.NOT_BOARD;
            }
            return Sniff.NOT_BOARD;
        } catch (JsonProcessingException e) {
            return Sniff.MALFORMED;
        } catch (IOException e) {
            return Sniff.MALFORMED; // unreadable or not UTF-8: reading it properly will say so
        }
    }

    /**
     * Streams the jobs of an export to {@code sink}, one at a time, in file order. A job's content
     * longer than {@code maxContentChars} becomes a job with a problem. Throws when the file is not a
     * board export or stops being well-formed JSON (after delivering every job before that point).
     */
    public static void read(Path file, long maxContentChars, JobSink sink) throws InputProblem {
        Reader in;
        try {
            in = reader(file);
        } catch (NoSuchFileException e) {
            throw new InputProblem("no such file", true);
        } catch (IOException e) {
            throw new InputProblem("cannot read: " + e.getMessage(), true);
        }
        try {
            read(in, maxContentChars, sink);
        } catch (InputProblem p) {
            // Show the line of the mistake, found by streaming the file again (it is never held whole).
            throw p.at() == null || p.line() != SourceLine.NONE ? p
                    : new InputProblem(p.getMessage(), p.at(), lineAt(file, p.at().line(), p.at().column()));
        }
    }

    /** As {@link #read(Path, long, JobSink)}, from any reader (closed at the end); problems carry no source line. */
    public static void read(Reader in, long maxContentChars, JobSink sink) throws InputProblem {
        ObjectMapper mapper = new ObjectMapper(factory(maxContentChars + 1));
        try (JsonParser p = mapper.getFactory().createParser(in)) {
            try {
                readJobs(p, mapper, maxContentChars, sink);
            } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
                // A string past the limit cannot be skipped without reading it: stop here, and say why.
                JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                if (String.valueOf(e.getMessage()).contains("nesting depth")) {
                    throw new InputProblem("the export's JSON is nested too deeply (" + e.getOriginalMessage().replaceAll("\\s+", " ").strip()
                            + "); it is not read past it",
                            new Position(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr())), SourceLine.NONE);
                }
                throw new InputProblem("a text in the export is longer than the limit of " + maxContentChars
                        + " characters (see --max-file-size); the export is not read past it",
                        new Position(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr())), SourceLine.NONE);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                throw new InputProblem(("malformed JSON: " + e.getOriginalMessage()).replaceAll("\\s+", " ").strip(),
                        new Position(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr())), SourceLine.NONE);
            }
        } catch (CharacterCodingException e) {
            throw new InputProblem("not valid UTF-8; save the export as UTF-8", false);
        } catch (IOException e) {
            throw new InputProblem("cannot read: " + e.getMessage(), true);
        }
    }

    private static void readJobs(JsonParser p, ObjectMapper mapper, long maxContentChars, JobSink sink)
            throws IOException, InputProblem {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw notABoard(p, "the top level is not an object");
        }
        boolean sawJobs = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (!name.equals("jobs")) {
                p.skipChildren();
                continue;
            }
            if (value != JsonToken.START_ARRAY) {
                throw notABoard(p, "\"jobs\" is not an array");
            }
            sawJobs = true;
            int index = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                index++;
                JsonLocation start = p.currentTokenLocation();
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    sink.job(new Job(index, String.valueOf(index), start.getLineNr(), start.getColumnNr(), null,
                            Metadata.NONE, "job " + index + " is not a JSON object"));
                    continue;
                }
                JsonNode job = mapper.readTree(p);
                sink.job(job(index, start, job, maxContentChars));
            }
        }
        // Read to the end, so that a mistake after the jobs is still reported.
        if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
            throw new JsonParseExceptionAt(p, "unexpected content after the top-level object");
        }
        if (!sawJobs) {
            throw notABoard(p, "there is no \"jobs\" array");
        }
    }

    /** A syntax problem that Jackson itself does not raise. */
    private static final class JsonParseExceptionAt extends com.fasterxml.jackson.core.JsonParseException {
        private static final long serialVersionUID = 1L;

        JsonParseExceptionAt(JsonParser p, String message) {
            super(p, message);
        }
    }

    private static InputProblem notABoard(JsonParser p, String why) {
        JsonLocation at = p.currentTokenLocation();
        return new InputProblem("not a job board export (" + why
                + "): expected {\"jobs\": [...]} as Greenhouse and Ashby job boards serve it",
                new Position(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr())), SourceLine.NONE);
    }

    private static Job job(int index, JsonLocation start, JsonNode job, long maxContentChars) {
        String id = text(job.get("id"));
        if (id == null || id.isBlank()) {
            id = String.valueOf(index);
        }
        int line = start.getLineNr();
        int column = start.getColumnNr();
        Metadata.Builder meta = Metadata.builder().put("id", id).put("title", text(job.get("title")));
        String content;
        if (job.has("descriptionHtml")) {
            content = text(job.get("descriptionHtml"));
            List<String> locations = new ArrayList<>();
            addLocation(locations, job.get("location"));
            JsonNode secondary = job.get("secondaryLocations");
            if (secondary != null && secondary.isArray()) {
                for (JsonNode s : secondary) {
                    addLocation(locations, s.isObject() ? s.get("location") : s);
                }
            }
            meta.put("location", String.join("; ", locations))
                    .put("department", text(job.get("department")))
                    .put("team", text(job.get("team")))
                    .put("employment-type", text(job.get("employmentType")))
                    .put("published", text(job.get("publishedAt")))
                    .put("updated", firstText(job, "updatedAt", "publishedAt"))
                    .put("url", text(job.get("jobUrl")))
                    .put("pay", compensation(job.get("compensation")));
        } else if (job.has("content")) {
            content = greenhouseContent(text(job.get("content")));
            JsonNode location = job.get("location");
            meta.put("location", location != null && location.isObject() ? text(location.get("name")) : text(location))
                    .put("department", names(job.get("departments")))
                    .put("offices", names(job.get("offices")))
                    .put("published", text(job.get("first_published")))
                    .put("updated", text(job.get("updated_at")))
                    .put("url", text(job.get("absolute_url")));
        } else {
            return new Job(index, id, line, column, null, meta.build(),
                    "job " + index + " has neither \"content\" (Greenhouse) nor \"descriptionHtml\" (Ashby)");
        }
        if (content == null) {
            content = "";
        }
        if (content.length() > maxContentChars) {
            return new Job(index, id, line, column, null, meta.build(), "the job's content is too large ("
                    + content.length() + " characters; the limit is " + maxContentChars + ", see --max-file-size)");
        }
        return new Job(index, id, line, column, content, meta.build(), null);
    }

    /**
     * Greenhouse serves {@code content} entity-escaped ({@code &lt;p&gt;...}): decoded once, it is the
     * posting's HTML. Content that already holds tags is taken as HTML as it is.
     */
    static String greenhouseContent(String content) {
        if (content == null || content.indexOf('<') >= 0) {
            return content;
        }
        return Parser.unescapeEntities(content, false);
    }

    private static void addLocation(List<String> out, JsonNode n) {
        String s = text(n);
        if (s != null && !s.isBlank() && !out.contains(s.strip())) {
            out.add(s.strip());
        }
    }

    /** Ashby's compensation: its summary text, or the scrapeable salary summary, or a plain string. */
    private static String compensation(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual()) {
            return n.asText();
        }
        return firstText(n, "compensationTierSummary", "scrapeableCompensationSalarySummary", "summary");
    }

    private static String names(JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            String s = n.isObject() ? text(n.get("name")) : text(n);
            if (s != null && !s.isBlank()) {
                out.add(s.strip());
            }
        }
        return String.join("; ", out);
    }

    private static String firstText(JsonNode n, String... keys) {
        for (String k : keys) {
            String s = text(n.get(k));
            if (s != null && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
    }

    /**
     * The window of line {@code line} around {@code column}, read by streaming to it: an export can be
     * one very long line, and is never read whole.
     */
    static SourceLine lineAt(Path file, int line, int column) {
        int from = Math.max(0, column - 1 - 60);
        int to = column - 1 + 140;
        try (Reader r = reader(file)) {
            int current = 1;
            int col = 0;
            StringBuilder out = new StringBuilder();
            int c;
            int prev = -1;
            while ((c = r.read()) >= 0) {
                boolean crlf = c == '\n' && prev == '\r';
                prev = c;
                if (crlf) {
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    if (current == line) {
                        break;
                    }
                    current++;
                    col = 0;
                    continue;
                }
                if (current == line) {
                    if (col >= from) {
                        out.append((char) c);
                    }
                    col++;
                    if (col >= to) {
                        break;
                    }
                }
            }
            return current == line ? new SourceLine(out.toString(), from + 1) : SourceLine.NONE;
        } catch (IOException e) {
            return SourceLine.NONE;
        }
    }
}

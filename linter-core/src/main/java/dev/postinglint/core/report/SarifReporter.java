package dev.postinglint.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Fix;
import dev.postinglint.core.model.RelatedPlace;
import dev.postinglint.core.model.ResultStream;
import dev.postinglint.core.model.RunHeader;
import dev.postinglint.core.model.RunTotals;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.ToolInfo;
import dev.postinglint.core.source.SourceSpan;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it: one run, the rules that produced
 * findings (described by the run's rule catalogue: the policies' descriptions, messages and links), one result per finding with a repo-relative location,
 * a stable partial fingerprint and the finding's fix. Written with Jackson's streaming generator.
 */
public final class SarifReporter implements StreamingReporter {
    public static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /** The key of our fingerprint in {@code partialFingerprints} (versioned, as SARIF asks). */
    public static final String FINGERPRINT_KEY = "postingLint/v1";
    /** Relative artifact URIs are relative to the directory posting-lint ran in (the repository root in CI). */
    public static final String SRCROOT = "%SRCROOT%";
    /**
     * GitHub code scanning rejects a run with more results ("Results per run: 25,000", docs.github.com, code
     * scanning, "SARIF results exceed limit"), and stores only the top 5,000 by severity.
     */
    public static final int MAX_RESULTS = 25_000;

    private final int maxResults;
    private final Path tempParent;

    public SarifReporter(int maxResults) {
        this(maxResults, null);
    }

    public SarifReporter() {
        this(MAX_RESULTS);
    }

    /** {@code tempParent}: where the results wait until the run ends (null: the system's temporary directory). */
    SarifReporter(int maxResults, Path tempParent) {
        this.maxResults = maxResults;
        this.tempParent = tempParent;
    }

    private static int rank(Finding f) {
        return f.waived() ? Severity.values().length : f.severity().ordinal();
    }

    /**
     * Streams the run in bounded memory: the rules and the cap notice come before the results, so each result
     * waits in a temporary file (as JSON, its rule named by first use) with its rank in a byte array, and the
     * rules seen and the counts per rank stay in memory. At the end the head is written, then the results that
     * fit are copied from the file through the same generator (their rule index now the sorted rules' one), so
     * the bytes are those of a report written whole.
     */
    @Override
    public ResultStream open(Writer out) {
        return new SpilledStream(tempParent) {
            private RunHeader header;
            private ReportSupport.RuleMetaTally rules;
            private final Map<String, Integer> firstSeen = new HashMap<>();
            private final List<String> seenOrder = new ArrayList<>();
            private final int[] byRank = new int[Severity.values().length + 1];
            private byte[] ranks = new byte[1024];
            private int total;
            private boolean ioErrors;
            private JsonGenerator spilled;

            @Override
            void start(RunHeader h, ReportSpill spill) throws IOException {
                header = h;
                rules = new ReportSupport.RuleMetaTally(h.rules());
                spilled = SPILL_JSON.createGenerator(spill.writer("results.json"));
            }

            @Override
            void add(FileResult file) throws IOException {
                rules.add(file);
                ioErrors |= file.ioError();
                Map<String, Integer> occurrences = new HashMap<>();
                for (Finding f : file.findings()) {
                    String excerpt = normalizeExcerpt(f.fingerprintText());
                    String key = f.ruleId() + '\u0000' + excerpt;
                    int occurrence = occurrences.merge(key, 1, Integer::sum) - 1; // counts results left out by the cap too
                    Integer rule = firstSeen.get(f.ruleId());
                    if (rule == null) {
                        rule = seenOrder.size();
                        firstSeen.put(f.ruleId(), rule);
                        seenOrder.add(f.ruleId());
                    }
                    writeResult(spilled, file, f, rule, fingerprint(file.path(), f.ruleId(), excerpt, occurrence));
                    if (total == ranks.length) {
                        ranks = Arrays.copyOf(ranks, ranks.length * 2);
                    }
                    ranks[total++] = (byte) rank(f);
                    byRank[rank(f)]++;
                }
            }

            @Override
            void finish(RunTotals totals, ReportSpill spill) throws IOException {
                spilled.close();
                List<ReportSupport.RuleMeta> sorted = rules.rules();
                Map<String, Integer> ruleIndex = new HashMap<>();
                for (int i = 0; i < sorted.size(); i++) {
                    ruleIndex.put(sorted.get(i).id(), i);
                }
                int[] indexOf = new int[seenOrder.size()];
                for (int i = 0; i < indexOf.length; i++) {
                    indexOf[i] = ruleIndex.get(seenOrder.get(i));
                }
                Cut cut = Cut.of(byRank, total, maxResults);
                try (JsonGenerator g = ReportSupport.prettyJson(out)) {
                    writeHead(g, header, sorted, !ioErrors, cut != null, total);
                    g.writeArrayFieldStart("results");
                    try (Reader r = spill.reader("results.json"); JsonParser p = SPILL_JSON.createParser(r)) {
                        int atCut = 0;
                        for (int i = 0; i < total; i++) {
                            if (p.nextToken() != JsonToken.START_OBJECT) {
                                throw new IOException("the spilled SARIF results end early, at result " + i + " of " + total);
                            }
                            int rank = ranks[i];
                            boolean kept = cut == null || rank < cut.rank() || (rank == cut.rank() && atCut++ < cut.room());
                            if (kept) {
                                copyResult(p, g, indexOf);
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                    g.writeEndArray();
                    writeTail(g, header);
                }
            }
        };
    }

    /**
     * Where the cap cuts: every result of a more serious rank is kept, and the first {@code room} of this rank in
     * reading order (the most serious ones fit: errors, warnings, notes, then waived findings). Null: all fit.
     */
    private record Cut(int rank, int room) {
        static Cut of(int[] byRank, int total, int maxResults) {
            if (total <= maxResults) {
                return null;
            }
            int room = maxResults;
            for (int rank = 0; rank < byRank.length; rank++) {
                if (byRank[rank] > room) {
                    return new Cut(rank, room);
                }
                room -= byRank[rank];
            }
            throw new IllegalStateException("more results than ranks hold");
        }
    }

    /** One spilled result through the report's generator, its provisional rule index replaced by the sorted one. */
    private static void copyResult(JsonParser p, JsonGenerator g, int[] indexOf) throws IOException {
        int depth = 0;
        String field = null;
        JsonToken t = p.currentToken();
        while (true) {
            if (t == JsonToken.VALUE_NUMBER_INT && depth == 1 && "ruleIndex".equals(field)) {
                g.writeNumber(indexOf[p.getIntValue()]);
            } else {
                g.copyCurrentEvent(p);
            }
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                depth++;
            } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                depth--;
                if (depth == 0) {
                    return;
                }
            } else if (t == JsonToken.FIELD_NAME) {
                field = p.currentName();
            }
            t = p.nextToken();
            if (t == null) {
                throw new IOException("a spilled SARIF result ends early");
            }
        }
    }

    /**
     * The spill's JSON: compact, every non-ASCII character escaped so the file round-trips any string exactly
     * (the report's own generator escapes them again as it always does).
     */
    private static final JsonFactory SPILL_JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private void writeHead(JsonGenerator g, RunHeader header, List<ReportSupport.RuleMeta> rules, boolean successful, boolean capped,
            int total) throws IOException {
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA_URI);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();

        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", ToolInfo.NAME);
        g.writeStringField("version", header.toolVersion());
        g.writeStringField("informationUri", ToolInfo.INFO_URI);
        g.writeArrayFieldStart("rules");
        for (ReportSupport.RuleMeta r : rules) {
            writeRule(g, r);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();

        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", successful);
        if (capped) {
            writeCapNotice(g, total, maxResults); // the cut keeps exactly maxResults
        }
        g.writeEndObject();
        g.writeEndArray();

        g.writeStringField("columnKind", "utf16CodeUnits");
    }

    private static void writeTail(JsonGenerator g, RunHeader header) throws IOException {
        g.writeObjectFieldStart("properties");
        g.writeStringField("asOf", header.asOf().toString());
        g.writeArrayFieldStart("policies");
        for (String p : header.policies()) {
            g.writeString(p);
        }
        g.writeEndArray();
        g.writeEndObject();

        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
    }

    /** The run-level note that results were left out, and how to get them. */
    private void writeCapNotice(JsonGenerator g, int total, int kept) throws IOException {
        g.writeArrayFieldStart("toolExecutionNotifications");
        g.writeStartObject();
        g.writeObjectFieldStart("descriptor");
        g.writeStringField("id", "results-capped");
        g.writeEndObject();
        g.writeStringField("level", "warning");
        g.writeObjectFieldStart("message");
        g.writeStringField("text", (total - kept) + " of " + total + " results were left out to stay within " + maxResults
                + " results per run (GitHub code scanning's limit); the most serious were kept. To see the others, report"
                + " fewer at a time (--min-severity warning, or a baseline: --write-baseline FILE, then --baseline FILE) or"
                + " write a report without the limit (--format json=FILE or --format html=FILE).");
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeNumberField("results", total);
        g.writeNumberField("kept", kept);
        g.writeNumberField("leftOut", total - kept);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void writeRule(JsonGenerator g, ReportSupport.RuleMeta r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("name", ruleName(r.id()));
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", ReportSupport.wellFormed(r.shortDescription()));
        g.writeEndObject();
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", ReportSupport.wellFormed(r.fullDescription()));
        g.writeEndObject();
        String help = helpUri(r.link());
        if (help != null) {
            g.writeStringField("helpUri", help);
        }
        g.writeObjectFieldStart("help");
        g.writeStringField("text", ReportSupport.wellFormed(r.helpText()));
        g.writeEndObject();
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(r.severity()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("category", r.category());
        g.writeArrayFieldStart("tags");
        g.writeString(r.category());
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeResult(JsonGenerator g, FileResult file, Finding f, int ruleIndex, String fingerprint)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", level(f.severity()));
        g.writeObjectFieldStart("message");
        g.writeStringField("text", (f.message().isBlank() ? f.ruleId() : ReportSupport.wellFormed(f.message())) + relatedLinks(f));
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        writeArtifactLocation(g, file.path());
        writeRegion(g, "region", f.span());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        if (!f.related().isEmpty()) {
            g.writeArrayFieldStart("relatedLocations");
            for (int i = 0; i < f.related().size(); i++) {
                RelatedPlace p = f.related().get(i);
                g.writeStartObject();
                g.writeNumberField("id", i + 1);
                g.writeObjectFieldStart("physicalLocation");
                writeArtifactLocation(g, file.path());
                writeRegion(g, "region", p.span());
                g.writeEndObject();
                g.writeObjectFieldStart("message");
                g.writeStringField("text", p.message().isBlank() ? f.ruleId() : ReportSupport.wellFormed(p.message()));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(FINGERPRINT_KEY, fingerprint);
        g.writeEndObject();
        Fix fix = f.fix();
        if (fix != null) {
            g.writeArrayFieldStart("fixes");
            g.writeStartObject();
            g.writeObjectFieldStart("description");
            g.writeStringField("text", fix.description() == null || fix.description().isBlank()
                    ? "Apply posting-lint's suggested replacement" : ReportSupport.wellFormed(fix.description()));
            g.writeEndObject();
            g.writeArrayFieldStart("artifactChanges");
            g.writeStartObject();
            writeArtifactLocation(g, file.path());
            g.writeArrayFieldStart("replacements");
            for (Fix edit : ReportSupport.edits(f)) { // one per place for a finding reported once per posting
                g.writeStartObject();
                writeRegion(g, "deletedRegion", edit.span());
                g.writeObjectFieldStart("insertedContent");
                g.writeStringField("text", ReportSupport.wellFormed(edit.replacement()));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
        }
        if (f.waived()) {
            // A waiver is an external suppression (kept outside the posting), accepted by the person it names.
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "external");
            g.writeStringField("status", "accepted");
            g.writeStringField("justification", ReportSupport.wellFormed(f.waiver().reason()));
            g.writeObjectFieldStart("properties");
            g.writeStringField("approvedBy", ReportSupport.wellFormed(f.waiver().approvedBy()));
            g.writeStringField("expires", f.waiver().expires().toString());
            g.writeStringField("waiver", ReportSupport.wellFormed(f.waiver().place().toString()));
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeObjectFieldStart("properties");
        g.writeStringField("category", f.category());
        g.writeStringField("excerpt", ReportSupport.wellFormed(f.excerpt()));
        if (ReportSupport.isWebLink(f.link())) {
            g.writeStringField("citation", f.link()); // this finding's law (per jurisdiction), where the rule's helpUri is one link
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Places linked in a message, after which it says "and N more". */
    static final int LINKED_PLACES = 5;

    /**
     * For a finding reported once per posting, its other places as SARIF embedded links to its related locations
     * ({@code [line:col](id)}), the first few of them: {@code " (and 22 more places in this posting: [5:3](1), ...)"}.
     */
    static String relatedLinks(Finding f) {
        int n = f.related().size();
        if (n == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder(" (and ").append(n).append(n == 1 ? " more place" : " more places").append(" in this posting: ");
        int linked = Math.min(LINKED_PLACES, n);
        for (int i = 0; i < linked; i++) {
            var at = f.related().get(i).span().start();
            b.append(i > 0 ? ", " : "").append('[').append(at.line()).append(':').append(at.column()).append("](").append(i + 1).append(')');
        }
        return b.append(n > linked ? ", \u2026)" : ")").toString();
    }

    private static void writeArtifactLocation(JsonGenerator g, String path) throws IOException {
        g.writeObjectFieldStart("artifactLocation");
        String uri = ReportSupport.pathToUri(path);
        g.writeStringField("uri", uri);
        if (!ReportSupport.isAbsolutePath(path)) {
            g.writeStringField("uriBaseId", SRCROOT);
        }
        g.writeEndObject();
    }

    private static void writeRegion(JsonGenerator g, String name, SourceSpan s) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("startLine", s.start().line());
        g.writeNumberField("startColumn", s.start().column());
        g.writeNumberField("endLine", s.end().line());
        g.writeNumberField("endColumn", s.end().column());
        g.writeEndObject();
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** {@code eeo-statement-present} -> {@code EeoStatementPresent}: SARIF suggests an identifier-like name. */
    static String ruleName(String id) {
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return b.length() == 0 ? id : b.toString();
    }

    /** The rule's link as a helpUri: only an absolute http(s) URI that parses (the schema requires a URI). */
    static String helpUri(String link) {
        if (!ReportSupport.isWebLink(link)) {
            return null;
        }
        try {
            URI u = new URI(link.strip());
            return u.isAbsolute() && u.getHost() != null ? u.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * The excerpt as fingerprints see it: Unicode NFC, whitespace runs as one space, trimmed, so that
     * re-wrapping or re-indenting a posting does not make its findings new.
     */
    static String normalizeExcerpt(String excerpt) {
        if (excerpt == null) {
            return "";
        }
        String n = Normalizer.normalize(excerpt, Normalizer.Form.NFC);
        return n.replaceAll("[\\s\\u00a0\\u2000-\\u200b\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+", " ").strip();
    }

    /**
     * SHA-256 of path, rule id, normalized excerpt and the finding's occurrence index among findings of the
     * same file with the same rule and excerpt. Line numbers are left out on purpose: an edit above a
     * finding moves it without making it a new finding.
     */
    static String fingerprint(String path, String ruleId, String normalizedExcerpt, int occurrence) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            String key = path.replace('\\', '/') + '\u0000' + ruleId + '\u0000' + normalizedExcerpt + '\u0000' + occurrence;
            return HexFormat.of().formatHex(md.digest(key.getBytes(StandardCharsets.UTF_8))).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}

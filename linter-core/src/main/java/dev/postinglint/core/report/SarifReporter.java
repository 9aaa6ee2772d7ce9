package dev.postinglint.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Fix;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.RelatedPlace;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.ToolInfo;
import dev.postinglint.core.source.SourceSpan;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it: one run, the rules that produced
 * findings (described by the run's rule catalogue: the policies' descriptions, messages and links), one result per finding with a repo-relative location,
 * a stable partial fingerprint and the finding's fix. Written with Jackson's streaming generator.
 */
public final class SarifReporter implements Reporter {
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

    public SarifReporter(int maxResults) {
        this.maxResults = maxResults;
    }

    public SarifReporter() {
        this(MAX_RESULTS);
    }

    /**
     * Which findings fit in the run: all when there are at most {@code maxResults}; else the most serious ones
     * (errors, warnings, notes, then waived findings), in reading order within the severity that is cut. Null:
     * every finding fits.
     */
    private Set<Finding> kept(LintReport report) {
        int total = 0;
        int[] byRank = new int[Severity.values().length + 1];
        for (FileResult file : report.files()) {
            for (Finding f : file.findings()) {
                byRank[rank(f)]++;
                total++;
            }
        }
        if (total <= maxResults) {
            return null;
        }
        Set<Finding> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        int room = maxResults;
        for (int rank = 0; rank < byRank.length && room > 0; rank++) {
            for (FileResult file : report.files()) {
                for (Finding f : file.findings()) {
                    if (room > 0 && rank(f) == rank) {
                        kept.add(f);
                        room--;
                    }
                }
            }
        }
        return kept;
    }

    private static int rank(Finding f) {
        return f.waived() ? Severity.values().length : f.severity().ordinal();
    }

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        Set<Finding> kept = kept(report);
        int total = report.files().stream().mapToInt(r -> r.findings().size()).sum();
        List<ReportSupport.RuleMeta> rules = ReportSupport.rules(report);
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).id(), i);
        }
        try (JsonGenerator g = ReportSupport.prettyJson(out)) {
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA_URI);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();

            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", ToolInfo.NAME);
            g.writeStringField("version", report.toolVersion());
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
            g.writeBooleanField("executionSuccessful", !report.hasIoErrors());
            if (kept != null) {
                writeCapNotice(g, total, kept.size());
            }
            g.writeEndObject();
            g.writeEndArray();

            g.writeStringField("columnKind", "utf16CodeUnits");
            g.writeArrayFieldStart("results");
            for (FileResult file : report.files()) {
                Map<String, Integer> occurrences = new HashMap<>();
                for (Finding f : file.findings()) {
                    String excerpt = normalizeExcerpt(f.fingerprintText());
                    String key = f.ruleId() + '\u0000' + excerpt;
                    int occurrence = occurrences.merge(key, 1, Integer::sum) - 1;
                    if (kept != null && !kept.contains(f)) {
                        continue; // counted for the fingerprints of later findings all the same, so they stay stable
                    }
                    writeResult(g, file, f, ruleIndex.get(f.ruleId()), fingerprint(file.path(), f.ruleId(), excerpt, occurrence));
                }
            }
            g.writeEndArray();

            g.writeObjectFieldStart("properties");
            g.writeStringField("asOf", report.asOf().toString());
            g.writeArrayFieldStart("policies");
            for (String p : report.policies()) {
                g.writeString(p);
            }
            g.writeEndArray();
            g.writeEndObject();

            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
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

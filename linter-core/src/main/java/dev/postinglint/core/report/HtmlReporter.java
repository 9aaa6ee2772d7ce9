package dev.postinglint.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.postinglint.core.model.DriftGroup;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.RelatedPlace;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.Summary;
import dev.postinglint.core.model.ToolInfo;
import dev.postinglint.core.model.Waiver;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.text.DiffToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report for a compliance reviewer auditing a whole board: one self-contained HTML file with a
 * summary (counts, a findings-by-category chart, policies, as-of date, tool version), "what to fix first"
 * (rules ranked by severity and postings affected), a sortable and filterable table of postings shown a page
 * at a time with the findings of that page (source line and highlighted match, fix, citation), filters kept
 * in the URL's fragment, and the drift view of boilerplate variants.
 *
 * <p>It must open fast at corpus scale (tens of thousands of findings): the data block is compact (see
 * {@code writeData}) and the page script draws only one page of postings and their findings at a time.
 *
 * <p>Posting text is hostile input. The page's markup is constant; the run's data travels as JSON in a
 * {@code <script type="application/json">} block with {@code <}, {@code >}, {@code &}, U+2028 and U+2029
 * escaped, and the page script builds the DOM from it with {@code textContent} only. A Content Security
 * Policy forbids everything but the page's own style and script, allowed by their SHA-256 hashes, so the
 * file fetches nothing and no injected script could run even if escaping failed.
 */
public final class HtmlReporter implements Reporter {
    private static final String RESOURCES = "/dev/postinglint/core/report/html/";
    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");
    /** A blank favicon, so that browsers do not ask the network (or the file system) for one. */
    private static final String FAVICON = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E";

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        String json = dataJson(report);
        StringBuilder b = new StringBuilder(json.length() + CSS.length() + JS.length() + 4096);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        b.append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(contentSecurityPolicy()).append("\">\n");
        b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        b.append("<meta name=\"referrer\" content=\"no-referrer\">\n");
        b.append("<meta name=\"generator\" content=\"").append(ToolInfo.NAME).append("\">\n");
        b.append("<title>posting-lint report</title>\n");
        b.append("<link rel=\"icon\" href=\"").append(FAVICON).append("\">\n");
        b.append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("""
                <header class="top">
                <h1>Job posting compliance report</h1>
                <p class="meta" id="meta"></p>
                </header>
                <main>
                <noscript><p>This report draws its tables with JavaScript, which is turned off. Its data is embedded in
                this file as JSON (the script element with id report-data); the JSON, SARIF and text formats of
                posting-lint carry the same findings.</p></noscript>
                <section id="summary" aria-labelledby="summary-h">
                <h2 id="summary-h">Summary</h2>
                <div class="cards" id="summary-cards"></div>
                <div class="summary-grid">
                <div><h3>Findings by category</h3><div class="chart" id="category-chart"></div></div>
                <div><h3>Run</h3><dl class="facts" id="run-facts"></dl></div>
                </div>
                </section>
                <section id="fix-first" aria-labelledby="fix-first-h">
                <h2 id="fix-first-h">What to fix first</h2>
                <p class="sub">Rules ranked by severity, then by how many postings they affect. Choose a rule to list its postings.</p>
                <table id="fix-first-table"></table>
                </section>
                <section id="postings" aria-labelledby="postings-h">
                <h2 id="postings-h">Postings</h2>
                <div class="filters" role="search">
                <label>Search<input type="search" id="f-search" placeholder="path, title, rule, message, text"></label>
                <label>Severity<select id="f-severity"><option value="">All severities</option><option value="error">Errors</option><option value="warning">Warnings and above</option><option value="info">Infos and above</option></select></label>
                <label>Category<select id="f-category"><option value="">All categories</option></select></label>
                <label>Rule<select id="f-rule"><option value="">All rules</option></select></label>
                <label>Status<select id="f-status"><option value="">All postings</option><option value="fail">Failing</option><option value="pass">Passing</option></select></label>
                <button type="button" id="f-reset">Reset</button>
                </div>
                <p class="status-line" id="f-summary" aria-live="polite"></p>
                <table id="postings-table"></table>
                <nav class="pager" aria-label="Pages of postings"><button type="button" id="page-prev">Previous</button>
                <span id="page-info"></span><button type="button" id="page-next">Next</button></nav>
                </section>
                <section id="details" aria-labelledby="details-h">
                <h2 id="details-h">Findings by posting</h2>
                <p class="sub">The findings of the postings on this page of the table.</p>
                <p class="empty" id="details-empty" hidden>No findings to show.</p>
                <div id="details-list"></div>
                </section>
                <section id="drift" aria-labelledby="drift-h">
                <h2 id="drift-h">Boilerplate drift</h2>
                <div id="drift-list"></div>
                </section>
                </main>
                <footer>Generated by <span id="footer-tool"></span>. Every finding's rule id, position and fix is also
                available in the JSON and SARIF formats.</footer>
                """);
        b.append("<script type=\"application/json\" id=\"report-data\">").append(json).append("</script>\n");
        b.append("<script>").append(JS).append("</script>\n</body>\n</html>\n");
        out.write(b.toString());
    }

    /** Nothing but the page's own style and script (by hash), and the data-URI favicon. */
    static String contentSecurityPolicy() {
        return "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '" + sha256(JS)
                + "'; img-src data:; base-uri 'none'; form-action 'none'";
    }

    static String css() {
        return CSS;
    }

    static String js() {
        return JS;
    }

    static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReporter.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing report resource " + name);
            }
            // The hash must match what the browser parses: HTML parsers turn CRLF into LF.
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.contains("</script") || lower.contains("</style") || lower.contains("<!--")) {
                throw new IllegalStateException("report resource " + name + " would end its element early");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- data

    /** JSON that is safe inside a script data block: no {@code <}, {@code >}, {@code &}, U+2028, U+2029 in clear. */
    static final class ScriptSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;

        private final int[] table;

        ScriptSafeEscapes() {
            table = standardAsciiEscapesForJSON();
            table['<'] = ESCAPE_STANDARD;
            table['>'] = ESCAPE_STANDARD;
            table['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case 0x2028 -> new SerializedString("\\u2028");
                case 0x2029 -> new SerializedString("\\u2029");
                default -> null;
            };
        }
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    static String dataJson(LintReport report) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.setCharacterEscapes(new ScriptSafeEscapes());
            writeData(g, report);
        }
        return w.toString();
    }

    /**
     * Strings by first use, written once: a corpus repeats rule ids, messages, links and source windows
     * thousands of times, and the page looks them up by index.
     */
    static final class Strings {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int of(String s) {
            if (s == null) {
                return -1;
            }
            String v = ReportSupport.wellFormed(s);
            return index.computeIfAbsent(v, k -> {
                values.add(k);
                return values.size() - 1;
            });
        }
    }

    /*
     * The data block's shape (the page script and HtmlReporterTest read it; documented in docs/REPORTS.md):
     *   strings: every string once; other fields hold indexes into it (-1: none)
     *   rules: [{id, category, severity, link, postings, findings, fixable, errors, warnings, infos}], ranked
     *          most serious first, then by postings affected (what to fix first)
     *   files: [[path, title, location, policy, ioError, passes, errors, warnings, infos, waived, findings]]
     *   finding: [rule (index into rules), severity (0 error, 1 warning, 2 info), message, line, column, endLine,
     *          endColumn, excerpt, link, fix description, fix replacement, source text, mark start, mark end, waiver
     *          (index into waivers), and for a finding reported once per posting its other places as
     *          [line, column, line, column, ...]]; the excerpt is -1 when it is the marked part of the source text
     */
    private static void writeData(JsonGenerator g, LintReport report) throws IOException {
        Strings strings = new Strings();
        List<ReportSupport.RuleStats> rules = ReportSupport.ruleStats(report, f -> true);
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).id(), i);
        }
        g.writeStartObject();
        g.writeObjectFieldStart("tool");
        text(g, "name", ToolInfo.NAME);
        text(g, "version", report.toolVersion());
        g.writeEndObject();
        text(g, "asOf", report.asOf().toString());
        g.writeArrayFieldStart("policies");
        for (String p : report.policies()) {
            g.writeString(ReportSupport.wellFormed(p));
        }
        g.writeEndArray();

        int passing = (int) report.files().stream().filter(ReportSupport::passes).count();
        g.writeObjectFieldStart("summary");
        JsonReporter.writeSummaryCounts(g, report);
        g.writeNumberField("passing", passing);
        g.writeEndObject();

        Map<String, int[]> categories = new TreeMap<>();
        Map<String, int[]> bySeverity = new HashMap<>();
        for (FileResult r : report.files()) {
            for (Finding f : r.findings()) {
                if (f.waived()) {
                    continue; // waived findings count against nothing: the summary counts them apart
                }
                categories.computeIfAbsent(f.category(), k -> new int[3])[f.severity().ordinal()]++;
                bySeverity.computeIfAbsent(f.ruleId(), k -> new int[3])[f.severity().ordinal()]++;
            }
        }
        g.writeArrayFieldStart("categories");
        for (Map.Entry<String, int[]> e : categories.entrySet()) {
            int[] n = e.getValue();
            g.writeStartObject();
            text(g, "name", e.getKey());
            g.writeNumberField("errors", n[Severity.ERROR.ordinal()]);
            g.writeNumberField("warnings", n[Severity.WARNING.ordinal()]);
            g.writeNumberField("infos", n[Severity.INFO.ordinal()]);
            g.writeNumberField("total", n[0] + n[1] + n[2]);
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("rules");
        for (ReportSupport.RuleStats r : rules) {
            int[] n = bySeverity.getOrDefault(r.id(), new int[3]);
            g.writeStartObject();
            text(g, "id", r.id());
            text(g, "category", r.category());
            text(g, "severity", r.severity().label());
            text(g, "link", r.link());
            g.writeNumberField("postings", r.postings());
            g.writeNumberField("findings", r.findings());
            g.writeNumberField("fixable", r.fixable());
            g.writeNumberField("errors", n[0]);
            g.writeNumberField("warnings", n[1]);
            g.writeNumberField("infos", n[2]);
            g.writeEndObject();
        }
        g.writeEndArray();

        List<Waiver> waivers = new ArrayList<>();
        Map<Waiver, Integer> waiverIndex = new HashMap<>();
        g.writeArrayFieldStart("files");
        for (FileResult r : report.files()) {
            g.writeStartArray();
            g.writeNumber(strings.of(r.path()));
            g.writeNumber(strings.of(r.title()));
            g.writeNumber(strings.of(r.location()));
            g.writeNumber(strings.of(r.policy()));
            g.writeNumber(r.ioError() ? 1 : 0);
            g.writeNumber(ReportSupport.passes(r) ? 1 : 0);
            g.writeNumber(r.count(Severity.ERROR));
            g.writeNumber(r.count(Severity.WARNING));
            g.writeNumber(r.count(Severity.INFO));
            g.writeNumber(r.waived());
            g.writeStartArray();
            for (Finding f : r.findings()) {
                int waiver = -1;
                if (f.waiver() != null) {
                    waiver = waiverIndex.computeIfAbsent(f.waiver(), w -> {
                        waivers.add(w);
                        return waivers.size() - 1;
                    });
                }
                writeFinding(g, f, ruleIndex.get(f.ruleId()), strings, waiver);
            }
            g.writeEndArray();
            g.writeEndArray();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("waivers");
        for (Waiver w : waivers) {
            g.writeStartObject();
            text(g, "reason", w.reason());
            text(g, "approvedBy", w.approvedBy());
            text(g, "expires", w.expires().toString());
            text(g, "source", w.place().toString());
            g.writeEndObject();
        }
        g.writeEndArray();

        Map<String, Integer> fileIndex = new HashMap<>();
        for (int i = 0; i < report.files().size(); i++) {
            fileIndex.putIfAbsent(report.files().get(i).path(), i);
        }
        g.writeArrayFieldStart("drift");
        for (DriftGroup d : report.drift()) {
            writeDrift(g, d, fileIndex);
        }
        g.writeEndArray();

        g.writeArrayFieldStart("strings");
        for (String v : strings.values) {
            g.writeString(v);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeFinding(JsonGenerator g, Finding f, int rule, Strings strings, int waiver) throws IOException {
        g.writeStartArray();
        g.writeNumber(rule);
        g.writeNumber(f.severity().ordinal());
        g.writeNumber(strings.of(f.message()));
        g.writeNumber(f.span().start().line());
        g.writeNumber(f.span().start().column());
        g.writeNumber(f.span().end().line());
        g.writeNumber(f.span().end().column());
        Highlight hl = highlight(f);
        boolean excerptMarked = hl != null && f.excerpt() != null
                && ReportSupport.wellFormed(f.excerpt()).equals(hl.text().substring(hl.start(), hl.end()));
        g.writeNumber(excerptMarked ? -1 : strings.of(f.excerpt() == null || f.excerpt().isEmpty() ? null : f.excerpt()));
        g.writeNumber(strings.of(f.link()));
        g.writeNumber(f.fix() == null ? -1 : strings.of(f.fix().description() == null ? "" : f.fix().description()));
        g.writeNumber(f.fix() == null ? -1 : strings.of(f.fix().replacement()));
        g.writeNumber(hl == null ? -1 : strings.of(hl.text()));
        g.writeNumber(hl == null ? 0 : hl.start());
        g.writeNumber(hl == null ? 0 : hl.end());
        g.writeNumber(waiver);
        if (!f.related().isEmpty()) {
            // A finding reported once per posting: its other places, as line, column pairs.
            g.writeStartArray();
            for (RelatedPlace p : f.related()) {
                g.writeNumber(p.span().start().line());
                g.writeNumber(p.span().start().column());
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /** The finding's source line and the UTF-16 range of the match within it (end exclusive). */
    record Highlight(String text, int start, int end) {
    }

    /**
     * Where to mark the match in the finding's source line window: from the span's start column to its
     * end column when it ends on the same line, else to the end of the window. Null when there is no line
     * or nothing matched: a finding about something missing (empty excerpt) is anchored on the first character
     * of the rule's scope, and marking that character would point at the wrong thing.
     */
    static Highlight highlight(Finding f) {
        SourceLine line = f.line();
        if (line == null || line.text().isEmpty() || f.span().length() == 0 || f.excerpt() == null || f.excerpt().isEmpty()) {
            return null;
        }
        String text = ReportSupport.wellFormed(line.text());
        int len = text.length();
        int start = clamp(f.span().start().column() - line.startColumn(), 0, len);
        int end = f.span().end().line() == f.span().start().line()
                ? clamp(f.span().end().column() - line.startColumn(), start, len)
                : len;
        // At most CONTEXT characters either side of the mark: a corpus has tens of thousands of findings, and a
        // reviewer reads the words around the match, not the whole window the engine kept.
        int from = Math.max(0, start - CONTEXT);
        int to = Math.min(len, end + CONTEXT);
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from--;
        }
        if (to < len && Character.isLowSurrogate(text.charAt(to))) {
            to++;
        }
        return new Highlight(text.substring(from, to), start - from, end - from);
    }

    /** Characters of source kept either side of a finding's mark. */
    static final int CONTEXT = 60;

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /**
     * A drift group. Variants name their postings by index into {@code files} (a path string only for a posting
     * not in the run), and their diff as {@code [kind, text]} pairs (0 same, 1 added, 2 removed); the variant's
     * own text is left out, as the diff spells it.
     */
    private static void writeDrift(JsonGenerator g, DriftGroup d, Map<String, Integer> fileIndex) throws IOException {
        g.writeStartObject();
        text(g, "ruleId", d.ruleId());
        text(g, "block", d.block());
        text(g, "referenceText", d.referenceText());
        text(g, "referenceKind", d.referenceKind().name().toLowerCase(Locale.ROOT));
        g.writeArrayFieldStart("variants");
        for (DriftGroup.Variant v : d.variants()) {
            g.writeStartObject();
            g.writeArrayFieldStart("postings");
            for (String p : v.postings()) {
                Integer i = fileIndex.get(p);
                if (i != null) {
                    g.writeNumber(i);
                } else {
                    g.writeString(ReportSupport.wellFormed(p));
                }
            }
            g.writeEndArray();
            g.writeNumberField("similarity", Double.isFinite(v.similarity()) ? Math.round(v.similarity() * 1000) / 1000.0 : 0);
            g.writeBooleanField("isReference", v.isReference());
            g.writeArrayFieldStart("diff");
            for (DiffToken t : v.diff()) {
                g.writeStartArray();
                g.writeNumber(switch (t.kind()) {
                    case SAME -> 0;
                    case ADDED -> 1;
                    case REMOVED -> 2;
                });
                g.writeString(ReportSupport.wellFormed(t.text()));
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, ReportSupport.wellFormed(value));
        }
    }
}

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
import dev.postinglint.core.model.ResultStream;
import dev.postinglint.core.model.RunHeader;
import dev.postinglint.core.model.RunTotals;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.ToolInfo;
import dev.postinglint.core.model.Waiver;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.text.DiffToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
public final class HtmlReporter implements StreamingReporter {
    private static final String RESOURCES = "/dev/postinglint/core/report/html/";
    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");
    /** A blank favicon, so that browsers do not ask the network (or the file system) for one. */
    private static final String FAVICON = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E";

    private final Path tempParent;

    public HtmlReporter() {
        this(null);
    }

    /** {@code tempParent}: where the postings' data waits until the run ends (null: the system's temporary directory). */
    HtmlReporter(Path tempParent) {
        this.tempParent = tempParent;
    }

    /**
     * Streams the run in bounded memory. The data block's summary, categories and ranked rules come before its
     * postings, and each finding names its rule by its place in that ranking, known only at the end: so each
     * posting's row (numbers only: every string is an index into the string table) is written to a temporary file
     * as it comes, with its findings' rules as placeholders ({@code <n>}, n by first use; no other {@code <} can be
     * there), and the counts, the string table, the waivers and each path's row stay in memory. At the end the page
     * and the data's head are written, the rows copied with each placeholder replaced by the rule's rank, then the
     * rest: the same bytes as a report written whole.
     */
    @Override
    public ResultStream open(Writer out) {
        return new SpilledStream(tempParent) {
            private RunHeader header;
            private JsonGenerator rows;
            private final Strings strings = new Strings();
            private final ReportSupport.RuleTally ruleTally = new ReportSupport.RuleTally(f -> true);
            private final Map<String, Integer> firstSeen = new HashMap<>();
            private final List<String> seenOrder = new ArrayList<>();
            private final Map<String, int[]> categories = new TreeMap<>();
            private final Map<String, int[]> bySeverity = new HashMap<>();
            private final List<Waiver> waivers = new ArrayList<>();
            private final Map<Waiver, Integer> waiverIndex = new HashMap<>();
            private final Map<String, Integer> fileIndex = new HashMap<>();
            private int files;
            private int passing;

            @Override
            void start(RunHeader h, ReportSpill spill) throws IOException {
                header = h;
                rows = FACTORY.createGenerator(spill.writer("files.json"));
                rows.setCharacterEscapes(new ScriptSafeEscapes());
                rows.writeStartArray();
            }

            @Override
            void add(FileResult r) throws IOException {
                ruleTally.add(r);
                passing += ReportSupport.passes(r) ? 1 : 0;
                fileIndex.putIfAbsent(r.path(), files++);
                for (Finding f : r.findings()) {
                    if (f.waived()) {
                        continue; // waived findings count against nothing: the summary counts them apart
                    }
                    categories.computeIfAbsent(f.category(), k -> new int[3])[f.severity().ordinal()]++;
                    bySeverity.computeIfAbsent(f.ruleId(), k -> new int[3])[f.severity().ordinal()]++;
                }
                rows.writeStartArray();
                rows.writeNumber(strings.of(r.path()));
                rows.writeNumber(strings.of(r.title()));
                rows.writeNumber(strings.of(r.location()));
                rows.writeNumber(strings.of(r.policy()));
                rows.writeNumber(r.ioError() ? 1 : 0);
                rows.writeNumber(ReportSupport.passes(r) ? 1 : 0);
                rows.writeNumber(r.count(Severity.ERROR));
                rows.writeNumber(r.count(Severity.WARNING));
                rows.writeNumber(r.count(Severity.INFO));
                rows.writeNumber(r.waived());
                rows.writeStartArray();
                for (Finding f : r.findings()) {
                    int waiver = -1;
                    if (f.waiver() != null) {
                        waiver = waiverIndex.computeIfAbsent(f.waiver(), w -> {
                            waivers.add(w);
                            return waivers.size() - 1;
                        });
                    }
                    Integer rule = firstSeen.get(f.ruleId());
                    if (rule == null) {
                        rule = seenOrder.size();
                        firstSeen.put(f.ruleId(), rule);
                        seenOrder.add(f.ruleId());
                    }
                    writeFinding(rows, f, "<" + rule + ">", strings, waiver);
                }
                rows.writeEndArray();
                rows.writeEndArray();
            }

            @Override
            void finish(RunTotals totals, ReportSpill spill) throws IOException {
                rows.writeEndArray();
                rows.close();
                List<ReportSupport.RuleStats> rules = ruleTally.ranked();
                Map<String, Integer> ruleIndex = new HashMap<>();
                for (int i = 0; i < rules.size(); i++) {
                    ruleIndex.put(rules.get(i).id(), i);
                }
                int[] rankOf = new int[seenOrder.size()];
                for (int i = 0; i < rankOf.length; i++) {
                    rankOf[i] = ruleIndex.get(seenOrder.get(i));
                }
                out.write(pageHead());
                out.write(DATA_START);
                JsonGenerator g = FACTORY.createGenerator(out);
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.setCharacterEscapes(new ScriptSafeEscapes());
                g.writeStartObject();
                g.writeObjectFieldStart("tool");
                text(g, "name", ToolInfo.NAME);
                text(g, "version", header.toolVersion());
                g.writeEndObject();
                text(g, "asOf", header.asOf().toString());
                g.writeArrayFieldStart("policies");
                for (String p : header.policies()) {
                    g.writeString(ReportSupport.wellFormed(p));
                }
                g.writeEndArray();

                g.writeObjectFieldStart("summary");
                JsonReporter.writeSummaryCounts(g, totals);
                g.writeNumberField("passing", passing);
                g.writeEndObject();

                writeCategories(g, categories);
                writeRules(g, rules, bySeverity);

                g.writeFieldName("files");
                g.writeRawValue(""); // the rows, copied below
                g.flush();
                try (Reader in = spill.reader("files.json")) {
                    copyRanked(in, out, rankOf);
                }

                writeWaivers(g, waivers);
                writeDriftGroups(g, totals.drift(), fileIndex);
                writeStrings(g, strings);
                g.writeEndObject();
                g.close();
                out.write("</script>\n");
                out.write(pageTail());
            }
        };
    }

    /** Copies the spilled rows, each rule placeholder {@code <n>} replaced by the rule's rank. */
    private static void copyRanked(Reader in, Writer out, int[] rankOf) throws IOException {
        char[] buf = new char[1 << 16];
        int placeholder = -1; // the number read so far inside a placeholder, -1 outside one
        int n;
        while ((n = in.read(buf)) > 0) {
            int from = 0;
            for (int i = 0; i < n; i++) {
                char c = buf[i];
                if (placeholder < 0) {
                    if (c == '<') {
                        out.write(buf, from, i - from);
                        placeholder = 0;
                    }
                } else if (c == '>') {
                    out.write(Integer.toString(rankOf[placeholder]));
                    placeholder = -1;
                    from = i + 1;
                } else {
                    placeholder = placeholder * 10 + (c - '0');
                }
            }
            if (placeholder < 0) {
                out.write(buf, from, n - from);
            }
        }
    }

    /** The page up to its data block (constant: the data block carries the run). */
    private static String pageHead() {
        StringBuilder b = new StringBuilder(CSS.length() + 8192);
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
        return b.toString();
    }

    private static String pageTail() {
        return "<script>" + JS + "</script>\n</body>\n</html>\n";
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

    private static final String DATA_START = "<script type=\"application/json\" id=\"report-data\">";

    /** The report's data block, as the page carries it. */
    static String dataJson(LintReport report) throws IOException {
        StringWriter w = new StringWriter();
        new HtmlReporter().write(report, w);
        String page = w.toString();
        int from = page.indexOf(DATA_START) + DATA_START.length();
        return page.substring(from, page.indexOf("</script>", from)); // no '<' in the data is left unescaped
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
    private static void writeCategories(JsonGenerator g, Map<String, int[]> categories) throws IOException {
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
    }

    private static void writeRules(JsonGenerator g, List<ReportSupport.RuleStats> rules, Map<String, int[]> bySeverity) throws IOException {
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
    }

    private static void writeWaivers(JsonGenerator g, List<Waiver> waivers) throws IOException {
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
    }

    private static void writeDriftGroups(JsonGenerator g, List<DriftGroup> drift, Map<String, Integer> fileIndex) throws IOException {
        g.writeArrayFieldStart("drift");
        for (DriftGroup d : drift) {
            writeDrift(g, d, fileIndex);
        }
        g.writeEndArray();
    }

    private static void writeStrings(JsonGenerator g, Strings strings) throws IOException {
        g.writeArrayFieldStart("strings");
        for (String v : strings.values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** A finding's row; {@code rule}: its rule as written (a placeholder until the rules are ranked). */
    private static void writeFinding(JsonGenerator g, Finding f, String rule, Strings strings, int waiver) throws IOException {
        g.writeStartArray();
        g.writeRawValue(rule);
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

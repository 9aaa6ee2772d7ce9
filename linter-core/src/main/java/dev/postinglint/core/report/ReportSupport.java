package dev.postinglint.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Fix;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.RuleDescription;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.Waiver;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** What several report formats share: what "passing" means, rule metadata derived from findings, text clean-up. */
final class ReportSupport {
    private ReportSupport() {
    }

    /**
     * A posting passes when it could be read and has no error-level finding: the same line the CLI's
     * default {@code --fail-on error} draws. Warnings and infos are reported but do not fail it.
     */
    static boolean passes(FileResult r) {
        return !r.ioError() && r.count(Severity.ERROR) == 0;
    }

    /**
     * What reports say about a rule: from the run's rule catalogue ({@code described}: the policy's description,
     * message and link) when the report has one, else derived from the rule's findings.
     */
    record RuleMeta(String id, String category, String link, Severity severity, int findings, RuleDescription described) {
        private String description() {
            return described == null || described.description() == null ? "" : oneLine(described.description());
        }

        String shortDescription() {
            String d = description();
            if (!d.isEmpty()) {
                int stop = d.indexOf(". ");
                return stop > 0 && stop < 200 ? d.substring(0, stop + 1) : d;
            }
            if (described != null && described.message() != null && !described.message().isBlank()) {
                return oneLine(described.message());
            }
            return "posting-lint rule " + id + " (category " + category + ")";
        }

        String fullDescription() {
            String d = description();
            if (!d.isEmpty()) {
                return d;
            }
            return "posting-lint rule " + id + " in category '" + category + "'. "
                    + (link == null ? "The rule's policy gives no citation link."
                            : "Its policy cites " + link + " for the requirement behind it.");
        }

        /** The help text: what the rule checks, what it reports, and where the requirement comes from. */
        String helpText() {
            StringBuilder b = new StringBuilder(fullDescription());
            if (described != null && described.message() != null && !described.message().isBlank()) {
                b.append("\n\nIt reports: ").append(oneLine(described.message()));
            }
            if (link != null) {
                b.append("\n\nSee ").append(link).append(" for what this rule checks and why.");
            }
            if (described != null && described.origin() != null) {
                b.append("\n\nDefined in ").append(described.origin()).append('.');
            }
            return b.toString();
        }

        private static String oneLine(String s) {
            return s.strip().replaceAll("\\s+", " ");
        }
    }

    /**
     * Every rule that produced a finding, sorted by id. A rule's category and link come from the run's rule
     * catalogue when it has the rule, else from its first finding; its severity is the most serious one it was
     * reported at (policies may override severities).
     */
    static List<RuleMeta> rules(LintReport report) {
        RuleMetaTally tally = new RuleMetaTally(report.rules());
        report.files().forEach(tally::add);
        return tally.rules();
    }

    /** {@link #rules} one posting at a time: one entry per rule, however many postings go by. */
    static final class RuleMetaTally {
        private final Map<String, RuleDescription> catalogue = new HashMap<>();
        private final Map<String, RuleMeta> byId = new TreeMap<>();

        RuleMetaTally(List<RuleDescription> catalogue) {
            for (RuleDescription d : catalogue) {
                this.catalogue.putIfAbsent(d.id(), d); // the first entry for an id, as LintReport.rule finds it
            }
        }

        void add(FileResult r) {
            for (Finding f : r.findings()) {
                RuleMeta m = byId.get(f.ruleId());
                if (m == null) {
                    RuleDescription d = catalogue.get(f.ruleId());
                    String link = d != null && d.link() != null ? d.link() : f.link();
                    String category = d != null ? d.category() : f.category();
                    byId.put(f.ruleId(), new RuleMeta(f.ruleId(), category, link, f.severity(), 1, d));
                } else {
                    Severity s = f.severity().atLeast(m.severity()) ? f.severity() : m.severity();
                    byId.put(f.ruleId(), new RuleMeta(m.id(), m.category(), m.link() != null ? m.link() : f.link(), s,
                            m.findings() + 1, m.described()));
                }
            }
        }

        /** The rules seen so far, sorted by id. */
        List<RuleMeta> rules() {
            return new ArrayList<>(byId.values());
        }
    }

    /**
     * One rule's findings in a run, for "what to fix first" tables: its most serious severity, the postings
     * it was reported in, its findings and how many of them carry a fix. {@code links}: the citations its findings
     * were raised with, in order of first use (one per jurisdiction for a rule that cites each one's law);
     * {@code link} is the first.
     */
    record RuleStats(String id, String category, List<String> links, Severity severity, int postings, int findings, int fixable) {
        /** Most serious first, then most widespread, then most findings, then by id. */
        static final Comparator<RuleStats> RANK = Comparator.comparing(RuleStats::severity)
                .thenComparing(Comparator.comparingInt(RuleStats::postings).reversed())
                .thenComparing(Comparator.comparingInt(RuleStats::findings).reversed())
                .thenComparing(RuleStats::id);

        String link() {
            return links.isEmpty() ? null : links.get(0);
        }
    }

    /** Per-rule counts over the findings that {@code counted} accepts, ranked by {@link RuleStats#RANK}. */
    static List<RuleStats> ruleStats(LintReport report, Predicate<Finding> counted) {
        RuleTally tally = new RuleTally(counted);
        report.files().forEach(tally::add);
        return tally.ranked();
    }

    /** {@link #ruleStats} one posting at a time: one entry per rule, however many postings go by. */
    static final class RuleTally {
        private static final class Tally {
            String category;
            Severity severity;
            final Set<String> links = new java.util.LinkedHashSet<>();
            int postings;
            int findings;
            int fixable;
        }

        private final Predicate<Finding> counted;
        private final Map<String, Tally> byId = new TreeMap<>();

        RuleTally(Predicate<Finding> counted) {
            this.counted = counted;
        }

        void add(FileResult r) {
            Set<String> seen = new HashSet<>();
            for (Finding f : r.findings()) {
                if (!counted.test(f)) {
                    continue;
                }
                Tally t = byId.computeIfAbsent(f.ruleId(), k -> new Tally());
                t.category = t.category == null ? f.category() : t.category;
                t.severity = t.severity == null || f.severity().atLeast(t.severity) ? f.severity() : t.severity;
                if (f.link() != null && !f.link().isBlank()) {
                    t.links.add(f.link());
                }
                t.postings += seen.add(f.ruleId()) ? 1 : 0;
                t.findings++;
                t.fixable += f.fix() != null ? 1 : 0;
            }
        }

        List<RuleStats> ranked() {
            List<RuleStats> out = new ArrayList<>(byId.size());
            byId.forEach((id, t) -> out.add(new RuleStats(id, t.category, List.copyOf(t.links), t.severity, t.postings, t.findings, t.fixable)));
            out.sort(RuleStats.RANK);
            return out;
        }
    }

    /** Every edit of a finding's fix in text order, each once (one per place for a finding reported once per posting). */
    static List<Fix> edits(Finding f) {
        List<Fix> all = new ArrayList<>(new java.util.LinkedHashSet<>(f.fixes()));
        all.sort(Comparator.comparingInt((Fix x) -> x.span().startOffset()).thenComparingInt(x -> x.span().endOffset()));
        return all;
    }

    /** Places named in {@link #placesNote}. */
    static final int PLACES_NAMED = 3;

    /**
     * For a finding reported once per posting, its other places for formats that show one line per finding:
     * {@code " (and 22 more places: 5:3, 9:1, 12:4, …)"}; empty for other findings.
     */
    static String placesNote(Finding f) {
        int n = f.related().size();
        if (n == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder(" (and ").append(n).append(n == 1 ? " more place: " : " more places: ");
        int named = Math.min(PLACES_NAMED, n);
        for (int i = 0; i < named; i++) {
            var at = f.related().get(i).span().start();
            b.append(i > 0 ? ", " : "").append(at.line()).append(':').append(at.column());
        }
        return b.append(n > named ? ", \u2026)" : ")").toString();
    }

    /**
     * "223 infos not shown: --min-severity info": what a display threshold left out of a report and how to
     * show it; empty when nothing was left out. {@code waivedHidden}: waived findings were left out too.
     */
    static String hiddenNote(LintReport report, Severity minimum, boolean waivedHidden) {
        HiddenTally tally = new HiddenTally(minimum, waivedHidden);
        report.files().forEach(tally::add);
        return tally.note();
    }

    /** {@link #hiddenNote} one posting at a time. */
    static final class HiddenTally {
        private final Severity minimum;
        private final boolean waivedHidden;
        private final int[] hidden = new int[Severity.values().length];
        private int waived;
        private Severity lowest;

        HiddenTally(Severity minimum, boolean waivedHidden) {
            this.minimum = minimum;
            this.waivedHidden = waivedHidden;
        }

        void add(FileResult r) {
            for (Finding f : r.findings()) {
                if (f.waived()) {
                    if (waivedHidden || !f.severity().atLeast(minimum)) {
                        waived++;
                        lowest = lowest == null || lowest.atLeast(f.severity()) ? f.severity() : lowest;
                    }
                } else if (!f.severity().atLeast(minimum)) {
                    hidden[f.severity().ordinal()]++;
                    lowest = lowest == null || lowest.atLeast(f.severity()) ? f.severity() : lowest;
                }
            }
        }

        String note() {
            List<String> parts = new ArrayList<>();
            for (Severity s : Severity.values()) {
                int n = hidden[s.ordinal()];
                if (n > 0) {
                    parts.add(n + " " + s.label() + (n == 1 ? "" : "s"));
                }
            }
            if (waived > 0) {
                parts.add(waived + " waived");
            }
            if (lowest == null) {
                return "";
            }
            // Waived errors are hidden only by an errors-only run: a warning threshold shows them.
            Severity show = lowest == Severity.ERROR ? Severity.WARNING : lowest;
            return String.join(", ", parts) + " not shown: --min-severity " + show.label();
        }
    }

    /**
     * The report as a file format shows it with a display threshold: findings below {@code minimum} left out,
     * the summary (which counts every finding) unchanged. The same report when {@code minimum} is INFO.
     */
    static LintReport atLeast(LintReport report, Severity minimum) {
        if (minimum == Severity.INFO) {
            return report;
        }
        List<FileResult> files = new ArrayList<>(report.files().size());
        for (FileResult r : report.files()) {
            files.add(atLeast(r, minimum));
        }
        return report.withFiles(files, report.summary());
    }

    /** One posting as {@link #atLeast(LintReport, Severity)} shows it. */
    static FileResult atLeast(FileResult r, Severity minimum) {
        return r.withFindings(r.findings().stream().filter(f -> f.severity().atLeast(minimum)).toList());
    }

    /** "waived until 2026-12-31, approved by Jane Doe: reason": how text formats mark a waived finding. */
    static String waiverNote(Waiver w) {
        return "waived until " + w.expires() + ", approved by " + w.approvedBy() + ": " + w.reason();
    }

    /** Whether a link may become a clickable anchor or a helpUri: absolute http(s) only. */
    static boolean isWebLink(String link) {
        if (link == null) {
            return false;
        }
        String l = link.strip().toLowerCase(Locale.ROOT);
        return (l.startsWith("https://") || l.startsWith("http://")) && l.length() > l.indexOf("//") + 2
                && l.chars().noneMatch(c -> c <= 0x20 || c == 0x7f);
    }

    /** Text with every lone surrogate replaced by U+FFFD, so that any UTF-8 writer can encode it. */
    static String wellFormed(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            boolean lone = !pair && Character.isSurrogate(c);
            if (lone && b == null) {
                b = new StringBuilder(s.length());
                b.append(s, 0, i);
            }
            if (b != null) {
                if (lone) {
                    b.append('\uFFFD');
                } else {
                    b.append(s, i, pair ? i + 2 : i + 1);
                }
            }
            if (pair) {
                i++;
            }
        }
        return b == null ? s : b.toString();
    }

    // ---------------------------------------------------------------- XML

    static XMLStreamWriter xmlWriter(Writer out) throws XMLStreamException {
        return XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out); // the JDK's own, whatever is on the classpath
    }

    /** Closes an XML report's root element and document, then ends the file with a line break. */
    static void endXmlDocument(XMLStreamWriter x, Writer out) throws XMLStreamException, IOException {
        x.writeCharacters("\n");
        x.writeEndElement();
        x.writeEndDocument();
        x.flush();
        x.close();
        out.write('\n');
    }

    /**
     * Text as XML 1.0 can carry it: a character XML forbids (a control other than tab and line breaks, a
     * lone surrogate, U+FFFE/U+FFFF) is written as a visible escape ({@code \x1b}, {@code \ud800}), as
     * terminal output writes it, so a name keeps every character it had and the document stays well-formed;
     * line breaks become {@code \n} (an XML parser turns {@code \r} into {@code \n} anyway, so writing it
     * would not survive a round trip).
     */
    static String xmlText(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder b = null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ok;
            int width = 1;
            if (Character.isHighSurrogate(c) && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1))) {
                ok = true;
                width = 2;
            } else {
                ok = c == '\t' || c == '\n' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && b == null) {
                b = new StringBuilder(t.length() + 16);
                b.append(t, 0, i);
            }
            if (ok && b != null) {
                b.append(t, i, i + width);
            } else if (!ok) {
                TerminalText.appendEscape(b, c);
            }
            i += width - 1;
        }
        return b == null ? t : b.toString();
    }

    /**
     * An attribute value on one line: {@link #xmlText} with tabs and line breaks as spaces, because XML
     * parsers normalize them to spaces in attributes anyway (so the value reads back exactly as written).
     */
    static String xmlAttr(String s) {
        return xmlText(s).replace('\n', ' ').replace('\t', ' ');
    }

    // ---------------------------------------------------------------- URIs

    /**
     * A path as a URI reference: forward slashes, each byte outside RFC 3986's unreserved set (and '/',
     * and the sub-delimiters that need no escaping in a path) percent-encoded as UTF-8. A relative path stays
     * relative (':' is encoded so its first segment never reads as a scheme); an absolute path becomes a
     * {@code file:} URI.
     */
    static String pathToUri(String path) {
        String p = path.replace('\\', '/');
        boolean windowsDrive = p.length() >= 2 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':'
                && (p.length() == 2 || p.charAt(2) == '/');
        if (windowsDrive) {
            return "file:///" + p.substring(0, 2) + encodePath(p.substring(2));
        }
        if (p.startsWith("/")) {
            return "file://" + encodePath(p);
        }
        return encodePath(p);
    }

    static boolean isAbsolutePath(String path) {
        return pathToUri(path).startsWith("file:");
    }

    private static String encodePath(String p) {
        StringBuilder b = new StringBuilder(p.length() + 16);
        for (byte x : p.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    private static final JsonFactory JSON = new JsonFactory();

    /** A pretty-printing JSON generator that leaves {@code out} open (the caller owns it). */
    static JsonGenerator prettyJson(Writer out) throws IOException {
        JsonGenerator g = JSON.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        return g;
    }
}

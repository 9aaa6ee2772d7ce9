package dev.postinglint.maven;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.RuleDescription;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.Summary;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.reporting.AbstractMavenReportRenderer;

/**
 * The posting-lint page of a Maven site, drawn with Doxia's {@link Sink} so that the site's skin styles it like
 * the other reports: a summary, the rules ranked by the postings they affect (what to fix first, each linked to
 * the law or guideline it cites), and the findings per posting. Huge repositories would make a page nobody can
 * open, so at most {@code limit} findings are listed, the most serious first, with a note that says so; the
 * standalone HTML report ({@code interactiveLink}, null when there is none) always has them all.
 *
 * <p>Posting text reaches the page only through {@link Sink#text(String)}, which escapes it; never through the
 * base class's table helpers, which would turn {@code {text, url}} in a message into a link.
 */
final class SiteReportRenderer extends AbstractMavenReportRenderer {
    /** The bundle with the page's words, {@code posting-lint-report*.properties}. */
    static final String BUNDLE = "posting-lint-report";

    private final ResourceBundle bundle;
    private final Locale locale;
    private final LintReport report;
    private final String interactiveLink;
    private final int limit;

    SiteReportRenderer(Sink sink, ResourceBundle bundle, LintReport report, String interactiveLink, int limit) {
        super(sink);
        this.bundle = bundle;
        this.locale = bundle.getLocale();
        this.report = report;
        this.interactiveLink = interactiveLink;
        this.limit = limit;
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, SiteReportRenderer.class.getClassLoader());
    }

    @Override
    public String getTitle() {
        return format("report.title");
    }

    @Override
    protected void renderBody() {
        startSection(getTitle(), "posting-lint");
        sink.paragraph();
        text(format("report.intro", report.toolVersion(), report.asOf(), String.join(", ", report.policies())));
        sink.paragraph_();
        if (interactiveLink != null) {
            sink.paragraph();
            link(interactiveLink, format("report.interactive"));
            sink.text(" " + format("report.interactive.why"));
            sink.paragraph_();
        }
        renderSummary();
        renderRules();
        renderFindings();
        endSection();
    }

    private void renderSummary() {
        startSection(format("summary.title"), "summary");
        Summary s = report.summary();
        long affected = report.files().stream().filter(f -> !f.findings().isEmpty()).count();
        startTable();
        headerRow("summary.postings", "summary.affected", "summary.errors", "summary.warnings", "summary.infos",
                "summary.waived", "summary.suppressed");
        row(number(s.files()), number(affected), number(s.errors()), number(s.warnings()), number(s.infos()),
                number(s.waived()), number(s.suppressed()));
        endTable();
        endSection();
    }

    private void renderRules() {
        startSection(format("rules.title"), "rules");
        List<RuleCount> rules = rankedRules(report);
        if (rules.isEmpty()) {
            paragraph(format("rules.none"));
            endSection();
            return;
        }
        paragraph(format("rules.intro"));
        startTable();
        headerRow("rules.rule", "rules.severity", "rules.postings", "rules.findings", "rules.description");
        for (RuleCount r : rules) {
            sink.tableRow();
            sink.tableCell();
            if (isWebLink(r.link())) {
                link(r.link().strip(), r.id());
            } else {
                text(r.id());
            }
            sink.tableCell_();
            cell(r.severity().label());
            cell(number(r.postings()));
            cell(number(r.findings()));
            cell(r.description());
            sink.tableRow_();
        }
        endTable();
        endSection();
    }

    private void renderFindings() {
        startSection(format("findings.title"), "findings");
        int total = report.files().stream().mapToInt(f -> f.findings().size()).sum();
        if (total == 0) {
            paragraph(format("findings.none"));
            endSection();
            return;
        }
        List<Shown> shown = shown(report, limit);
        if (shown.stream().mapToInt(s -> s.findings().size()).sum() < total) {
            sink.paragraph();
            text(format("findings.capped", number(Math.min(limit, total)), number(total)));
            if (interactiveLink != null) {
                sink.text(" ");
                link(interactiveLink, format("findings.capped.all"));
            }
            sink.paragraph_();
        }
        int index = 0;
        for (Shown s : shown) {
            index++;
            startSection(s.file().path(), "posting-" + index);
            startTable();
            headerRow("findings.location", "findings.severity", "findings.rule", "findings.message");
            for (Finding f : s.findings()) {
                String severity = f.severity().label();
                String message = FindingLog.oneLine(f.message());
                if (f.waived()) {
                    severity = format("findings.waived", severity);
                    message += " (" + format("findings.waiver", f.waiver().expires(), FindingLog.oneLine(f.waiver().approvedBy()),
                            FindingLog.oneLine(f.waiver().reason())) + ")";
                }
                row(f.span().start().line() + ":" + f.span().start().column(), severity, f.ruleId(), message);
            }
            endTable();
            endSection();
        }
        endSection();
    }

    private void headerRow(String... keys) {
        sink.tableRow();
        for (String key : keys) {
            sink.tableHeaderCell();
            text(format(key));
            sink.tableHeaderCell_();
        }
        sink.tableRow_();
    }

    private void row(String... cells) {
        sink.tableRow();
        for (String c : cells) {
            cell(c);
        }
        sink.tableRow_();
    }

    /** A cell of plain, escaped text ("-" when empty). */
    private void cell(String content) {
        sink.tableCell();
        text(content);
        sink.tableCell_();
    }

    private String number(long n) {
        return String.format(locale, "%,d", n);
    }

    private String format(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /** One rule's counted (not waived) findings: the postings it affects and how many findings it made. */
    record RuleCount(String id, Severity severity, int postings, int findings, String link, String description) {
        /** Most serious first, then most widespread, then most findings, then by id. */
        static final Comparator<RuleCount> RANK = Comparator.comparing(RuleCount::severity)
                .thenComparing(Comparator.comparingInt(RuleCount::postings).reversed())
                .thenComparing(Comparator.comparingInt(RuleCount::findings).reversed())
                .thenComparing(RuleCount::id);
    }

    /**
     * The rules that found something, ranked by {@link RuleCount#RANK}. Link and description come from the run's
     * rule catalogue when it has the rule, else from a finding.
     */
    static List<RuleCount> rankedRules(LintReport report) {
        Map<String, RuleCount> byId = new HashMap<>();
        for (FileResult file : report.files()) {
            Set<String> seen = new HashSet<>();
            for (Finding f : file.findings()) {
                if (f.waived()) {
                    continue;
                }
                int posting = seen.add(f.ruleId()) ? 1 : 0;
                RuleCount old = byId.get(f.ruleId());
                if (old == null) {
                    RuleDescription d = report.rule(f.ruleId()).orElse(null);
                    String link = d != null && d.link() != null ? d.link() : f.link();
                    byId.put(f.ruleId(), new RuleCount(f.ruleId(), f.severity(), posting, 1, link, d == null ? null : d.description()));
                } else {
                    Severity worst = f.severity().atLeast(old.severity()) ? f.severity() : old.severity();
                    byId.put(f.ruleId(), new RuleCount(old.id(), worst, old.postings() + posting, old.findings() + 1,
                            old.link() != null ? old.link() : f.link(), old.description()));
                }
            }
        }
        List<RuleCount> out = new ArrayList<>(byId.values());
        out.sort(RuleCount.RANK);
        return out;
    }

    /** A posting and the findings of it the page lists, in reading order. */
    record Shown(FileResult file, List<Finding> findings) {
    }

    /**
     * The findings to list, per posting in path order: all of them when there are at most {@code limit}, else the
     * {@code limit} most serious (counted before waived, then in path and reading order).
     */
    static List<Shown> shown(LintReport report, int limit) {
        record Entry(int file, int index, Finding finding) {
        }
        List<Entry> all = new ArrayList<>();
        List<FileResult> files = report.files();
        for (int i = 0; i < files.size(); i++) {
            List<Finding> findings = files.get(i).findings();
            for (int j = 0; j < findings.size(); j++) {
                all.add(new Entry(i, j, findings.get(j)));
            }
        }
        if (all.size() > limit) {
            all.sort(Comparator.comparing((Entry e) -> e.finding().severity())
                    .thenComparing(e -> e.finding().waived())
                    .thenComparingInt(Entry::file)
                    .thenComparingInt(Entry::index));
            all = new ArrayList<>(all.subList(0, Math.max(0, limit)));
            all.sort(Comparator.comparingInt(Entry::file).thenComparingInt(Entry::index));
        }
        Map<Integer, List<Finding>> byFile = new LinkedHashMap<>();
        for (Entry e : all) {
            byFile.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e.finding());
        }
        List<Shown> out = new ArrayList<>();
        byFile.forEach((file, findings) -> out.add(new Shown(files.get(file), List.copyOf(findings))));
        return out;
    }

    /** Only absolute http(s) links become anchors: a policy's link is text from a file, not markup. */
    static boolean isWebLink(String link) {
        if (link == null) {
            return false;
        }
        String l = link.strip().toLowerCase(Locale.ROOT);
        return (l.startsWith("https://") || l.startsWith("http://")) && l.length() > l.indexOf("//") + 2
                && l.chars().noneMatch(c -> c <= 0x20 || c == 0x7f);
    }
}

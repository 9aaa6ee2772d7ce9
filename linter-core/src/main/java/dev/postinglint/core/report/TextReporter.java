package dev.postinglint.core.report;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.ResultStream;
import dev.postinglint.core.model.RunHeader;
import dev.postinglint.core.model.RunTotals;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.source.SourceLine;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The human format: {@code path:line:col: severity [rule-id] message}, then the source line with
 * carets under the match, grouped by file; then a "by rule" table and a one-line summary. A waived
 * finding ends with {@code [waived until DATE, approved by WHO: REASON]}; a run that shows errors only
 * leaves waived findings out.
 *
 * <p>Findings below the display threshold ({@code minimum}) are not listed, but the summary line counts
 * them and says how to show them. Repetition is shown once: when one rule reports the same message several
 * times in one posting (a pasted style on every span), the first is shown in full and one line lists the
 * others ({@code pasted-class x23 in this posting, first at 4:6; also at ...}); a finding that a rule reports
 * once per posting names its other places the same way ({@code = and 22 more places: 5:3, 9:1, ...}). The
 * "by rule" table ends with each rule's citation (the law or guideline it checks); {@code verbose} also prints
 * under each finding the citation it was raised with (per jurisdiction). Colour is the caller's choice (this
 * class knows no terminal).
 */
public final class TextReporter implements StreamingReporter {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";
    /** How many further places a repetition line names before it says "and N more". */
    private static final int PLACES_LISTED = 6;

    private final boolean color;
    private final Severity minimum;
    private final boolean verbose;

    /**
     * @param minimum the least serious severity to list (e.g. ERROR for a quiet run)
     * @param verbose also print each finding's citation under it
     */
    public TextReporter(boolean color, Severity minimum, boolean verbose) {
        this.color = color;
        this.minimum = minimum;
        this.verbose = verbose;
    }

    public TextReporter(boolean color, Severity minimum) {
        this(color, minimum, false);
    }

    public TextReporter() {
        this(false, Severity.INFO);
    }

    private boolean shown(Finding f) {
        return f.severity().atLeast(minimum) && !(f.waived() && minimum == Severity.ERROR);
    }

    /** Writes each posting as it comes; keeps only the per-rule table's counts and the hidden findings' counts. */
    @Override
    public ResultStream open(Writer out) {
        return new ResultStream() {
            private final ReportSupport.RuleTally rules = new ReportSupport.RuleTally(TextReporter.this::shown);
            private final ReportSupport.HiddenTally hidden = new ReportSupport.HiddenTally(minimum, minimum == Severity.ERROR);
            private boolean first = true;

            @Override
            public void begin(RunHeader header) {
            }

            @Override
            public void file(FileResult r) throws IOException {
                rules.add(r);
                hidden.add(r);
                Map<String, List<Finding>> groups = new LinkedHashMap<>();
                for (Finding f : r.findings()) {
                    if (shown(f)) {
                        groups.computeIfAbsent(groupKey(f), k -> new ArrayList<>()).add(f);
                    }
                }
                boolean wroteHeader = false;
                for (Finding f : r.findings()) {
                    List<Finding> group = groups.get(groupKey(f));
                    if (group == null || group.get(0) != f) {
                        continue; // hidden, or a repetition that its group's first finding stands for
                    }
                    if (!wroteHeader && !first) {
                        out.write('\n');
                    }
                    wroteHeader = true;
                    first = false;
                    writeFinding(out, r.path(), f);
                    if (!f.related().isEmpty()) {
                        writeRelated(out, f);
                    }
                    if (group.size() > 1) {
                        writeRepetition(out, group);
                    }
                }
            }

            @Override
            public void end(RunTotals totals) throws IOException {
                if (!first) {
                    out.write('\n');
                    writeRuleTable(out, rules.ranked());
                }
                var s = totals.summary();
                String counts = plural(s.errors(), "error") + ", " + plural(s.warnings(), "warning") + ", " + plural(s.infos(), "info");
                String line = plural(s.files(), "file") + " checked: " + counts + s.extras()
                        + String.format(Locale.ROOT, " (%.2f s)", totals.elapsed().toNanos() / 1e9);
                out.write(paint(s.errors() > 0 ? RED + BOLD : BOLD, line));
                out.write('\n');
                String note = hidden.note();
                if (!note.isEmpty()) {
                    out.write(paint(DIM, note));
                    out.write('\n');
                }
            }
        };
    }

    /** Findings that say the same thing: one rule, one message, one severity, waived or not. */
    private static String groupKey(Finding f) {
        return f.ruleId() + '\u0000' + f.severity() + '\u0000' + f.waived() + '\u0000' + f.message();
    }

    private void writeRepetition(Writer out, List<Finding> group) throws IOException {
        Finding head = group.get(0);
        StringBuilder b = new StringBuilder("       = ").append(head.ruleId()).append(" x").append(group.size())
                .append(" in this posting, first at ").append(place(head)).append("; also at ");
        int listed = Math.min(PLACES_LISTED, group.size() - 1);
        for (int i = 1; i <= listed; i++) {
            b.append(i > 1 ? ", " : "").append(place(group.get(i)));
        }
        if (group.size() - 1 > listed) {
            b.append(" and ").append(group.size() - 1 - listed).append(" more");
        }
        out.write(paint(DIM, b.toString()));
        out.write('\n');
    }

    private static String place(Finding f) {
        return f.span().start().line() + ":" + f.span().start().column();
    }

    /** A finding reported once per posting: {@code = and 22 more places: 5:3, 9:1, ...}, the first few of them. */
    private void writeRelated(Writer out, Finding f) throws IOException {
        StringBuilder b = new StringBuilder("       = and ").append(f.related().size())
                .append(f.related().size() == 1 ? " more place: " : " more places: ");
        int listed = Math.min(PLACES_LISTED, f.related().size());
        for (int i = 0; i < listed; i++) {
            var at = f.related().get(i).span().start();
            b.append(i > 0 ? ", " : "").append(at.line()).append(':').append(at.column());
        }
        if (f.related().size() > listed) {
            b.append(", \u2026");
        }
        out.write(paint(DIM, b.toString()));
        out.write('\n');
    }

    /** The listed findings per rule, most serious and most widespread first: what to fix first. */
    private void writeRuleTable(Writer out, List<ReportSupport.RuleStats> stats) throws IOException {
        if (stats.isEmpty()) {
            return;
        }
        int width = "rule".length();
        for (ReportSupport.RuleStats r : stats) {
            width = Math.max(width, r.id().length());
        }
        // The citation column only when a listed rule has one: a run of house-style rules keeps its short table.
        boolean cited = stats.stream().anyMatch(r -> !r.links().isEmpty());
        String format = "%-" + width + "s  %-8s  %8s  %8s  %7s  %s";
        out.write(paint(BOLD, String.format(Locale.ROOT, format, "rule", "severity", "postings", "findings", "fixable",
                cited ? "citation" : "").stripTrailing()));
        out.write('\n');
        for (ReportSupport.RuleStats r : stats) {
            out.write(String.format(Locale.ROOT, format, r.id(), r.severity().label(), r.postings(), r.findings(), r.fixable(),
                    citation(r)).stripTrailing());
            out.write('\n');
        }
        out.write('\n');
    }

    /**
     * The rule's citation as the table shows it: its one link, or for a rule that cites each jurisdiction's law,
     * the first and how many others ({@code --verbose} shows each finding's).
     */
    private String citation(ReportSupport.RuleStats r) {
        if (r.links().isEmpty()) {
            return "";
        }
        String first = TerminalText.safe(oneLine(r.links().get(0)));
        int others = r.links().size() - 1;
        return others == 0 ? first : first + " (+" + others + (others == 1 ? " other" : " others") + (verbose ? ")" : ", --verbose)");
    }

    private void writeFinding(Writer out, String path, Finding f) throws IOException {
        var start = f.span().start();
        out.write(paint(BOLD, TerminalText.safe(path) + ":" + start.line() + ":" + start.column() + ":"));
        out.write(' ');
        out.write(paint(colorOf(f.severity()), f.severity().label()));
        out.write(' ');
        out.write(paint(DIM, "[" + f.ruleId() + "]"));
        out.write(' ');
        out.write(TerminalText.safe(oneLine(f.message())));
        if (f.waived()) {
            out.write(' ');
            out.write(paint(DIM, "[" + oneLine(ReportSupport.waiverNote(f.waiver())) + "]"));
        }
        out.write('\n');
        SourceLine line = f.line();
        if (!line.text().isEmpty()) {
            writeSource(out, f, line);
        }
        if (verbose && f.link() != null && !f.link().isBlank()) {
            out.write(paint(DIM, "       = see " + TerminalText.safe(oneLine(f.link()))));
            out.write('\n');
        }
    }

    /** The source line with carets under the match. */
    private void writeSource(Writer out, Finding f, SourceLine line) throws IOException {
        var start = f.span().start();
        String gutter = String.format(Locale.ROOT, "%6d | ", start.line());
        String text = line.text().replace('\t', ' ');
        out.write(paint(DIM, gutter));
        out.write(stripControls(text));
        out.write('\n');
        int from = Math.max(0, start.column() - line.startColumn());
        int to = f.span().end().line() == start.line() ? f.span().end().column() - line.startColumn() : text.length();
        to = Math.min(Math.max(to, from + 1), Math.max(text.length(), from + 1));
        out.write(paint(DIM, " ".repeat(gutter.length() - 2) + "| "));
        out.write(" ".repeat(from));
        out.write(paint(colorOf(f.severity()), "^".repeat(to - from)));
        out.write('\n');
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String oneLine(String s) {
        return stripControls(s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
    }

    /** Posting text must not drive the terminal: drop control characters (escape sequences included). */
    private static String stripControls(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? ' ' : c);
        }
        return b.toString();
    }

    private String colorOf(Severity s) {
        return switch (s) {
            case ERROR -> RED;
            case WARNING -> YELLOW;
            case INFO -> CYAN;
        };
    }

    private String paint(String code, String text) {
        return color ? code + text + RESET : text;
    }
}

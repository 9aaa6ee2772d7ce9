package dev.postinglint.core.report;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub Actions workflow commands: one {@code ::error}, {@code ::warning} or {@code ::notice} line per
 * finding, which the runner turns into an annotation on the file and lines, then a plain summary line.
 * Values are escaped as the runner unescapes them (data: {@code %}, CR, LF; properties also {@code :} and
 * {@code ,}), and other control characters are dropped, so posting text can neither end a command early,
 * start another one nor drive the log's terminal.
 *
 * <p>GitHub shows at most 10 error, 10 warning and 10 notice annotations per step and 50 per job
 * (actions/toolkit, docs/problem-matchers.md, "Limitations"); further commands are dropped silently. So at
 * most {@link #PER_KIND} of each kind become annotations, errors first; the other listed findings follow as
 * plain log lines ({@code path:line:col: severity [rule] message}), and one last notice says how many were not
 * annotated and where to see them all. Findings below the display threshold are not listed at all; the
 * summary line counts them.
 */
public final class GithubReporter implements Reporter {
    /** Annotations of one kind GitHub shows per step. */
    public static final int PER_KIND = 10;

    private final Severity minimum;
    private final int perKind;

    public GithubReporter(Severity minimum, int perKind) {
        this.minimum = minimum;
        this.perKind = perKind;
    }

    public GithubReporter(Severity minimum) {
        this(minimum, PER_KIND);
    }

    public GithubReporter() {
        this(Severity.INFO);
    }

    private record Listed(String path, Finding finding) {
    }

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        Map<Kind, List<Listed>> byKind = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            byKind.put(k, new ArrayList<>());
        }
        for (FileResult r : report.files()) {
            for (Finding f : r.findings()) {
                if (f.severity().atLeast(minimum)) {
                    byKind.get(kind(f)).add(new Listed(r.path(), f));
                }
            }
        }
        List<Listed> rest = new ArrayList<>();
        for (Kind k : Kind.values()) {
            List<Listed> all = byKind.get(k);
            // One notice is kept for the "not annotated" note.
            int cap = Math.min(all.size(), k == Kind.NOTICE ? perKind - 1 : perKind);
            for (Listed l : all.subList(0, cap)) {
                out.write(command(l.path(), l.finding()));
                out.write('\n');
            }
            rest.addAll(all.subList(cap, all.size()));
        }
        for (Listed l : rest) {
            out.write(plain(l.path(), l.finding()));
            out.write('\n');
        }
        var s = report.summary();
        String hidden = ReportSupport.hiddenNote(report, minimum, false);
        if (!rest.isEmpty()) {
            out.write("::notice title=" + property("posting-lint: " + rest.size() + " findings not annotated") + "::"
                    + data(rest.size() + " more findings are listed in this step's log: GitHub shows only " + PER_KIND
                            + " annotations of each kind per step (errors were annotated first). The SARIF and HTML reports"
                            + " (--format sarif=FILE, --format html=FILE) carry every finding.")
                    + "\n");
        }
        out.write("posting-lint: " + s.files() + " file" + (s.files() == 1 ? "" : "s") + " checked: "
                + s.errors() + " error" + (s.errors() == 1 ? "" : "s") + ", "
                + s.warnings() + " warning" + (s.warnings() == 1 ? "" : "s") + ", "
                + s.infos() + " info" + (s.infos() == 1 ? "" : "s") + s.extras()
                + (hidden.isEmpty() ? "" : "; " + hidden) + "\n");
    }

    /** The annotation kinds, most serious first. */
    private enum Kind { ERROR, WARNING, NOTICE }

    private static Kind kind(Finding f) {
        // A waived finding becomes a notice: shown on the line, never failing a check run.
        return f.waived() ? Kind.NOTICE : switch (f.severity()) {
            case ERROR -> Kind.ERROR;
            case WARNING -> Kind.WARNING;
            case INFO -> Kind.NOTICE;
        };
    }

    static String command(String path, Finding f) {
        String kind = kind(f).name().toLowerCase(java.util.Locale.ROOT);
        var start = f.span().start();
        var end = f.span().end();
        StringBuilder b = new StringBuilder("::").append(kind)
                .append(" file=").append(property(TerminalText.safe(path)))
                .append(",line=").append(start.line())
                .append(",col=").append(start.column())
                .append(",endLine=").append(end.line())
                .append(",endColumn=").append(end.column())
                .append(",title=").append(property("[" + f.ruleId() + "]" + (f.waived() ? " waived" : "")))
                .append("::");
        String message = f.message() + ReportSupport.placesNote(f);
        if (f.fix() != null && f.fix().description() != null && !f.fix().description().isBlank()) {
            message += "\nSuggested fix: " + f.fix().description();
        }
        if (f.waived()) {
            message += "\n" + ReportSupport.waiverNote(f.waiver());
        }
        return b.append(data(TerminalText.safeKeepingLines(message))).toString();
    }

    /** A finding as a plain log line; it must not read as a workflow command, so it never starts with "::". */
    static String plain(String path, Finding f) {
        var at = f.span().start();
        String line = TerminalText.safe(path) + ":" + at.line() + ":" + at.column() + ": " + f.severity().label() + " [" + f.ruleId() + "] "
                + f.message() + ReportSupport.placesNote(f) + (f.waived() ? " [" + ReportSupport.waiverNote(f.waiver()) + "]" : "");
        String one = TerminalText.safe(dropControls(line).replace('\r', ' ').replace('\n', ' ').replace('\t', ' '));
        return one.startsWith("::") ? " " + one : one;
    }

    /** Escapes a command's message as the runner expects: {@code %}, CR and LF. */
    static String data(String s) {
        return dropControls(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a command property: as {@link #data}, plus {@code :} and {@code ,}. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    /** Control characters other than tab, CR and LF (ANSI escapes among them) would reach the log raw. */
    private static String dropControls(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || !(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))) {
                b.append(c);
            }
        }
        return ReportSupport.wellFormed(b.toString());
    }
}

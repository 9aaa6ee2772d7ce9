package dev.postinglint.core.report;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.ResultStream;
import dev.postinglint.core.model.RunHeader;
import dev.postinglint.core.model.RunTotals;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.report.ReportSupport.HiddenTally;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
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
public final class GithubReporter implements StreamingReporter {
    /** Annotations of one kind GitHub shows per step. */
    public static final int PER_KIND = 10;

    private final Severity minimum;
    private final int perKind;
    private final Path tempParent;

    public GithubReporter(Severity minimum, int perKind) {
        this(minimum, perKind, null);
    }

    public GithubReporter(Severity minimum) {
        this(minimum, PER_KIND);
    }

    public GithubReporter() {
        this(Severity.INFO);
    }

    /** {@code tempParent}: where the plain lines wait until the run ends (null: the system's temporary directory). */
    GithubReporter(Severity minimum, int perKind, Path tempParent) {
        this.minimum = minimum;
        this.perKind = perKind;
        this.tempParent = tempParent;
    }

    /**
     * Streams the run in bounded memory: the first findings of each kind become annotations, which come first, so
     * they are kept (at most {@code perKind} each); the others are written as plain lines to one temporary file per
     * kind as they come, copied after the annotations, kind by kind, when the run ends.
     */
    @Override
    public ResultStream open(Writer out) {
        return new SpilledStream(tempParent) {
            private final Map<Kind, List<String>> commands = new EnumMap<>(Kind.class);
            private final Map<Kind, Writer> plain = new EnumMap<>(Kind.class);
            private final HiddenTally hidden = new HiddenTally(minimum, false);
            private int rest;

            @Override
            void start(RunHeader header, ReportSpill spill) throws IOException {
                for (Kind k : Kind.values()) {
                    commands.put(k, new ArrayList<>());
                    plain.put(k, spill.writer(k.name()));
                }
            }

            @Override
            void add(FileResult r) throws IOException {
                hidden.add(r);
                for (Finding f : r.findings()) {
                    if (!f.severity().atLeast(minimum)) {
                        continue;
                    }
                    Kind k = kind(f);
                    List<String> annotated = commands.get(k);
                    // One notice is kept for the "not annotated" note.
                    if (annotated.size() < (k == Kind.NOTICE ? perKind - 1 : perKind)) {
                        annotated.add(command(r.path(), f));
                    } else {
                        Writer w = plain.get(k);
                        w.write(plain(r.path(), f));
                        w.write('\n');
                        rest++;
                    }
                }
            }

            @Override
            void finish(RunTotals totals, ReportSpill spill) throws IOException {
                for (Kind k : Kind.values()) {
                    for (String c : commands.get(k)) {
                        out.write(c);
                        out.write('\n');
                    }
                }
                for (Kind k : Kind.values()) {
                    spill.copy(k.name(), out);
                }
                var s = totals.summary();
                String note = hidden.note();
                if (rest > 0) {
                    out.write("::notice title=" + property("posting-lint: " + rest + " findings not annotated") + "::"
                            + data(rest + " more findings are listed in this step's log: GitHub shows only " + PER_KIND
                                    + " annotations of each kind per step (errors were annotated first). The SARIF and HTML reports"
                                    + " (--format sarif=FILE, --format html=FILE) carry every finding.")
                            + "\n");
                }
                out.write("posting-lint: " + s.files() + " file" + (s.files() == 1 ? "" : "s") + " checked: "
                        + s.errors() + " error" + (s.errors() == 1 ? "" : "s") + ", "
                        + s.warnings() + " warning" + (s.warnings() == 1 ? "" : "s") + ", "
                        + s.infos() + " info" + (s.infos() == 1 ? "" : "s") + s.extras()
                        + (note.isEmpty() ? "" : "; " + note) + "\n");
            }
        };
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

package dev.postinglint.core.report;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.source.SourceLine;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The human format: {@code path:line:col: severity [rule-id] message}, then the source line with
 * carets under the match, grouped by file, then a one-line summary. A waived finding ends with
 * {@code [waived until DATE, approved by WHO: REASON]}; a quiet run leaves waived findings out. Colour is the caller's choice
 * (this class knows no terminal).
 */
public final class TextReporter implements Reporter {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";

    private final boolean color;
    private final Severity minimum;

    /** @param minimum the least serious severity to show (e.g. ERROR for a quiet run) */
    public TextReporter(boolean color, Severity minimum) {
        this.color = color;
        this.minimum = minimum;
    }

    public TextReporter() {
        this(false, Severity.INFO);
    }

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        boolean first = true;
        for (FileResult r : report.files()) {
            boolean wroteHeader = false;
            for (Finding f : r.findings()) {
                if (!f.severity().atLeast(minimum) || (f.waived() && minimum == Severity.ERROR)) {
                    continue;
                }
                if (!wroteHeader && !first) {
                    out.write('\n');
                }
                wroteHeader = true;
                first = false;
                writeFinding(out, r.path(), f);
            }
        }
        if (!first) {
            out.write('\n');
        }
        var s = report.summary();
        String counts = plural(s.errors(), "error") + ", " + plural(s.warnings(), "warning") + ", " + plural(s.infos(), "info");
        String line = plural(s.files(), "file") + " checked: " + counts + s.extras()
                + String.format(Locale.ROOT, " (%.2f s)", report.elapsed().toNanos() / 1e9);
        out.write(paint(s.errors() > 0 ? RED + BOLD : BOLD, line));
        out.write('\n');
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
        if (line.text().isEmpty()) {
            return;
        }
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

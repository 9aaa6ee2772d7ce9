package dev.postinglint.core.report;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands: one {@code ::error}, {@code ::warning} or {@code ::notice} line per
 * finding, which the runner turns into an annotation on the file and lines, then a plain summary line.
 * Values are escaped as the runner unescapes them (data: {@code %}, CR, LF; properties also {@code :} and
 * {@code ,}), and other control characters are dropped, so posting text can neither end a command early,
 * start another one nor drive the log's terminal.
 */
public final class GithubReporter implements Reporter {

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        for (FileResult r : report.files()) {
            for (Finding f : r.findings()) {
                out.write(command(r.path(), f));
                out.write('\n');
            }
        }
        var s = report.summary();
        out.write("posting-lint: " + s.files() + " file" + (s.files() == 1 ? "" : "s") + " checked: "
                + s.errors() + " error" + (s.errors() == 1 ? "" : "s") + ", "
                + s.warnings() + " warning" + (s.warnings() == 1 ? "" : "s") + ", "
                + s.infos() + " info" + (s.infos() == 1 ? "" : "s") + s.extras() + "\n");
    }

    static String command(String path, Finding f) {
        // A waived finding becomes a notice: shown on the line, never failing a check run.
        String kind = f.waived() ? "notice" : switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
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
        String message = f.message();
        if (f.fix() != null && f.fix().description() != null && !f.fix().description().isBlank()) {
            message += "\nSuggested fix: " + f.fix().description();
        }
        if (f.waived()) {
            message += "\n" + ReportSupport.waiverNote(f.waiver());
        }
        return b.append(data(message)).toString();
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

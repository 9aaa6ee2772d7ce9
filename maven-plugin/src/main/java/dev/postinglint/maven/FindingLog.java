package dev.postinglint.maven;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.report.TerminalText;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/**
 * Writes findings to the Maven log, one line each, as compilers do:
 * {@code path:line:col: severity [rule-id] message}, at the log level that matches the severity.
 */
final class FindingLog {
    private FindingLog() {
    }

    /** File names and board job ids come from untrusted files: control and bidi characters as visible escapes. */
    static String line(String path, Finding f) {
        var at = f.span().start();
        return TerminalText.safe(path) + ":" + at.line() + ":" + at.column() + ": " + f.severity().label() + " [" + f.ruleId() + "] "
                + TerminalText.safe(oneLine(f.message()));
    }

    static void findings(Log log, LintReport report) {
        findings(log, report, Severity.INFO);
    }

    /**
     * Logs the findings from {@code minimum} up; then, when some were below it, one info line that counts them
     * and says how to log them ({@code minSeverity}).
     */
    static void findings(Log log, LintReport report, Severity minimum) {
        int[] hidden = new int[Severity.values().length];
        for (FileResult r : report.files()) {
            for (Finding f : r.findings()) {
                if (!f.severity().atLeast(minimum)) {
                    hidden[f.severity().ordinal()]++;
                    continue;
                }
                String line = line(r.path(), f);
                if (f.waived()) {
                    log.info(line + " [waived until " + f.waiver().expires() + ", approved by " + oneLine(f.waiver().approvedBy())
                            + ": " + oneLine(f.waiver().reason()) + "]");
                    continue;
                }
                switch (f.severity()) {
                    case ERROR -> log.error(line);
                    case WARNING -> log.warn(line);
                    case INFO -> log.info(line);
                }
            }
        }
        List<String> parts = new ArrayList<>();
        Severity lowest = null;
        for (Severity s : Severity.values()) {
            if (hidden[s.ordinal()] > 0) {
                parts.add(hidden[s.ordinal()] + " " + s.label() + (hidden[s.ordinal()] == 1 ? "" : "s"));
                lowest = s;
            }
        }
        if (lowest != null) {
            log.info("posting-lint: " + String.join(", ", parts) + " not logged: set minSeverity to " + lowest.label()
                    + " (-Dposting-lint.minSeverity=" + lowest.label() + ") to log them; the report files list every finding");
        }
    }

    /** Messages quote posting text: keep each on one line and free of control characters. */
    static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                continue;
            }
            b.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? ' ' : c);
        }
        return b.toString();
    }
}

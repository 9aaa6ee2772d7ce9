package dev.postinglint.maven;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import org.apache.maven.plugin.logging.Log;

/**
 * Writes findings to the Maven log, one line each, as compilers do:
 * {@code path:line:col: severity [rule-id] message}, at the log level that matches the severity.
 */
final class FindingLog {
    private FindingLog() {
    }

    static String line(String path, Finding f) {
        var at = f.span().start();
        return path + ":" + at.line() + ":" + at.column() + ": " + f.severity().label() + " [" + f.ruleId() + "] "
                + oneLine(f.message());
    }

    static void findings(Log log, LintReport report) {
        for (FileResult r : report.files()) {
            for (Finding f : r.findings()) {
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

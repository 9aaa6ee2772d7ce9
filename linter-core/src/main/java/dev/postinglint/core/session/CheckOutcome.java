package dev.postinglint.core.session;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a check gives: the {@code report} to show and gate (without the baseline's findings), the
 * {@code full} report before the baseline, what the baseline did ({@code baselineUse} and
 * {@code baselineWrite}, null when not asked for), and how the run ended.
 */
public record CheckOutcome(Postings postings, LintReport full, LintReport report, BaselineUse baselineUse,
        BaselineWrite baselineWrite, ExitStatus status) {

    /** Applying a baseline: how many findings it left out, and how many of its entries match nothing any more. */
    public record BaselineUse(Path file, int known, int fixed) {
    }

    /**
     * Writing a baseline: how many entries it has; when it {@code replaced} an older one, how many entries were
     * dropped and added. {@code unreadablePrevious} says why an older file was ignored (null when it was not).
     */
    public record BaselineWrite(Path file, int entries, boolean replaced, long dropped, long added, String unreadablePrevious) {
    }

    /** Paths that could not be read, with the reason: the collector's errors, then the postings that failed to load. */
    public List<String> unreadable() {
        List<String> out = new ArrayList<>(postings.errors());
        for (FileResult r : report.files()) {
            if (r.ioError()) {
                for (Finding f : r.findings()) {
                    out.add(f.message());
                }
            }
        }
        return out;
    }
}

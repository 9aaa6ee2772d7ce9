package dev.postinglint.core.session;

import dev.postinglint.core.fix.Fixer;
import dev.postinglint.core.model.LintReport;
import java.io.IOException;
import java.util.List;

/**
 * What a fix gives: the fixer's {@code result}, one {@link Change} per posting whose text changed (path
 * order), the lint of what is there now ({@code after}: on disk, or for a dry run the fixed texts in memory),
 * and how the run ended.
 */
public record FixOutcome(Fixer.Result result, List<Change> changes, LintReport after, ExitStatus status) {
    public FixOutcome {
        changes = List.copyOf(changes);
    }

    /**
     * One changed posting: written, or for a dry run its unified {@code diff}, or not written because of
     * {@code failure} (the file is left as it was).
     */
    public record Change(Fixer.FileFix fix, String diff, IOException failure) {
        public boolean written() {
            return diff == null && failure == null;
        }
    }

    public long writtenCount() {
        return changes.stream().filter(Change::written).count();
    }

    public List<Change> failures() {
        return changes.stream().filter(c -> c.failure() != null).toList();
    }
}

package dev.postinglint.core.session;

import java.nio.file.Path;

/**
 * A check: lint postings with these settings; leave out what {@code baseline} records (null: no
 * baseline); record today's findings in {@code writeBaseline} (null: don't); judge the rest with
 * {@code gate}. Baseline entries name postings relative to {@code baselineRoot} (the working directory
 * for the CLI, the module for Maven). With {@code changedSince} (null: every posting), every posting is linted
 * but only those git counts as changed since that ref are reported and gated ({@link ChangedSince}).
 */
public record CheckRequest(LintSettings settings, FailGate gate, Path baseline, Path writeBaseline,
        Path baselineRoot, ChangedSince changedSince) {

    /** Every posting reported. */
    public CheckRequest(LintSettings settings, FailGate gate, Path baseline, Path writeBaseline, Path baselineRoot) {
        this(settings, gate, baseline, writeBaseline, baselineRoot, null);
    }

    /** Lint and gate, no baselines. */
    public static CheckRequest of(LintSettings settings, FailGate gate) {
        return new CheckRequest(settings, gate, null, null, null);
    }
}

package dev.postinglint.core.session;

import java.nio.file.Path;

/**
 * A check: lint postings with these settings; leave out what {@code baseline} records (null: no
 * baseline); record today's findings in {@code writeBaseline} (null: don't); judge the rest with
 * {@code gate}. Baseline entries name postings relative to {@code baselineRoot} (the working directory
 * for the CLI, the module for Maven).
 */
public record CheckRequest(LintSettings settings, FailGate gate, Path baseline, Path writeBaseline,
        Path baselineRoot) {

    /** Lint and gate, no baselines. */
    public static CheckRequest of(LintSettings settings, FailGate gate) {
        return new CheckRequest(settings, gate, null, null, null);
    }
}

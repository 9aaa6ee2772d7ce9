package dev.postinglint.core.model;

import java.time.Duration;
import java.util.List;

/** What a run says after its last result: the counts, how long it took, and the drift groups corpus rules found. */
public record RunTotals(Summary summary, Duration elapsed, List<DriftGroup> drift) {
    public RunTotals {
        drift = List.copyOf(drift);
    }
}

package dev.postinglint.core.session;

import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.Summary;

/**
 * When a run fails: when more than {@code maxAllowed} counted findings are at least as serious as
 * {@code threshold}. A null threshold ({@code never}) never fails. The CLI allows none.
 */
public record FailGate(Severity threshold, int maxAllowed) {

    /** Fails on the first finding at {@code threshold} or above (null: never). */
    public static FailGate at(Severity threshold) {
        return new FailGate(threshold, 0);
    }

    /** The findings that count against the gate. */
    public int counted(Summary s) {
        if (threshold == null) {
            return 0;
        }
        return switch (threshold) {
            case ERROR -> s.errors();
            case WARNING -> s.errors() + s.warnings();
            case INFO -> s.errors() + s.warnings() + s.infos();
        };
    }

    public boolean fails(Summary s) {
        return threshold != null && counted(s) > maxAllowed;
    }

    /** Why a run failed, e.g. {@code 2 errors (failOn=error, maxAllowedViolations=0)}. */
    public String describe(Summary s) {
        int n = counted(s);
        String what = switch (threshold) {
            case ERROR -> n == 1 ? "error" : "errors";
            case WARNING -> n == 1 ? "finding at warning level or above" : "findings at warning level or above";
            case INFO -> n == 1 ? "finding" : "findings";
        };
        return n + " " + what + " (failOn=" + threshold.label() + ", maxAllowedViolations=" + maxAllowed + ")";
    }
}

package dev.postinglint.maven;

import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.Summary;

/**
 * When the build fails: when more than {@code maxAllowed} findings are at least as serious as
 * {@code threshold}. A null threshold ({@code failOn=never}) never fails.
 */
record Gate(Severity threshold, int maxAllowed) {

    /** The findings that count against the gate. */
    int counted(Summary s) {
        if (threshold == null) {
            return 0;
        }
        return switch (threshold) {
            case ERROR -> s.errors();
            case WARNING -> s.errors() + s.warnings();
            case INFO -> s.errors() + s.warnings() + s.infos();
        };
    }

    boolean fails(Summary s) {
        return threshold != null && counted(s) > maxAllowed;
    }

    /** Why the build failed, e.g. {@code 2 errors (failOn=error, maxAllowedViolations=0)}. */
    String describe(Summary s) {
        int n = counted(s);
        String what = switch (threshold) {
            case ERROR -> n == 1 ? "error" : "errors";
            case WARNING -> n == 1 ? "finding at warning level or above" : "findings at warning level or above";
            case INFO -> n == 1 ? "finding" : "findings";
        };
        return n + " " + what + " (failOn=" + threshold.label() + ", maxAllowedViolations=" + maxAllowed + ")";
    }
}

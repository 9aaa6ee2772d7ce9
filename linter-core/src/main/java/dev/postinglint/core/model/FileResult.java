package dev.postinglint.core.model;

import java.util.List;

/**
 * The outcome for one posting: its findings in reading order, the policy that judged it, and the
 * posting's title and location field when known (for reports). {@code ioError} is set when the
 * file could not be read at all. {@code suppressed} counts the findings that comments in the posting
 * suppressed (they are not in {@code findings}). {@code origin} is set for a job of a board export
 * (then {@code path} is {@code FILE#JOB-ID}), null for a posting that is a file of its own.
 */
public record FileResult(String path, List<Finding> findings, String policy, String title, String location,
        boolean ioError, int suppressed, JobOrigin origin) {

    public FileResult {
        findings = List.copyOf(findings);
    }

    /** A posting that is a file of its own, with nothing suppressed. */
    public FileResult(String path, List<Finding> findings, String policy, String title, String location, boolean ioError) {
        this(path, findings, policy, title, location, ioError, 0, null);
    }

    /** The same posting with other findings (same suppressed count and origin). */
    public FileResult withFindings(List<Finding> other) {
        return new FileResult(path, other, policy, title, location, ioError, suppressed, origin);
    }

    /** The same posting with a suppressed count. */
    public FileResult withSuppressed(int count) {
        return new FileResult(path, findings, policy, title, location, ioError, count, origin);
    }

    /** Findings of this severity that count: waived ones are left out. */
    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s && !f.waived()).count();
    }

    /** Findings a policy waiver accepts. */
    public long waived() {
        return findings.stream().filter(Finding::waived).count();
    }
}

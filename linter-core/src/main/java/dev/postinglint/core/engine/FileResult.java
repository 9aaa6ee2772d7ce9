package dev.postinglint.core.engine;

import java.util.List;

/**
 * The outcome for one posting: its findings in reading order, the policy that judged it, and the
 * posting's title and location field when known (for reports). {@code ioError} is set when the
 * file could not be read at all. {@code origin} is set for a job of a board export (then
 * {@code path} is {@code FILE#JOB-ID}), null for a posting that is a file of its own.
 */
public record FileResult(String path, List<Finding> findings, String policy, String title, String location,
        boolean ioError, JobOrigin origin) {

    public FileResult {
        findings = List.copyOf(findings);
    }

    /** A posting that is a file of its own. */
    public FileResult(String path, List<Finding> findings, String policy, String title, String location, boolean ioError) {
        this(path, findings, policy, title, location, ioError, null);
    }

    /** The same result with other findings (e.g. after corpus rules added theirs). */
    public FileResult withFindings(List<Finding> other) {
        return new FileResult(path, other, policy, title, location, ioError, origin);
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}

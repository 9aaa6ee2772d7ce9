package dev.postinglint.core.engine;

import java.util.List;

/**
 * The outcome for one posting: its findings in reading order, the policy that judged it, and the
 * posting's title and location field when known (for reports). {@code ioError} is set when the
 * file could not be read at all.
 */
public record FileResult(String path, List<Finding> findings, String policy, String title, String location,
        boolean ioError) {

    public FileResult {
        findings = List.copyOf(findings);
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}

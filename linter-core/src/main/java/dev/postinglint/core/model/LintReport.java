package dev.postinglint.core.model;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything one run produced, in deterministic order (files sorted by path). {@code drift} holds the
 * boilerplate variants that corpus-level rules found (empty when no such rule ran).
 */
public record LintReport(String toolVersion, LocalDate asOf, List<String> policies, List<FileResult> files,
        Summary summary, Duration elapsed, List<DriftGroup> drift) {

    public LintReport {
        policies = List.copyOf(policies);
        files = List.copyOf(files);
        drift = List.copyOf(drift);
    }

    public boolean hasIoErrors() {
        return files.stream().anyMatch(FileResult::ioError);
    }
}

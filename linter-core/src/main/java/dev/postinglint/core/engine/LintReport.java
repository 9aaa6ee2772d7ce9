package dev.postinglint.core.engine;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** Everything one run produced, in deterministic order (files sorted by path). */
public record LintReport(String toolVersion, LocalDate asOf, List<String> policies, List<FileResult> files,
        Summary summary, Duration elapsed) {

    public LintReport {
        policies = List.copyOf(policies);
        files = List.copyOf(files);
    }

    public boolean hasIoErrors() {
        return files.stream().anyMatch(FileResult::ioError);
    }
}

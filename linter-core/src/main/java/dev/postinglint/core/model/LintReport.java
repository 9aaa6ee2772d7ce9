package dev.postinglint.core.model;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything one run produced, in deterministic order (files sorted by path). {@code drift} holds the
 * boilerplate variants that corpus-level rules found (empty when no such rule ran). {@code rules} is the
 * catalogue of the rules the run's policies enabled and the built-in ones, sorted by id (empty when the
 * report was not made by the engine).
 */
public record LintReport(String toolVersion, LocalDate asOf, List<String> policies, List<FileResult> files,
        Summary summary, Duration elapsed, List<DriftGroup> drift, List<RuleDescription> rules) {

    public LintReport {
        policies = List.copyOf(policies);
        files = List.copyOf(files);
        drift = List.copyOf(drift);
        rules = List.copyOf(rules);
    }

    /** A report without a rule catalogue. */
    public LintReport(String toolVersion, LocalDate asOf, List<String> policies, List<FileResult> files,
            Summary summary, Duration elapsed, List<DriftGroup> drift) {
        this(toolVersion, asOf, policies, files, summary, elapsed, drift, List.of());
    }

    /** The same run with other postings' results and summary (after a baseline or a display threshold). */
    public LintReport withFiles(List<FileResult> other, Summary otherSummary) {
        return new LintReport(toolVersion, asOf, policies, other, otherSummary, elapsed, drift, rules);
    }

    /** The catalogue's entry for a rule id. */
    public java.util.Optional<RuleDescription> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public boolean hasIoErrors() {
        return files.stream().anyMatch(FileResult::ioError);
    }
}

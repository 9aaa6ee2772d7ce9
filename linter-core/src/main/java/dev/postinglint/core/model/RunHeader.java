package dev.postinglint.core.model;

import java.time.LocalDate;
import java.util.List;

/** What a run says before its first result: the tool, the day judged, the policies used and their rules' catalogue. */
public record RunHeader(String toolVersion, LocalDate asOf, List<String> policies, List<RuleDescription> rules) {
    public RunHeader {
        policies = List.copyOf(policies);
        rules = List.copyOf(rules);
    }

    public static RunHeader of(LintReport report) {
        return new RunHeader(report.toolVersion(), report.asOf(), report.policies(), report.rules());
    }

    /** The catalogue's entry for a rule id (as {@link LintReport#rule}). */
    public java.util.Optional<RuleDescription> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}

package dev.postinglint.core.rules;

import dev.postinglint.core.model.Severity;
import dev.postinglint.core.source.FilePlace;
import java.util.List;

/**
 * What every rule has, whatever its type. {@code origin} names the policy that defined it
 * ({@code builtin:default}, a file path); {@code place} is where in that file. {@code report} says whether its
 * hits in a posting are findings of their own or one finding per posting.
 */
public record RuleInfo(String id, String type, Severity severity, String category, MessageTemplate message,
        String description, String link, Scope scope, When when, RuleExamples examples, String origin,
        FilePlace place, ReportMode report) {

    public RuleInfo {
        report = report == null ? ReportMode.EACH : report;
    }

    public RuleInfo(String id, String type, Severity severity, String category, MessageTemplate message,
            String description, String link, Scope scope, When when, RuleExamples examples, String origin,
            FilePlace place) {
        this(id, type, severity, category, message, description, link, scope, when, examples, origin, place, ReportMode.EACH);
    }

    /** Snippets a rule must flag and snippets it must pass, run by the tests and by {@code test-policy}. */
    public record RuleExamples(List<String> flag, List<String> pass) {
        public static final RuleExamples NONE = new RuleExamples(List.of(), List.of());

        public boolean isEmpty() {
            return flag.isEmpty() && pass.isEmpty();
        }
    }
}

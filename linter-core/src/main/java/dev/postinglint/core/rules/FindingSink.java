package dev.postinglint.core.rules;

import dev.postinglint.core.model.Fix;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.source.SourceSpan;

/** Where a rule reports; the engine adds the rule's id, category and link. */
@FunctionalInterface
public interface FindingSink {
    /**
     * Reports a finding. {@code severity} is null for the rule's own (possibly overridden) severity;
     * a rule passes one only for a finding of a different kind, such as an informational
     * "re-verify this fact" next to its usual findings.
     */
    void report(SourceSpan span, String message, String excerpt, Fix fix, Severity severity);

    default void report(SourceSpan span, String message, String excerpt, Fix fix) {
        report(span, message, excerpt, fix, null);
    }
}

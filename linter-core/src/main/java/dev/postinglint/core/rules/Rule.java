package dev.postinglint.core.rules;

import java.util.Map;
import java.util.Set;

/**
 * A compiled rule: its patterns and selectors were built once when the policy loaded, and
 * {@link #check} only reads the posting. Implementations are immutable and safe to share
 * between threads.
 */
public interface Rule {
    RuleInfo info();

    /** Reports every problem this rule finds in one posting. Called only when {@code when:} holds. */
    void check(RuleContext ctx, FindingSink sink);

    /** The fields this rule reads, so the loader can check that the policy declares them. */
    default Set<String> fieldsUsed() {
        return Set.of();
    }

    /** Whether the rule resolves locations to jurisdictions (so the policy needs a gazetteer). */
    default boolean usesJurisdictions() {
        return info().when().usesJurisdictions();
    }

    /** Checks the rule against the whole merged policy; throws PolicyException at the rule's place. */
    default void validate(Map<String, FieldSpec> fields) {
    }
}

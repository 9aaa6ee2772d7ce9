package dev.postinglint.core.rules;

import dev.postinglint.core.regex.PolicyMatcher;
import dev.postinglint.core.regex.PolicyPattern;
import java.util.List;
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

    /**
     * The patterns this rule searches a posting's text view with (through {@link RuleContext#index()}),
     * so the policy's one {@link PolicyMatcher} holds their literals.
     */
    default List<PolicyPattern> searchedPatterns() {
        List<PolicyPattern> own = ownPatterns();
        List<PolicyPattern> scope = info().scope().searchedPatterns();
        if (own.isEmpty()) {
            return scope;
        }
        List<PolicyPattern> out = new java.util.ArrayList<>(own);
        out.addAll(scope);
        return out;
    }

    /** The patterns of the rule itself that {@link #searchedPatterns()} adds to its scope's (none by default). */
    default List<PolicyPattern> ownPatterns() {
        return List.of();
    }

    /** Checks the rule against the whole merged policy; throws PolicyException at the rule's place. */
    default void validate(Map<String, FieldSpec> fields) {
    }
}

package dev.postinglint.core.session;

import dev.postinglint.core.fix.AtomicWriter;
import java.util.List;

/**
 * A fix: apply the fixes of {@code rules} (empty: every rule's) to postings, or with {@code dryRun}
 * only work out the diffs. When {@code rulesOption} names the option the rules came from, a rule id that no
 * policy in use has is a {@link SessionException} (a typo would otherwise silently fix nothing); null accepts
 * any id. The {@code writer} replaces each file atomically (a seam for fault-injection tests).
 */
public record FixRequest(LintSettings settings, FailGate gate, List<String> rules, String rulesOption,
        boolean dryRun, AtomicWriter writer) {
    public FixRequest {
        rules = List.copyOf(rules);
    }
}

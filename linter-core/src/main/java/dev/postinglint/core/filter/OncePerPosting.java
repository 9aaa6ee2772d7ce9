package dev.postinglint.core.filter;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyRule;
import dev.postinglint.core.rules.ReportMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the hits of a rule with {@code report: once-per-posting} one finding per posting (per severity): the
 * first hit, with the others as its related places and their edits as part of its fix. It runs after the
 * suppression comments (so a comment still silences one place) and before waivers and baselines (which then see
 * the one finding).
 */
public final class OncePerPosting implements FindingFilter {
    private final Set<String> rules;

    private OncePerPosting(Set<String> rules) {
        this.rules = Set.copyOf(rules);
    }

    /** The step for a policy's enabled rules that report once per posting ({@link FindingFilter#NONE} when none does). */
    public static FindingFilter of(Policy policy) {
        Set<String> ids = new HashSet<>();
        for (PolicyRule pr : policy.enabledRules()) {
            if (pr.rule().info().report() == ReportMode.ONCE_PER_POSTING) {
                ids.add(pr.id());
            }
        }
        return ids.isEmpty() ? NONE : new OncePerPosting(ids);
    }

    @Override
    public FileResult apply(FileResult result) {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding f : result.findings()) {
            if (rules.contains(f.ruleId()) && !f.onePerPosting()) {
                groups.computeIfAbsent(f.ruleId() + '\u0000' + f.severity(), k -> new ArrayList<>()).add(f);
            }
        }
        if (groups.isEmpty()) {
            return result;
        }
        List<Finding> out = new ArrayList<>(result.findings().size());
        for (Finding f : result.findings()) {
            if (!rules.contains(f.ruleId()) || f.onePerPosting()) {
                out.add(f);
                continue;
            }
            List<Finding> group = groups.get(f.ruleId() + '\u0000' + f.severity());
            if (group.get(0) == f) {
                out.add(Finding.onePerPosting(group)); // where its first place is, so reading order holds
            }
        }
        return result.withFindings(out);
    }
}

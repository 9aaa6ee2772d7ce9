package dev.postinglint.core.policy;

import dev.postinglint.core.model.Severity;
import dev.postinglint.core.rules.Rule;

/** A rule as the effective policy uses it: overrides may have changed its severity or switched it off. */
public record PolicyRule(Rule rule, Severity severity, boolean enabled) {
    public String id() {
        return rule.info().id();
    }

    public String category() {
        return rule.info().category();
    }
}

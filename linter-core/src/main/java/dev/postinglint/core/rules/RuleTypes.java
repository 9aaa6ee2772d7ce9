package dev.postinglint.core.rules;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The factory of rule types, keyed by the YAML {@code type:} name. */
public final class RuleTypes {
    private final Map<String, RuleType> types = new LinkedHashMap<>();

    public RuleTypes(List<RuleType> types) {
        for (RuleType t : types) {
            if (this.types.put(t.name(), t) != null) {
                throw new IllegalArgumentException("two rule types are named " + t.name());
            }
        }
    }

    /** Every rule type that ships with posting-lint. */
    public static RuleTypes builtin() {
        return new RuleTypes(List.of(new RequireRule.Type(), new ForbidRule.Type(), new SubstituteRule.Type(),
                new SelectorRule.Type(), new FieldRule.Type(), new CanonicalRule.Type(), new FactRule.Type(),
                new ConsistencyRule.Type(), new JurisdictionRule.Type(), new PayRangeRule.Type(), new DeadlineRule.Type()));
    }

    public Optional<RuleType> get(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public Collection<String> names() {
        return Collections.unmodifiableSet(types.keySet());
    }
}

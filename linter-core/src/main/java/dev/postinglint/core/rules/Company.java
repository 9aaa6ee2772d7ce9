package dev.postinglint.core.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A company's facts from {@code company:}: each key holds one value or a list of values. */
public record Company(Map<String, List<String>> facts) {
    public static final Company NONE = new Company(Map.of());

    public Company {
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /** The value, list values joined with ", ", or null when the key is not set. */
    public String value(String key) {
        List<String> v = facts.get(key);
        return v == null ? null : String.join(", ", v);
    }

    public List<String> values(String key) {
        return facts.getOrDefault(key, List.of());
    }

    public boolean has(String key) {
        return facts.containsKey(key);
    }

    public Set<String> keys() {
        return facts.keySet();
    }

    /** This company's facts with {@code other}'s laid over them (a child policy overrides its parent). */
    public Company merge(Company other) {
        Map<String, List<String>> m = new LinkedHashMap<>(facts);
        m.putAll(other.facts);
        return new Company(m);
    }
}

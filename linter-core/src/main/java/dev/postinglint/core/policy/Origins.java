package dev.postinglint.core.policy;

import dev.postinglint.core.source.FilePlace;
import dev.postinglint.core.yaml.YamlValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each rule, field and company fact of an effective policy was defined, its YAML as written,
 * and, when it replaced one from an extended policy on purpose ({@code override: true}), the place
 * of the one it replaced. Read by {@code rules}, {@code explain} and {@code print-config}.
 */
public record Origins(Map<String, Origin> rules, Map<String, Origin> fields, Map<String, Origin> facts) {
    public static final Origins NONE = new Origins(Map.of(), Map.of(), Map.of());

    public Origins {
        rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /**
     * One definition: its place (the rule's mapping, the field's or fact's key), its YAML, and the
     * place of the definition it overrides (null when it overrides nothing).
     */
    public record Origin(FilePlace place, YamlValue yaml, FilePlace overrides) {
        public boolean isOverride() {
            return overrides != null;
        }
    }

    public Optional<Origin> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    public Optional<Origin> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** "overrides the field 'location' defined at builtin:location:9:3", or empty. */
    public static String describe(String kind, String name, Origin o) {
        return o == null || o.overrides() == null ? "" : "overrides the " + kind + " '" + name + "' defined at " + o.overrides();
    }
}

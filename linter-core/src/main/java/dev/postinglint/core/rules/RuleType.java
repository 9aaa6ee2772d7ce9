package dev.postinglint.core.rules;

import dev.postinglint.core.yaml.YamlMap;
import java.util.Set;

/**
 * A kind of rule, named by the YAML {@code type:} key. It reads its own keys from the rule's mapping
 * (the loader rejects any key nobody read) and compiles a {@link Rule} once, at load time.
 */
public interface RuleType {
    String name();

    /** Placeholders its messages may use, besides {@code fields.NAME} and {@code company.KEY}. */
    Set<String> variables();

    /** The message used when a rule of this type gives none. */
    String defaultMessage();

    Rule create(RuleInfo info, YamlMap spec);
}

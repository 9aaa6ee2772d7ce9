package dev.postinglint.core.rules;

import dev.postinglint.core.jurisdiction.Jurisdictions;
import dev.postinglint.core.yaml.YamlMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code type: jurisdiction}: reports a location (from {@code field}, default {@code location}) that
 * the gazetteer cannot resolve, so that jurisdiction rules silently not applying is never mistaken
 * for compliance. Unknown places are reported, never guessed.
 */
final class JurisdictionRule implements Rule {
    private final RuleInfo info;
    private final String field;

    JurisdictionRule(RuleInfo info, String field) {
        this.info = info;
        this.field = field;
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public boolean usesJurisdictions() {
        return true;
    }

    @Override
    public Set<String> fieldsUsed() {
        return Set.of(field);
    }

    @Override
    public void check(RuleContext ctx, FindingSink sink) {
        FieldValue v = ctx.field(field);
        if (v == null) {
            return;
        }
        Jurisdictions j = ctx.jurisdictions(field);
        for (String part : j.unresolved()) {
            String problem = "the " + field + " '" + part + "' is not in the gazetteer, so no jurisdiction rule (pay transparency ...) can apply to it";
            sink.report(v.valueSpan(), ctx.render(info.message(), Map.of("problem", problem, "value", part)), v.value(), null);
        }
    }

    static final class Type implements RuleType {
        @Override
        public String name() {
            return "jurisdiction";
        }

        @Override
        public Set<String> variables() {
            return Set.of("problem", "value");
        }

        @Override
        public String defaultMessage() {
            return "{problem}";
        }

        @Override
        public Rule create(RuleInfo info, YamlMap spec) {
            return new JurisdictionRule(info, spec.string("field").orElse("location"));
        }
    }
}

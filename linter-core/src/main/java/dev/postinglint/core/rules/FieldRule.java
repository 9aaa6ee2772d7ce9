package dev.postinglint.core.rules;

import dev.postinglint.core.model.Fix;
import dev.postinglint.core.regex.PolicyPattern;
import dev.postinglint.core.yaml.PolicyException;
import dev.postinglint.core.yaml.YamlMap;
import dev.postinglint.core.yaml.YamlValue;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code type: field}: a field from {@code fields:} must be present ({@code required}, default true),
 * have one of the {@code allowed} values, match {@code pattern}, and carry the exact {@code label}
 * (e.g. "Available Locations:"). A wrong label has a fix that rewrites it. With {@code separator} (a
 * pattern), a value listing several places ("Austin, TX; London, UK") is checked place by place. Each problem is one finding;
 * {@code message} may use {@code {problem}}, which says which check failed.
 *
 * <p>Two checks compare the value with something else: {@code max-age-days: N} reads it as a date
 * ({@code 2025-03-01}, or a timestamp such as {@code 2025-03-01T12:00:00Z}) and reports it when it is
 * more than N days before the as-of date (a stale posting); {@code matches-field: OTHER} reports a
 * value that disagrees with another field's (the body's location line against the board's location),
 * compared as places ({@code compare: jurisdiction}, the default) or as text ({@code compare: text}).
 *
 * <p>{@code forbid} reports a value in which that pattern is found, unless {@code forbid-unless} is also
 * found in it: a title that leads with a masculine noun ("Développeur") is reported unless it carries a
 * marker ("H/F") or the feminine form. RE2 has no negative look-ahead, so the exception is its own pattern.
 */
final class FieldRule implements Rule {
    private final RuleInfo info;
    private final String field;
    private final boolean required;
    private final List<String> allowed;
    private final Set<String> allowedFolded;
    private final PolicyPattern pattern;
    private final String label;
    private final PolicyPattern separator;
    private final Integer maxAgeDays;
    private final String matchesField;
    private final boolean compareAsText;
    private final PolicyPattern forbid;
    private final PolicyPattern forbidUnless;

    FieldRule(RuleInfo info, String field, boolean required, List<String> allowed, PolicyPattern pattern, String label,
            PolicyPattern separator, Integer maxAgeDays, String matchesField, boolean compareAsText,
            PolicyPattern forbid, PolicyPattern forbidUnless) {
        this.forbid = forbid;
        this.forbidUnless = forbidUnless;
        this.separator = separator;
        this.maxAgeDays = maxAgeDays;
        this.matchesField = matchesField;
        this.compareAsText = compareAsText;
        this.info = info;
        this.field = field;
        this.required = required;
        this.allowed = allowed;
        this.allowedFolded = new LinkedHashSet<>();
        allowed.forEach(a -> allowedFolded.add(fold(a)));
        this.pattern = pattern;
        this.label = label;
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public boolean usesJurisdictions() {
        return (matchesField != null && !compareAsText) || Rule.super.usesJurisdictions();
    }

    @Override
    public Set<String> fieldsUsed() {
        return matchesField == null ? Set.of(field) : Set.of(field, matchesField);
    }

    private static String collapse(String s) {
        return s.replaceAll("[\\s\\u00a0]+", " ").strip();
    }

    private static String fold(String s) {
        return collapse(s).toLowerCase(Locale.ROOT);
    }

    @Override
    public void validate(Map<String, FieldSpec> fields) {
        FieldSpec spec = fields.get(field);
        if (label != null && spec != null && !spec.pattern().namedGroups().containsKey("label")) {
            throw new PolicyException(info.place(), "rule '" + info.id() + "' checks the label of field '" + field
                    + "', but that field's pattern has no (?P<label>...) group (" + spec.place() + ")");
        }
    }

    @Override
    public void check(RuleContext ctx, FindingSink sink) {
        if (onlyCompares() && ctx.field(matchesField) == null) {
            return; // nothing to compare with: the rule's own field (a scan of the body) need not be read
        }
        FieldValue v = ctx.field(field);
        if (v == null) {
            if (required) {
                sink.report(ctx.posting().source().span(0, 0),
                        message(ctx, "no " + field + " line found", "", label == null ? "" : label), "", null);
            }
            return;
        }
        if (label != null && v.label() != null && !collapse(v.label()).equals(collapse(label))) {
            Fix fix = TextFixes.isPlainText(ctx.posting().source().text(), v.labelSpan(), v.label())
                    ? new Fix(v.labelSpan(), TextFixes.escapeText(label), "Write the label as '" + label + "'")
                    : null;
            sink.report(v.labelSpan(), message(ctx, "the " + field + " label reads '" + v.label().strip()
                    + "' but should read '" + label + "'", v.value(), label), v.label(), fix);
        }
        List<String> values = separator == null ? List.of(v.value()) : List.of(separator.split(v.value()));
        for (String one : values) {
            String value = one.strip();
            if (value.isEmpty()) {
                continue;
            }
            if (!allowed.isEmpty() && !allowedFolded.contains(fold(value))) {
                sink.report(v.valueSpan(), message(ctx, "'" + value + "' is not an allowed " + field + " (allowed: "
                        + String.join("; ", allowed) + ")", value, String.join("; ", allowed)), v.value(), null);
            }
            if (pattern != null && !pattern.matcher(value).matches()) {
                sink.report(v.valueSpan(), message(ctx, "the " + field + " '" + value + "' is not written in the expected format ("
                        + pattern.pattern() + ")", value, pattern.pattern()), v.value(), null);
            }
            if (forbid != null && forbid.matcher(value).find() && (forbidUnless == null || !forbidUnless.matcher(value).find())) {
                sink.report(v.valueSpan(), message(ctx, "the " + field + " '" + value + "' contains what is forbidden ("
                        + forbid.pattern() + ")", value, "no match of " + forbid.pattern()), v.value(), null);
            }
        }
        if (maxAgeDays != null) {
            checkAge(ctx, sink, v);
        }
        if (matchesField != null) {
            checkAgreement(ctx, sink, v);
        }
    }

    /** Whether the comparison with {@code matches-field} is the rule's only check (none reports a missing or odd value). */
    private boolean onlyCompares() {
        return matchesField != null && !required && label == null && allowed.isEmpty() && pattern == null && forbid == null
                && maxAgeDays == null;
    }

    private void checkAge(RuleContext ctx, FindingSink sink, FieldValue v) {
        LocalDate date = FieldDates.parse(v.value());
        if (date == null) {
            sink.report(v.valueSpan(), message(ctx, "the " + field + " '" + v.value() + "' is not a date (write 2025-03-01 or 2025-03-01T12:00:00Z)",
                    v.value(), "a date"), v.value(), null);
            return;
        }
        long age = ChronoUnit.DAYS.between(date, ctx.asOf());
        if (age > maxAgeDays) {
            sink.report(v.valueSpan(), message(ctx, "the " + field + " date " + date + " is " + age + " days before " + ctx.asOf()
                    + " (more than " + maxAgeDays + "): re-check the posting or take it down", v.value(),
                    "within " + maxAgeDays + " days"), v.value(), null);
        }
    }

    private void checkAgreement(RuleContext ctx, FindingSink sink, FieldValue v) {
        FieldValue other = ctx.field(matchesField);
        if (other == null) {
            return;
        }
        String disagreement = compareAsText ? FieldComparison.textDisagreement(v.value(), other.value())
                : FieldComparison.placeDisagreement(ctx.jurisdictions(field), ctx.jurisdictions(matchesField), v.value(), other.value());
        if (disagreement != null) {
            sink.report(v.valueSpan(), message(ctx, "the " + field + " '" + v.value() + "' does not agree with the "
                    + matchesField + " '" + other.value() + "'" + disagreement, v.value(), other.value()), v.value(), null);
        }
    }

    private String message(RuleContext ctx, String problem, String value, String expected) {
        Map<String, String> vars = new HashMap<>();
        vars.put("problem", problem);
        vars.put("field", field);
        vars.put("value", value);
        vars.put("expected", expected);
        vars.put("match", value);
        return ctx.render(info.message(), vars);
    }

    static final class Type implements RuleType {
        @Override
        public String name() {
            return "field";
        }

        @Override
        public Set<String> variables() {
            return Set.of("problem", "field", "value", "expected", "match");
        }

        @Override
        public String defaultMessage() {
            return "{problem}";
        }

        @Override
        public Rule create(RuleInfo info, YamlMap spec) {
            String field = spec.requireString("field");
            boolean required = spec.get("required").map(v -> v.asBoolean("'required'")).orElse(true);
            List<String> allowed = spec.get("allowed").map(v -> v.asStringList("'allowed'")).orElse(List.of());
            PolicyPattern pattern = spec.get("pattern").map(v -> PolicyPattern.compile(v, "'pattern'")).orElse(null);
            String label = spec.get("label").map((YamlValue v) -> v.asNonBlank("'label'")).orElse(null);
            PolicyPattern separator = spec.get("separator").map(v -> PolicyPattern.compile(v, "'separator'")).orElse(null);
            Integer maxAge = spec.get("max-age-days").map(v -> v.asInt("'max-age-days'", 0, 36500)).orElse(null);
            String matches = spec.get("matches-field").map(v -> v.asNonBlank("'matches-field'")).orElse(null);
            String compare = spec.get("compare").map(v -> v.asNonBlank("'compare'").strip()).orElse("jurisdiction");
            if (!compare.equals("jurisdiction") && !compare.equals("text")) {
                throw spec.require("compare").error("'compare' must be jurisdiction or text, not '" + compare + "'");
            }
            if (matches == null && spec.has("compare")) {
                throw spec.require("compare").error("'compare' needs 'matches-field' (the field to compare with)");
            }
            PolicyPattern forbid = spec.get("forbid").map(v -> PolicyPattern.compile(v, "'forbid'")).orElse(null);
            PolicyPattern forbidUnless = spec.get("forbid-unless").map(v -> PolicyPattern.compile(v, "'forbid-unless'")).orElse(null);
            if (forbidUnless != null && forbid == null) {
                throw spec.require("forbid-unless").error("'forbid-unless' needs 'forbid' (the pattern it makes exceptions to)");
            }
            if (field.equals(matches)) {
                throw spec.require("matches-field").error("'matches-field' names the rule's own field '" + field + "'");
            }
            return new FieldRule(info, field, required, List.copyOf(allowed), pattern, label, separator, maxAge, matches,
                    compare.equals("text"), forbid, forbidUnless);
        }
    }
}

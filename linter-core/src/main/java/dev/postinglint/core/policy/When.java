package dev.postinglint.core.policy;

import com.google.re2j.Pattern;
import dev.postinglint.core.rules.RuleContext;
import java.time.LocalDate;

/**
 * When a rule applies: a field present or absent, a field matching a pattern, and a date window
 * ({@code effective-from} inclusive, {@code effective-until} inclusive) judged against the run's
 * as-of date. Every condition given must hold.
 */
public record When(String field, Boolean present, Pattern matches, LocalDate effectiveFrom, LocalDate effectiveUntil) {
    public static final When ALWAYS = new When(null, null, null, null, null);

    static When read(YamlValue value) {
        YamlMap m = value.asMap("when");
        String field = m.string("field").orElse(null);
        Boolean present = m.get("present").map(v -> v.asBoolean("'present'")).orElse(null);
        Pattern matches = m.get("matches").map(v -> Patterns.compile(v, "'matches'")).orElse(null);
        LocalDate from = m.get("effective-from").map(v -> v.asDate("'effective-from'")).orElse(null);
        LocalDate until = m.get("effective-until").map(v -> v.asDate("'effective-until'")).orElse(null);
        m.finish();
        if (field == null && (present != null || matches != null)) {
            throw m.error("'present' and 'matches' need a 'field' to test");
        }
        if (field != null && present == null && matches == null) {
            present = true;
        }
        if (from != null && until != null && until.isBefore(from)) {
            throw m.error("'effective-until' " + until + " is before 'effective-from' " + from);
        }
        return new When(field, present, matches, from, until);
    }

    public boolean test(RuleContext ctx) {
        LocalDate asOf = ctx.asOf();
        if (effectiveFrom != null && asOf.isBefore(effectiveFrom)) {
            return false;
        }
        if (effectiveUntil != null && asOf.isAfter(effectiveUntil)) {
            return false;
        }
        if (field != null) {
            FieldValue v = ctx.field(field);
            if (present != null && present != (v != null)) {
                return false;
            }
            if (matches != null && (v == null || !matches.matcher(v.value()).find())) {
                return false;
            }
        }
        return true;
    }
}

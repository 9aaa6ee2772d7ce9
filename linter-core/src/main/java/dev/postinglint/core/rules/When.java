package dev.postinglint.core.rules;

import dev.postinglint.core.jurisdiction.Jurisdictions;
import dev.postinglint.core.regex.PolicyPattern;
import dev.postinglint.core.yaml.YamlMap;
import dev.postinglint.core.yaml.YamlValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * When a rule applies. Every condition given must hold:
 * <ul>
 * <li>{@code field} present or absent ({@code present}), or matching a pattern ({@code matches});</li>
 * <li>{@code effective-from} / {@code effective-until} (inclusive), judged against the as-of date;</li>
 * <li>{@code jurisdiction}: the posting's location (the {@code jurisdiction-field}, default
 *     {@code location}) is in scope of one of the listed jurisdictions, each with its own optional
 *     date window and its own citation, e.g.
 *     {@code {code: US-CO, from: 2021-01-01, name: Colorado, link: https://...}}: a finding raised
 *     because of that jurisdiction cites its {@code link} rather than the rule's; with
 *     {@code remote: false} a job open anywhere in the country does not count, only one placed there;</li>
 * <li>{@code company}: a company fact is set (and not false, no or 0).</li>
 * </ul>
 */
public record When(String field, Boolean present, PolicyPattern matches, LocalDate effectiveFrom, LocalDate effectiveUntil,
        String jurisdictionField, List<JurisdictionWindow> jurisdictions, String company) {
    public static final When ALWAYS = new When(null, null, null, null, null, null, List.of(), null);
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,4}){0,2}");

    /**
     * A jurisdiction in scope of the rule from {@code from} until {@code until} (both optional,
     * inclusive), with the law's citation ({@code link}, null when the rule's own link applies);
     * {@code remote} false when a job open anywhere in the country does not bring it into scope;
     * {@code except}: places where this entry does not apply (another rule, stricter, covers them).
     */
    public record JurisdictionWindow(String code, LocalDate from, LocalDate until, String name, String link, boolean remote,
            List<String> except) {
        public JurisdictionWindow {
            except = List.copyOf(except);
        }

        boolean inForce(LocalDate d) {
            return (from == null || !d.isBefore(from)) && (until == null || !d.isAfter(until));
        }

        public String label() {
            return name == null ? code : name;
        }
    }

    public static When read(YamlValue value) {
        YamlMap m = value.asMap("when");
        String field = m.string("field").orElse(null);
        Boolean present = m.get("present").map(v -> v.asBoolean("'present'")).orElse(null);
        PolicyPattern matches = m.get("matches").map(v -> PolicyPattern.compile(v, "'matches'")).orElse(null);
        LocalDate from = m.get("effective-from").map(v -> v.asDate("'effective-from'")).orElse(null);
        LocalDate until = m.get("effective-until").map(v -> v.asDate("'effective-until'")).orElse(null);
        List<JurisdictionWindow> windows = m.get("jurisdiction").map(When::readJurisdictions).orElse(List.of());
        String jurisdictionField = m.string("jurisdiction-field").orElse(windows.isEmpty() ? null : "location");
        String company = m.string("company").orElse(null);
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
        return new When(field, present, matches, from, until, jurisdictionField, List.copyOf(windows), company);
    }

    private static List<JurisdictionWindow> readJurisdictions(YamlValue v) {
        List<JurisdictionWindow> out = new ArrayList<>();
        for (YamlValue e : v.asListOrOne()) {
            JurisdictionWindow w;
            if (e.isScalar()) {
                w = new JurisdictionWindow(e.asNonBlank("jurisdiction code"), null, null, null, null, true, List.of());
                checkCode(e, w.code());
            } else {
                YamlMap jm = e.asMap("a jurisdiction");
                String code = jm.requireString("code");
                checkCode(jm.require("code"), code);
                LocalDate f = jm.get("from").map(x -> x.asDate("'from'")).orElse(null);
                LocalDate u = jm.get("until").map(x -> x.asDate("'until'")).orElse(null);
                String name = jm.string("name").orElse(null);
                String link = jm.get("link").map(x -> checkLink(x)).orElse(null);
                // remote: false: a job open anywhere in the country does not bring this place into scope.
                boolean remote = jm.get("remote").map(x -> x.asBoolean("'remote'")).orElse(true);
                // except: [US-CA]: where a stricter rule covers the place, this entry stays quiet.
                List<String> except = new ArrayList<>();
                jm.get("except").ifPresent(x -> {
                    for (YamlValue c : x.asListOrOne()) {
                        String ex = c.asNonBlank("an 'except' code");
                        checkCode(c, ex);
                        except.add(ex);
                    }
                });
                jm.finish();
                if (f != null && u != null && u.isBefore(f)) {
                    throw jm.error("'until' " + u + " is before 'from' " + f + " for " + code);
                }
                w = new JurisdictionWindow(code, f, u, name, link, remote, except);
            }
            out.add(w);
        }
        if (out.isEmpty()) {
            throw v.error("'jurisdiction' needs at least one code");
        }
        return out;
    }

    private static String checkLink(YamlValue at) {
        String link = at.asNonBlank("'link'").strip();
        if (!link.startsWith("https://") && !link.startsWith("http://")) {
            throw at.error("'link' must be an http(s) address, not '" + link + "'");
        }
        return link;
    }

    private static void checkCode(YamlValue at, String code) {
        if (!CODE.matcher(code).matches()) {
            throw at.error("'" + code + "' is not a jurisdiction code (write e.g. US, US-CO, US-NY-NYC, EU, EU-PT, GB, CA-BC)");
        }
    }

    /** Whether this condition judges the posting's jurisdictions. */
    public boolean usesJurisdictions() {
        return !jurisdictions.isEmpty();
    }

    /** The fields this condition reads. */
    public Set<String> fieldsUsed() {
        Set<String> out = new java.util.HashSet<>();
        if (field != null) {
            out.add(field);
        }
        if (jurisdictionField != null) {
            out.add(jurisdictionField);
        }
        return out;
    }

    public boolean test(RuleContext ctx) {
        return match(ctx) != null;
    }

    /**
     * Null when the rule does not apply; otherwise the jurisdiction that brought it into scope (or
     * an empty window when no jurisdiction condition is given).
     */
    public JurisdictionWindow match(RuleContext ctx) {
        LocalDate asOf = ctx.asOf();
        if (effectiveFrom != null && asOf.isBefore(effectiveFrom)) {
            return null;
        }
        if (effectiveUntil != null && asOf.isAfter(effectiveUntil)) {
            return null;
        }
        if (company != null && !isSet(ctx.company().values(company))) {
            return null;
        }
        // The place first: the posting's jurisdictions are worked out once for every rule, while a
        // field's pattern (a pay figure, a background check's reason) is a scan of the whole posting
        // that a rule out of scope here does not need. The answer is the same in either order.
        JurisdictionWindow window = jurisdictions.isEmpty() ? NO_JURISDICTION : window(ctx, asOf);
        if (window == null) {
            return null;
        }
        if (field != null) {
            FieldValue v = ctx.field(field);
            if (present != null && present != (v != null)) {
                return null;
            }
            if (matches != null && (v == null || !matches.matcher(v.value()).find())) {
                return null;
            }
        }
        return window;
    }

    /** The first of the rule's jurisdictions in force that covers the posting's place, or null. */
    private JurisdictionWindow window(RuleContext ctx, LocalDate asOf) {
        Jurisdictions.Lookup here = null; // worked out (once per posting) only when one of the rule's windows is in force
        for (JurisdictionWindow w : jurisdictions) {
            if (!w.inForce(asOf)) {
                continue;
            }
            here = here == null ? ctx.jurisdictionLookup(jurisdictionField) : here;
            if ((w.remote() ? here.covers(w.code()) : here.coversPlace(w.code())) && !coversAny(here, w.except())) {
                return w;
            }
        }
        return null;
    }

    private static boolean coversAny(Jurisdictions.Lookup here, List<String> codes) {
        for (String c : codes) {
            if (here.covers(c)) {
                return true;
            }
        }
        return false;
    }

    private static final JurisdictionWindow NO_JURISDICTION = new JurisdictionWindow("", null, null, "", null, true, List.of());

    private static boolean isSet(List<String> values) {
        if (values.isEmpty()) {
            return false;
        }
        String v = String.join(",", values).strip().toLowerCase(java.util.Locale.ROOT);
        return !(v.isEmpty() || v.equals("false") || v.equals("no") || v.equals("0") || v.equals("off"));
    }
}

package dev.postinglint.core.rules;

import com.google.re2j.Matcher;
import dev.postinglint.core.model.Fix;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.posting.TextRegion;
import dev.postinglint.core.regex.PolicyPattern;
import dev.postinglint.core.source.SourceSpan;
import dev.postinglint.core.yaml.YamlMap;
import dev.postinglint.core.yaml.YamlValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code type: fact}: a company statistic or dated claim. {@code pattern} captures its figures in
 * named groups; {@code current} gives today's value of each group. A figure that differs is a
 * finding with a fix to the current figure; a {@code retired} wording is a finding with the current
 * wording; and when {@code as-of} plus {@code max-age} (days) is before the run's as-of date, each
 * occurrence also gets an info finding asking to re-verify the figure.
 */
final class FactRule implements Rule {
    record Retired(PolicyPattern pattern, String wording, String use) {
    }

    private final RuleInfo info;
    private final String fact;
    private final PolicyPattern pattern;
    private final Map<String, String> current;
    private final LocalDate asOf;
    private final Integer maxAgeDays;
    private final List<Retired> retired;

    FactRule(RuleInfo info, String fact, PolicyPattern pattern, Map<String, String> current, LocalDate asOf, Integer maxAgeDays,
            List<Retired> retired) {
        this.info = info;
        this.fact = fact;
        this.pattern = pattern;
        this.current = current;
        this.asOf = asOf;
        this.maxAgeDays = maxAgeDays;
        this.retired = retired;
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    /** Figures compare by their digits and letters: "2,400" equals "2400", "25 million" equals "25 Million". */
    static String figure(String s) {
        return s.replaceAll("[^\\p{L}\\p{N}.]", "").replaceAll("\\.$", "").toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void check(RuleContext ctx, FindingSink sink) {
        String source = ctx.posting().source().text();
        boolean stale = asOf != null && maxAgeDays != null && asOf.plusDays(maxAgeDays).isBefore(ctx.asOf());
        for (TextRegion region : ctx.regions(info.scope())) {
            String text = region.text();
            if (pattern != null) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    if (m.end() == m.start()) {
                        continue;
                    }
                    for (Map.Entry<String, String> e : current.entrySet()) {
                        int s = m.start(e.getKey());
                        if (s < 0) {
                            continue;
                        }
                        String found = m.group(e.getKey());
                        if (!figure(found).equals(figure(e.getValue()))) {
                            SourceSpan span = region.sourceSpan(s, m.end(e.getKey()));
                            Fix fix = TextFixes.isPlainText(source, span, found)
                                    ? new Fix(span, TextFixes.escapeText(e.getValue()), "Update " + fact + " to " + e.getValue())
                                    : null;
                            String problem = fact + ": '" + found + "' is outdated; the current figure is '" + e.getValue() + "'"
                                    + (asOf == null ? "" : " (as of " + asOf + ")");
                            sink.report(span, ctx.render(info.message(), vars(problem, m.group(), found, e.getValue())), found, fix);
                        }
                    }
                    if (stale) {
                        String problem = fact + " was last verified on " + asOf + ", more than " + maxAgeDays
                                + " days ago; re-verify '" + m.group() + "' and update the policy's as-of date";
                        sink.report(region.sourceSpan(m.start(), m.end()), problem, m.group(), null, Severity.INFO);
                    }
                }
            }
            List<int[]> claimed = new ArrayList<>(); // one finding per claim, even if two wordings match it
            for (Retired r : retired) {
                Matcher m = r.pattern().matcher(text);
                while (m.find()) {
                    int ms = m.start();
                    int me = m.end();
                    if (me == ms || claimed.stream().anyMatch(c -> ms < c[1] && me > c[0])) {
                        continue;
                    }
                    claimed.add(new int[] {ms, me});
                    SourceSpan span = region.sourceSpan(m.start(), m.end());
                    Fix fix = r.use() != null && TextFixes.isPlainText(source, span, m.group())
                            ? new Fix(span, TextFixes.escapeText(r.use()), "Replace the retired wording with '" + r.use() + "'")
                            : null;
                    String problem = fact + ": '" + m.group() + "' is a retired claim"
                            + (r.use() == null ? "; remove it" : "; the current wording is '" + r.use() + "'");
                    sink.report(span, ctx.render(info.message(), vars(problem, m.group(), m.group(), r.use() == null ? "" : r.use())),
                            m.group(), fix);
                }
            }
        }
    }

    private Map<String, String> vars(String problem, String match, String found, String cur) {
        Map<String, String> v = new HashMap<>();
        v.put("problem", problem);
        v.put("fact", fact);
        v.put("match", match);
        v.put("found", found);
        v.put("current", cur);
        v.put("as-of", asOf == null ? "" : asOf.toString());
        return v;
    }

    static final class Type implements RuleType {
        @Override
        public String name() {
            return "fact";
        }

        @Override
        public Set<String> variables() {
            return Set.of("problem", "fact", "match", "found", "current", "as-of");
        }

        @Override
        public String defaultMessage() {
            return "{problem}";
        }

        @Override
        public Rule create(RuleInfo info, YamlMap spec) {
            String fact = spec.string("fact").orElse(info.id());
            PolicyPattern pattern = spec.get("pattern").map(v -> PolicyPattern.compile(v, "'pattern'")).orElse(null);
            Map<String, String> current = new LinkedHashMap<>();
            spec.get("current").ifPresent(v -> {
                YamlMap cm = v.asMap("'current'");
                for (String group : cm.keys()) {
                    current.put(group, cm.get(group).orElseThrow().asNonBlank("current '" + group + "'"));
                }
            });
            if (pattern != null) {
                for (String g : current.keySet()) {
                    if (!pattern.namedGroups().containsKey(g)) {
                        throw spec.require("current").error("'current' names group '" + g + "', but the pattern has no (?P<" + g + ">...) group");
                    }
                }
                if (current.isEmpty()) {
                    throw spec.error("a fact with a pattern needs 'current' figures for its named groups");
                }
            } else if (!current.isEmpty()) {
                throw spec.require("current").error("'current' needs a 'pattern' with named groups");
            }
            LocalDate asOf = spec.get("as-of").map(v -> v.asDate("'as-of'")).orElse(null);
            Integer maxAge = spec.get("max-age").map(v -> v.asInt("'max-age' (days)", 1, 36_500)).orElse(null);
            if (maxAge != null && asOf == null) {
                throw spec.require("max-age").error("'max-age' needs an 'as-of' date to count from");
            }
            List<Retired> retired = new ArrayList<>();
            spec.get("retired").ifPresent(v -> {
                for (YamlValue e : v.asList("'retired'")) {
                    YamlMap m = e.asMap("a retired wording");
                    PolicyPattern p;
                    String wording;
                    if (m.has("phrase")) {
                        wording = m.requireString("phrase");
                        p = PolicyPattern.phrase(wording, m.require("phrase"), "'phrase'");
                        m.get("pattern");
                    } else {
                        wording = m.requireString("pattern");
                        p = PolicyPattern.compile(m.require("pattern"), "'pattern'");
                    }
                    String use = m.string("use").orElse(null);
                    m.finish();
                    retired.add(new Retired(p, wording, use));
                }
            });
            if (pattern == null && retired.isEmpty()) {
                throw spec.error("a fact needs a 'pattern' with 'current' figures, 'retired' wordings, or both");
            }
            return new FactRule(info, fact, pattern, Map.copyOf(current), asOf, maxAge, List.copyOf(retired));
        }
    }
}

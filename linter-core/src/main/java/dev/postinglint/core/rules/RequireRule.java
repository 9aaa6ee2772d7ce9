package dev.postinglint.core.rules;

import dev.postinglint.core.posting.TextRegion;
import dev.postinglint.core.regex.PolicyPattern;
import dev.postinglint.core.source.SourceSpan;
import dev.postinglint.core.yaml.YamlMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code type: require}: a pattern must occur in scope at least {@code min} times (default 1) and,
 * if {@code max} is given, at most {@code max} times. Too few: one finding at the start of the scope
 * (or of the file when the scope is absent; with {@code optional-scope: true} an absent scope means the
 * rule does not apply). Too many: one finding for each occurrence past {@code max}. With
 * {@code unless-block: PATTERN}, a match whose paragraph matches does not count (a meal voucher's
 * "9,25 €" is not the pay a pay rule requires).
 */
final class RequireRule implements Rule {
    private final RuleInfo info;
    private final MatchPatterns patterns;
    private final int min;
    private final Integer max;
    private final boolean optionalScope;
    private final PolicyPattern unlessBlock;

    RequireRule(RuleInfo info, MatchPatterns patterns, int min, Integer max, boolean optionalScope, PolicyPattern unlessBlock) {
        this.unlessBlock = unlessBlock;
        this.info = info;
        this.patterns = patterns;
        this.min = min;
        this.max = max;
        this.optionalScope = optionalScope;
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public List<PolicyPattern> ownPatterns() {
        if (unlessBlock == null) {
            return patterns.patterns();
        }
        List<PolicyPattern> out = new java.util.ArrayList<>(patterns.patterns());
        out.add(unlessBlock); // its paragraphs are searched through the posting's literal index (MatchPatterns.BlockExcuse)
        return out;
    }

    @Override
    public void check(RuleContext ctx, FindingSink sink) {
        List<TextRegion> regions = ctx.regions(info.scope());
        if (regions.isEmpty() && optionalScope) {
            return; // the scope is what the rule is about (e.g. "the accommodation paragraph"): no scope, no rule
        }
        // Speed: with min 1 and no max, one match that counts settles it (the message's {count} is then 0).
        // With an excuse, the search goes on past excused matches; a single pattern's matches never
        // overlap, so each one findAll keeps is one that findAny sees (several patterns: findAll).
        List<MatchPatterns.Match> matches;
        MatchPatterns.BlockExcuse excuse = unlessBlock == null ? null : new MatchPatterns.BlockExcuse(unlessBlock, ctx);
        if (min == 1 && max == null && excuse == null) {
            matches = patterns.findAny(regions, ctx.index());
        } else if (min == 1 && max == null && patterns.patterns().size() == 1) {
            matches = patterns.findAny(regions, ctx.index(), m -> !excuse.excuses(m));
        } else {
            matches = patterns.findAll(regions, ctx.index());
            if (excuse != null) {
                matches = matches.stream().filter(m -> !excuse.excuses(m)).toList();
            }
        }
        int count = matches.size();
        Map<String, String> vars = Map.of("count", String.valueOf(count), "min", String.valueOf(min),
                "max", max == null ? "any" : String.valueOf(max), "scope", info.scope().toString(), "match", "");
        if (count < min) {
            SourceSpan at = regions.isEmpty() ? ctx.posting().view().sourceSpan(0, 0)
                    : firstCharacter(regions.get(0));
            // A rule that applies because of where the job is points at the location that triggered it.
            String jurisdictionField = info.when().jurisdictionField();
            if (jurisdictionField != null && info.scope().isWhole() && ctx.field(jurisdictionField) != null) {
                at = ctx.field(jurisdictionField).valueSpan();
            }
            String suffix = regions.isEmpty() && !info.scope().isWhole() ? " (no " + info.scope() + " in this posting)" : "";
            sink.report(at, ctx.render(info.message(), vars) + suffix, "", null);
        }
        if (max != null && count > max) {
            for (MatchPatterns.Match m : matches.subList(max, count)) {
                Map<String, String> v = new java.util.HashMap<>(vars);
                v.put("match", m.text());
                sink.report(m.region().sourceSpan(m.start(), m.end()), ctx.render(info.message(), v), m.text(), null);
            }
        }
    }

    private static SourceSpan firstCharacter(TextRegion region) {
        String t = region.text();
        int i = 0;
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return i < t.length() ? region.sourceSpan(i, i + 1) : region.sourceSpan(0, 0);
    }

    static final class Type implements RuleType {
        @Override
        public String name() {
            return "require";
        }

        @Override
        public Set<String> variables() {
            return Set.of("count", "min", "max", "scope", "match");
        }

        @Override
        public String defaultMessage() {
            return "Expected at least {min} match(es) in {scope}, found {count}";
        }

        @Override
        public Rule create(RuleInfo info, YamlMap spec) {
            MatchPatterns p = MatchPatterns.read(spec);
            int min = spec.get("min").map(v -> v.asInt("'min'", 0, 1_000_000)).orElse(1);
            Integer max = spec.get("max").map(v -> v.asInt("'max'", 0, 1_000_000)).orElse(null);
            if (max != null && max < min) {
                throw spec.error("'max' (" + max + ") is less than 'min' (" + min + ")");
            }
            if (min == 0 && max == null) {
                throw spec.error("a require rule with min: 0 and no max can never fail; give 'max' or use forbid");
            }
            boolean optionalScope = spec.get("optional-scope").map(v -> v.asBoolean("'optional-scope'")).orElse(false);
            PolicyPattern unless = spec.get("unless-block").map(v -> PolicyPattern.compile(v, "'unless-block'")).orElse(null);
            return new RequireRule(info, p, min, max, optionalScope, unless);
        }
    }
}

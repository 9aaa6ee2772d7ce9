package dev.postinglint.core.rules;

import dev.postinglint.core.policy.YamlMap;
import java.util.Map;
import java.util.Set;

/** {@code type: forbid}: a pattern must not occur in scope; every occurrence is a finding. */
final class ForbidRule implements Rule {
    private final RuleInfo info;
    private final MatchPatterns patterns;

    ForbidRule(RuleInfo info, MatchPatterns patterns) {
        this.info = info;
        this.patterns = patterns;
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public void check(RuleContext ctx, FindingSink sink) {
        for (MatchPatterns.Match m : patterns.findAll(ctx.regions(info.scope()))) {
            sink.report(m.region().sourceSpan(m.start(), m.end()),
                    ctx.render(info.message(), Map.of("match", m.text())), m.text(), null);
        }
    }

    static final class Type implements RuleType {
        @Override
        public String name() {
            return "forbid";
        }

        @Override
        public Set<String> variables() {
            return Set.of("match");
        }

        @Override
        public String defaultMessage() {
            return "'{match}' is not allowed here";
        }

        @Override
        public Rule create(RuleInfo info, YamlMap spec) {
            return new ForbidRule(info, MatchPatterns.read(spec));
        }
    }
}

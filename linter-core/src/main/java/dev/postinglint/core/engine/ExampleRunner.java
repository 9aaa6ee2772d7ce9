package dev.postinglint.core.engine;

import dev.postinglint.core.policy.PackExample;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyRule;
import dev.postinglint.core.posting.PostingParser;
import dev.postinglint.core.rules.RuleContext;
import dev.postinglint.core.rules.RuleInfo;
import dev.postinglint.core.source.SourceText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs the {@code examples:} of a policy: every {@code flag} snippet must produce a finding from its
 * rule, every {@code pass} snippet none. This is the policy author's test loop
 * ({@code posting-lint test-policy}) and how the shipped packs are tested.
 */
public final class ExampleRunner {
    /** One example's outcome; {@code problem} says what went wrong, or is null when it passed. */
    public record Outcome(String ruleId, String kind, String example, String origin, String problem) {
        public boolean passed() {
            return problem == null;
        }
    }

    private ExampleRunner() {
    }

    /** Runs the examples of the rules (and pack examples) whose origin the filter accepts. */
    public static List<Outcome> run(Policy policy, Predicate<String> origins, LocalDate asOf) {
        List<Outcome> out = new ArrayList<>();
        for (PolicyRule pr : policy.rules()) {
            RuleInfo info = pr.rule().info();
            if (!origins.test(info.origin())) {
                continue;
            }
            for (String snippet : info.examples().flag()) {
                List<Finding> f = runRule(policy, pr, snippet, asOf);
                out.add(new Outcome(info.id(), "flag", snippet, info.origin(),
                        f.isEmpty() ? "expected a finding, got none" : null));
            }
            for (String snippet : info.examples().pass()) {
                List<Finding> f = runRule(policy, pr, snippet, asOf);
                out.add(new Outcome(info.id(), "pass", snippet, info.origin(),
                        f.isEmpty() ? null : "expected no finding, got: " + f.get(0).message()));
            }
        }
        for (PackExample e : policy.examples()) {
            if (!origins.test(e.origin())) {
                continue;
            }
            LocalDate date = e.asOf() == null ? asOf : e.asOf();
            RuleContext ctx = new RuleContext(PostingParser.parse(new SourceText("example", e.html())), policy.fields(),
                    policy.company().merge(e.company()), date);
            List<Finding> findings = Linter.check(ctx, policy.enabledRules());
            for (String id : e.flag()) {
                boolean hit = findings.stream().anyMatch(f -> f.ruleId().equals(id));
                out.add(new Outcome(id, "flag", e.name(), e.origin(), hit ? null : "expected a finding, got none"));
            }
            for (String id : e.pass()) {
                Finding hit = findings.stream().filter(f -> f.ruleId().equals(id)).findFirst().orElse(null);
                out.add(new Outcome(id, "pass", e.name(), e.origin(),
                        hit == null ? null : "expected no finding, got: " + hit.message() + " at " + hit.span().start()));
            }
        }
        return out;
    }

    private static List<Finding> runRule(Policy policy, PolicyRule rule, String html, LocalDate asOf) {
        RuleContext ctx = context(policy, html, asOf);
        // An example is about the rule itself, so it runs even if an override switched the rule off.
        return Linter.check(ctx, List.of(new PolicyRule(rule.rule(), rule.severity(), true)));
    }

    private static RuleContext context(Policy policy, String html, LocalDate asOf) {
        return new RuleContext(PostingParser.parse(new SourceText("example", html)), policy.fields(), policy.company(), asOf);
    }
}

package dev.postinglint.core.engine;

import dev.postinglint.core.input.FrontMatter;
import dev.postinglint.core.input.InputProblem;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.policy.PackExample;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyRule;
import dev.postinglint.core.posting.MarkdownParser;
import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.posting.PostingParser;
import dev.postinglint.core.posting.UnreadableMarkup;
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
 * ({@code posting-lint test-policy}) and how the shipped packs are tested. A snippet is HTML, or
 * Markdown when it starts with a front matter line ({@code ---}), so that examples can give a
 * posting metadata.
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
            RuleContext ctx = new RuleContext(posting(e.html()), policy.fields(), policy.company().merge(e.company()), date,
                    policy.gazetteer(), policy.matcher());
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
        return new RuleContext(posting(html), policy.fields(), policy.company(), asOf, policy.gazetteer(), policy.matcher());
    }

    /** HTML, or Markdown with front matter when the snippet starts with a {@code ---} line. */
    private static Posting posting(String snippet) {
        SourceText source = new SourceText("example", snippet);
        if (!snippet.startsWith("---\n")) {
            return PostingParser.parse(source);
        }
        try {
            FrontMatter.Result front = FrontMatter.read(source);
            return MarkdownParser.parse(source, front.bodyStart(), front.metadata());
        } catch (InputProblem p) {
            throw new IllegalArgumentException("example at line " + p.at() + ": " + p.getMessage(), p);
        } catch (UnreadableMarkup m) {
            throw new IllegalArgumentException("example: " + m.getMessage(), m);
        }
    }
}

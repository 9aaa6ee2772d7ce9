package dev.postinglint.cli;

import dev.postinglint.core.model.BuiltinRules;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyRule;
import dev.postinglint.core.rules.RuleInfo;
import dev.postinglint.core.session.SessionException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code posting-lint explain RULE-ID}: what a rule checks, why, and examples. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Explain a rule: description, citation and examples.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policy = new PolicyOptions();

    @Parameters(paramLabel = "RULE-ID", description = "The rule to explain.")
    String ruleId;

    @Override
    public Integer call() {
        Policy p = policy.policyHere();
        PrintWriter out = spec.commandLine().getOut();
        var builtin = BuiltinRules.find(ruleId);
        if (p.rule(ruleId).isEmpty() && builtin.isPresent()) {
            BuiltinRules.BuiltinRule b = builtin.get();
            out.println(b.id() + " (built-in, " + b.severity().label() + ", category " + b.category() + ")");
            out.println("Reported by posting-lint itself, whatever the policy; never suppressed, waived or fixed.");
            out.println();
            out.println(b.description());
            out.flush();
            return Main.OK;
        }
        PolicyRule r = p.rule(ruleId).orElseThrow(() -> new SessionException("no rule '" + ruleId + "' in policy "
                + p.label() + " (see 'posting-lint rules')"));
        RuleInfo info = r.rule().info();
        out.println(info.id() + " (" + info.type() + ", " + (r.enabled() ? r.severity().label() : "off") + ", category " + info.category() + ")");
        out.println("Defined in " + info.place());
        if (!info.description().isBlank()) {
            out.println();
            out.println(info.description().strip());
        }
        out.println();
        out.println("Message: " + info.message().source());
        if (!info.scope().isWhole()) {
            out.println("Scope:   " + info.scope());
        }
        if (info.link() != null) {
            out.println("Source:  " + info.link());
        }
        if (!info.examples().isEmpty()) {
            out.println();
            out.println("Flagged:");
            info.examples().flag().forEach(s -> out.println("  " + s.strip()));
            out.println("Passes:");
            info.examples().pass().forEach(s -> out.println("  " + s.strip()));
        }
        out.flush();
        return Main.OK;
    }
}

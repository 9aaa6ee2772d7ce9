package dev.postinglint.cli;

import dev.postinglint.core.model.BuiltinRules;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyRule;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code posting-lint rules}: the effective rules of a policy, as a table. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List the effective rules: id, type, severity, category and the pack that defines each.")
final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policy = new PolicyOptions();

    @Override
    public Integer call() {
        Policy p = policy.policyHere();
        PrintWriter out = spec.commandLine().getOut();
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[] {"ID", "TYPE", "SEVERITY", "CATEGORY", "SOURCE"});
        for (PolicyRule r : p.rules()) {
            var info = r.rule().info();
            rows.add(new String[] {r.id(), info.type(), r.enabled() ? r.severity().label() : "off", info.category(), info.origin()});
        }
        for (BuiltinRules.BuiltinRule b : BuiltinRules.all()) {
            rows.add(new String[] {b.id(), "built-in", b.severity().label(), b.category(), "posting-lint"});
        }
        int[] width = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        out.println("Policy: " + p.label() + " (" + String.join(", ", p.sources()) + ")");
        for (String[] row : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                b.append(i == row.length - 1 ? row[i] : String.format("%-" + (width[i] + 2) + "s", row[i]));
            }
            out.println(b.toString().stripTrailing());
        }
        // What replaces an extended policy's rule or field on purpose (override: true) is never silent.
        p.origins().rules().forEach((id, o) -> {
            if (o.isOverride()) {
                out.println(id + " " + dev.postinglint.core.policy.Origins.describe("rule", id, o) + " (" + o.place() + ")");
            }
        });
        p.origins().fields().forEach((name, o) -> {
            if (o.isOverride()) {
                out.println("field '" + name + "' at " + o.place() + " " + dev.postinglint.core.policy.Origins.describe("field", name, o));
            }
        });
        out.println(p.rules().size() + " rules, " + p.enabledRules().size() + " enabled; " + BuiltinRules.all().size()
                + " built in (findings about the linter's own input and comments)");
        out.flush();
        return Main.OK;
    }
}

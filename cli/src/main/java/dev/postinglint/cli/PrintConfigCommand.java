package dev.postinglint.cli;

import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyPrinter;
import dev.postinglint.core.session.LintSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code posting-lint print-config [FILE]}: the effective policy as YAML, with the origin of each
 * rule, field and fact, as {@code eslint --print-config}. FILE is a posting (its policy, as
 * {@code check} finds it) or a policy file; without it, the policy for the working directory.
 */
@Command(name = "print-config", mixinStandardHelpOptions = true,
        description = "Print the effective policy (after extends and overrides) as YAML, with where each rule, field and fact comes from.")
final class PrintConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policy = new PolicyOptions();

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "A posting (print the policy that checks it) or a policy file (.yaml, .yml) or builtin:NAME.")
    String file;

    @Override
    public Integer call() {
        Policy p;
        if (file == null) {
            p = policy.policyHere();
        } else if (file.startsWith("builtin:") || file.endsWith(".yaml") || file.endsWith(".yml")) {
            p = LintSettings.resolver(List.of(file), Path.of("")).policyFor(Path.of("").toAbsolutePath().resolve("posting.html"));
        } else {
            p = LintSettings.resolver(policy.policies, Path.of("")).policyFor(Path.of(file).toAbsolutePath());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(PolicyPrinter.print(p));
        out.flush();
        return Main.OK;
    }
}

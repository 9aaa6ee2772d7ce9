package dev.postinglint.cli;

import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.policy.PolicyResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --policy}, shared by the commands that need a policy. */
final class PolicyOptions {
    @Option(names = "--policy", paramLabel = "FILE|builtin:NAME",
            description = "Policy file or built-in pack (repeatable). Default: the nearest .posting-lint.yaml, else builtin:default.")
    List<String> policies = new ArrayList<>();

    boolean given() {
        return !policies.isEmpty();
    }

    /** The explicit policies merged, or nearest-config discovery for each file. */
    PolicyResolver resolver(PolicyLoader loader) {
        if (given()) {
            return PolicyResolver.fixed(loader.load(policies, Path.of("")));
        }
        return PolicyResolver.discovering(loader);
    }

    /** The policy for the working directory: explicit, else discovered from here, else the default. */
    Policy policyHere(PolicyLoader loader) {
        return resolver(loader).policyFor(Path.of("").toAbsolutePath().resolve("posting.html"));
    }
}

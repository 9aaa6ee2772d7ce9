package dev.postinglint.cli;

import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.session.LintSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --policy}, shared by the commands that need a policy. */
final class PolicyOptions {
    @Option(names = "--policy", paramLabel = "FILE|builtin:NAME",
            description = "Policy file or built-in pack (repeatable). Default: the nearest .posting-lint.yaml, else builtin:default.")
    List<String> policies = new ArrayList<>();

    /** The policy for the working directory: explicit, else discovered from here, else the default. */
    Policy policyHere() {
        return LintSettings.resolver(policies, Path.of("")).policyFor(Path.of("").toAbsolutePath().resolve("posting.html"));
    }
}

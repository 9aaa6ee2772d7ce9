package dev.postinglint.cli;

import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.session.LintSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --policy}, shared by the commands that need a policy. */
final class PolicyOptions {
    private static final String LABEL = "FILE|builtin:NAME";
    private static final String DESCRIPTION =
            "Policy file or built-in pack (repeatable). Default: the nearest .posting-lint.yaml, else builtin:default.";

    @Option(names = "--policy", paramLabel = LABEL, description = DESCRIPTION)
    List<String> policies = new ArrayList<>();

    /**
     * Adds {@code --policy} to a command's model built in code ({@code check} and {@code fix}, for start-up: see
     * {@link Specs}); the commands that read their model from annotations take this class as a mixin.
     */
    void addTo(CommandSpec spec) {
        spec.addOption(Specs.option(List.class, () -> policies, v -> policies = v, "--policy").auxiliaryTypes(String.class)
                .paramLabel(LABEL).description(DESCRIPTION).build());
    }

    /** The policy for the working directory: explicit, else discovered from here, else the default. */
    Policy policyHere() {
        return LintSettings.resolver(policies, Path.of("")).policyFor(Path.of("").toAbsolutePath().resolve("posting.html"));
    }
}

package dev.postinglint.cli;

import dev.postinglint.core.engine.ExampleRunner;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.session.Options;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code posting-lint test-policy FILE}: run a policy's examples, the policy author's test loop. */
@Command(name = "test-policy", mixinStandardHelpOptions = true,
        description = "Run the examples of a policy's rules: 'flag' snippets must be flagged, 'pass' snippets must pass.")
final class TestPolicyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|builtin:NAME", description = "The policy to test.")
    String policyRef;

    @Option(names = "--all", description = "Also run the examples of every pack it extends.")
    boolean all;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Judge dated rules as of this day (default: today).")
    String asOf;

    @Override
    public Integer call() {
        Policy p = new PolicyLoader().load(policyRef, Path.of(""));
        String own = p.sources().get(p.sources().size() - 1);
        Set<String> wanted = all ? Set.copyOf(p.sources()) : Set.of(own);
        List<ExampleRunner.Outcome> outcomes = ExampleRunner.run(p, wanted::contains, Options.asOf("--as-of", asOf, LocalDate.now()));
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        for (ExampleRunner.Outcome o : outcomes) {
            if (o.passed()) {
                out.println("ok    " + o.ruleId() + " " + o.kind() + ": " + oneLine(o.example()));
            } else {
                failed++;
                out.println("FAIL  " + o.ruleId() + " " + o.kind() + ": " + oneLine(o.example()));
                out.println("      " + o.problem() + " (" + o.origin() + ")");
            }
        }
        // A rule without examples is untested: a misspelt pattern would pass every run unnoticed.
        List<String> untested = p.rules().stream().filter(r -> wanted.contains(r.rule().info().origin()))
                .filter(r -> r.rule().info().examples().isEmpty() && !coveredByPackExample(p, r.id(), wanted))
                .map(r -> r.id() + " (" + r.rule().info().place() + ")").toList();
        if (!untested.isEmpty()) {
            out.println("no examples: " + untested.size() + " rule" + (untested.size() == 1 ? "" : "s")
                    + " without 'examples:' or a pack example naming them:");
            untested.forEach(u -> out.println("      " + u));
        }
        if (outcomes.isEmpty()) {
            out.println("no examples in " + String.join(", ", wanted) + ": add 'examples:' with 'flag' and 'pass' snippets to the rules");
        }
        out.println((outcomes.size() - failed) + " passed, " + failed + " failed" + (untested.isEmpty() ? "" : ", " + untested.size() + " without examples"));
        out.flush();
        return failed > 0 ? Main.FINDINGS : Main.OK;
    }

    private static boolean coveredByPackExample(Policy p, String id, Set<String> wanted) {
        return p.examples().stream().anyMatch(e -> wanted.contains(e.origin()) && (e.flag().contains(id) || e.pass().contains(id)));
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 100 ? t.substring(0, 99) + "…" : t;
    }
}

package dev.postinglint.maven;

import dev.postinglint.core.fix.AtomicWriter;
import dev.postinglint.core.fix.FixPlanner;
import dev.postinglint.core.fix.Fixer;
import dev.postinglint.core.report.TerminalText;
import dev.postinglint.core.session.CheckSession;
import dev.postinglint.core.session.FailGate;
import dev.postinglint.core.session.FixOutcome;
import dev.postinglint.core.session.FixRequest;
import dev.postinglint.core.session.FixSession;
import dev.postinglint.core.session.LintSettings;
import dev.postinglint.core.session.Messages;
import dev.postinglint.core.session.Postings;
import dev.postinglint.core.yaml.PolicyException;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Applies the fixes that rules offer to the module's postings ({@code mvn posting-lint:fix}), as
 * {@code posting-lint fix} does: only the edited ranges change, each file is replaced atomically, the loop
 * re-lints until nothing more changes. Then it checks the fixed postings exactly as {@code check} does, with
 * the same parameters (failOn, maxAllowedViolations, formats, baseline), and fails the build on what remains.
 * A file that cannot be written (read-only, disk full) fails the build as an execution error and is left as
 * it was.
 */
@Mojo(name = "fix", threadSafe = true)
public class FixMojo extends CheckMojo {
    /** Log a unified diff of what would change and change nothing. */
    @Parameter(property = "posting-lint.dryRun", defaultValue = "false")
    protected boolean dryRun;

    /** Apply only these rules' fixes (default: every rule's). */
    @Parameter(property = "posting-lint.fixRules")
    protected List<String> fixRules;

    AtomicWriter writer = new AtomicWriter();

    @Override
    protected void handle(LintSettings settings, Postings postings) throws MojoExecutionException, MojoFailureException {
        FixOutcome outcome;
        try {
            // The fix session's own gate is not used: the check below gates the build, with the baseline.
            FixRequest request = new FixRequest(settings, FailGate.at(null), Options.listOr(fixRules, List.of()), null, dryRun, writer);
            outcome = FixSession.open(request).fix(postings);
        } catch (PolicyException e) {
            throw brokenPolicy(e);
        }
        for (FixOutcome.Change c : outcome.changes()) {
            String path = TerminalText.safe(c.fix().file().displayPath());
            if (c.diff() != null) {
                getLog().info("posting-lint: would fix " + path + ":\n" + c.diff());
            } else if (c.failure() != null) {
                getLog().error("posting-lint: cannot write " + path + ": " + c.failure().getMessage());
            } else {
                getLog().info("posting-lint: fixed " + path + ": " + Messages.fixesByRule(c.fix().applied(), "x"));
            }
        }
        for (Fixer.FileFix f : outcome.result().files()) {
            for (FixPlanner.Skipped s : f.notFixed()) {
                getLog().warn("posting-lint: " + FindingLog.line(f.file().displayPath(), s.finding()) + " (not fixed: " + s.reason() + ")");
            }
        }
        getLog().info("posting-lint: " + (dryRun ? "would fix " : "fixed ") + Messages.plural(outcome.result().fixedCount(), "finding")
                + (dryRun ? "" : " in " + Messages.plural(outcome.writtenCount(), "file")));
        List<FixOutcome.Change> failed = outcome.failures();
        if (!failed.isEmpty()) {
            throw new MojoExecutionException("posting-lint: cannot write " + Messages.plural(failed.size(), "posting") + ": "
                    + failed.stream().map(c -> c.fix().file().displayPath() + ": " + c.failure().getMessage()).collect(Collectors.joining("; ")));
        }
        // Then judge what is there now, as the check goal would (baseline, gate, report files).
        CheckSession check = openCheck(request(settings));
        try {
            report(check.judge(postings, outcome.after()));
        } catch (IOException e) { // only writing a baseline throws it
            throw new MojoExecutionException("posting-lint: cannot write the baseline: " + e.getMessage(), e);
        }
    }
}

package dev.postinglint.maven;

import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.Summary;
import dev.postinglint.core.session.ChangedSince;
import dev.postinglint.core.session.CheckOutcome;
import dev.postinglint.core.session.CheckRequest;
import dev.postinglint.core.session.ExitStatus;
import dev.postinglint.core.session.FailGate;
import dev.postinglint.core.session.LintSettings;
import dev.postinglint.core.session.Messages;
import dev.postinglint.core.session.Postings;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lints the module's postings, logs every finding as {@code path:line:col: severity [rule-id] message},
 * writes the report files, and fails the build when findings reach {@code failOn} (more than
 * {@code maxAllowedViolations} of them). A broken policy or an unreadable posting fails the build
 * as an execution error naming the file (and the policy's line and column).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractPostingLintMojo {
    /** The least serious severity that fails the build: error, warning, info or never. */
    @Parameter(property = "posting-lint.failOn", defaultValue = "error")
    protected String failOn;

    /** How many findings at the {@code failOn} level (or above) are tolerated before the build fails. */
    @Parameter(property = "posting-lint.maxAllowedViolations", defaultValue = "0")
    protected int maxAllowedViolations;

    /**
     * Report formats to write to {@code outputDirectory}, comma-separated: json, text, and any others
     * this posting-lint has (an unknown name is an error that lists them); {@code none} for no files.
     */
    @Parameter(property = "posting-lint.formats", defaultValue = "json")
    protected String formats;

    /** Log each finding at the matching level (error, warning, info). The summary line is logged either way. */
    @Parameter(property = "posting-lint.logViolationsToConsole", defaultValue = "true")
    protected boolean logViolationsToConsole;

    /**
     * The least serious findings to log: error, warning or info. Those below are counted in one line (the report
     * files list every finding); like the command line's {@code --min-severity}, separate from {@code failOn}.
     */
    @Parameter(property = "posting-lint.minSeverity", defaultValue = "warning")
    protected String minSeverity;

    /**
     * A baseline file (relative to the module's basedir) written by {@code posting-lint check --write-baseline}:
     * findings it records are not reported and do not fail the build; only new ones do. The log says how
     * many of its entries have been fixed since.
     */
    @Parameter(property = "posting-lint.baseline")
    protected File baseline;

    /**
     * Record today's findings in this baseline file (relative to the module's basedir) instead of failing on
     * them, as {@code posting-lint check --write-baseline} does: entries fixed since are dropped, entries of
     * postings not checked are kept, and the build passes. Run it once ({@code -Dposting-lint.writeBaseline=FILE})
     * when adopting posting-lint, then commit the file and point {@code baseline} at it.
     */
    @Parameter(property = "posting-lint.writeBaseline")
    protected File writeBaseline;

    /**
     * Report and gate only the postings git counts as changed since this ref ({@code git diff REF...HEAD}, plus
     * uncommitted and untracked files), for pull request builds: {@code -Dposting-lint.changedSince=origin/main}.
     * Every posting is still linted, so boilerplate drift is judged against the whole module. Needs {@code git}.
     */
    @Parameter(property = "posting-lint.changedSince")
    protected String changedSince;

    private FailGate gate;
    private List<String> formatNames;
    private Severity logMinimum;

    @Override
    protected void validate() throws MojoExecutionException {
        gate = new FailGate(option(() -> Options.failOn(failOn)).orElse(null),
                option(() -> Options.maxAllowedViolations(maxAllowedViolations)));
        formatNames = option(() -> Options.formats(formats));
        logMinimum = option(() -> Options.minSeverity(minSeverity));
    }

    @Override
    protected void handle(LintSettings settings, Postings postings) throws MojoExecutionException, MojoFailureException {
        report(check(request(settings), postings));
    }

    /** The check this goal runs: its gate, and the baseline (relative to the module) when one is configured. */
    protected CheckRequest request(LintSettings settings) throws MojoExecutionException {
        Path file = baseline == null ? null : basedir().resolve(baseline.toPath());
        Path record = writeBaseline == null ? null : basedir().resolve(writeBaseline.toPath());
        ChangedSince changed = changedSince == null || changedSince.isBlank() ? null
                : option(() -> ChangedSince.read("changedSince", changedSince.strip(), basedir()));
        return new CheckRequest(settings, gate, file, record, basedir(), changed);
    }

    /** Logs the outcome, writes the report files, and fails the build as the outcome says. */
    protected void report(CheckOutcome outcome) throws MojoExecutionException, MojoFailureException {
        if (outcome.baselineUse() != null) {
            getLog().info("posting-lint: " + Messages.baselineApplied(Postings.display(basedir(), outcome.baselineUse().file()),
                    outcome.baselineUse(), n -> "posting-lint check --write-baseline drops them"));
        }
        if (changedSince != null && !changedSince.isBlank()) {
            getLog().info("posting-lint: " + Messages.changedSince(outcome, changedSince.strip()));
        }
        CheckOutcome.BaselineWrite recorded = outcome.baselineWrite();
        if (recorded != null) {
            if (recorded.unreadablePrevious() != null) {
                getLog().warn("posting-lint: replacing unreadable baseline: " + recorded.unreadablePrevious());
            }
            getLog().info("posting-lint: " + Messages.baselineWritten(Postings.display(basedir(), recorded.file()), recorded));
        }
        Summary summary = outcome.report().summary();
        if (logViolationsToConsole) {
            FindingLog.findings(getLog(), outcome.report(), logMinimum);
        }
        getLog().info("posting-lint: " + Messages.summary(summary));
        List<Path> written = writeReports(outcome.report(), formatNames);
        failOnUnreadableInput(outcome);
        if (outcome.status() == ExitStatus.FINDINGS) {
            String see = written.isEmpty() ? "" : "; see " + Postings.display(basedir(), written.get(0));
            throw new MojoFailureException("posting-lint: " + gate.describe(summary) + see);
        }
        if (gate.threshold() != null && gate.counted(summary) > 0) {
            getLog().warn("posting-lint: " + gate.describe(summary) + " are tolerated");
        }
    }
}

package dev.postinglint.maven;

import dev.postinglint.core.filter.Baseline;
import dev.postinglint.core.model.Summary;
import java.io.File;
import java.io.IOException;
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
     * A baseline file (relative to the module's basedir) written by {@code posting-lint check --write-baseline}:
     * findings it records are not reported and do not fail the build; only new ones do. The log says how
     * many of its entries have been fixed since.
     */
    @Parameter(property = "posting-lint.baseline")
    protected File baseline;

    private Gate gate;
    private List<String> formatNames;

    @Override
    protected void validate() throws MojoExecutionException {
        gate = new Gate(option(() -> Options.failOn(failOn)).orElse(null),
                option(() -> Options.maxAllowedViolations(maxAllowedViolations)));
        formatNames = option(() -> Options.formats(formats));
    }

    @Override
    protected void handle(LintRun lintRun) throws MojoExecutionException, MojoFailureException {
        LintRun run = applyBaseline(lintRun);
        Summary summary = run.report().summary();
        if (logViolationsToConsole) {
            FindingLog.findings(getLog(), run.report());
        }
        getLog().info("posting-lint: " + FindingLog.summary(summary));
        List<Path> written = writeReports(run, formatNames);
        failOnUnreadableInput(run);
        if (gate.fails(summary)) {
            String see = written.isEmpty() ? "" : "; see " + Inputs.display(run.basedir(), written.get(0));
            throw new MojoFailureException("posting-lint: " + gate.describe(summary) + see);
        }
        if (gate.threshold() != null && gate.counted(summary) > 0) {
            getLog().warn("posting-lint: " + gate.describe(summary) + " are tolerated");
        }
    }

    /** The run without the findings the baseline holds (the run itself when no baseline is configured). */
    private LintRun applyBaseline(LintRun run) throws MojoExecutionException {
        if (baseline == null) {
            return run;
        }
        Path file = baseline.toPath().isAbsolute() ? baseline.toPath() : run.basedir().resolve(baseline.toPath());
        Baseline known;
        try {
            known = Baseline.read(file);
        } catch (IOException e) {
            throw new MojoExecutionException("posting-lint: cannot read the baseline: " + e.getMessage(), e);
        }
        Baseline.Applied applied = known.apply(run.report(), Baseline.keys(file, run.basedir()));
        getLog().info("posting-lint: baseline " + Inputs.display(run.basedir(), file) + ": "
                + FindingLog.plural(applied.known(), "known finding") + " not reported"
                + (applied.fixed().isEmpty() ? "" : "; " + applied.fixed().size() + (applied.fixed().size() == 1 ? " entry" : " entries")
                        + " fixed since (posting-lint check --write-baseline drops them)"));
        return run.withReport(applied.report());
    }
}

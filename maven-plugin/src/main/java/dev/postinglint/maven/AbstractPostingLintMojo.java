package dev.postinglint.maven;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.input.InputKind;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.regex.Globs;
import dev.postinglint.core.report.TerminalText;
import dev.postinglint.core.session.CheckOutcome;
import dev.postinglint.core.session.CheckRequest;
import dev.postinglint.core.session.CheckSession;
import dev.postinglint.core.session.LintSettings;
import dev.postinglint.core.session.Messages;
import dev.postinglint.core.session.Postings;
import dev.postinglint.core.session.SessionException;
import dev.postinglint.core.yaml.PolicyException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every posting-lint goal shares: which postings, which policies, which day. A goal implements
 * {@link #validate()} (check its own parameters before any work) and {@link #handle(LintSettings, Postings)} (run a
 * check or fix session of posting-lint-core on them and log the outcome: gate the build, write reports,
 * apply fixes). Holds no run logic of its own.
 */
public abstract class AbstractPostingLintMojo extends AbstractMojo {
    static final String DEFAULT_SOURCE_DIRECTORY = "src/postings";
    /** The core's default includes (HTML, Markdown, board exports), as a parameter default must spell them. */
    static final String DEFAULT_INCLUDE = "**/*.html,**/*.htm,**/*.md,**/*.markdown,**/*.json";

    /** The module's base directory: policies and source directories are relative to it, and so are reported paths. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File basedir;

    /** Skip posting-lint for this module (or, with {@code -Dposting-lint.skip}, for the whole build). */
    @Parameter(property = "posting-lint.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Policy files (relative to the module's basedir) or built-in packs ({@code builtin:NAME}), used
     * together. Default: for each posting, the nearest {@code .posting-lint.yaml} (or {@code .yml})
     * from its directory upward through the module and the directories above it; else
     * {@code builtin:default}.
     */
    @Parameter(property = "posting-lint.policies")
    protected List<String> policies;

    /** Directories (relative to the module's basedir) holding the postings. A module without them is skipped. */
    @Parameter(property = "posting-lint.sourceDirectories", defaultValue = DEFAULT_SOURCE_DIRECTORY)
    protected List<String> sourceDirectories;

    /** Glob patterns (java.nio syntax, relative to each source directory) of the files to check. */
    @Parameter(property = "posting-lint.includes", defaultValue = DEFAULT_INCLUDE)
    protected List<String> includes;

    /** Glob patterns of files or directories to leave out. */
    @Parameter(property = "posting-lint.excludes")
    protected List<String> excludes;

    /** Where report files go, named {@code posting-lint.json}, {@code posting-lint.sarif} and so on. */
    @Parameter(property = "posting-lint.outputDirectory", defaultValue = "${project.build.directory}/posting-lint")
    protected File outputDirectory;

    /** Judge dated rules as of this day, written YYYY-MM-DD (default: today), for reproducible builds. */
    @Parameter(property = "posting-lint.asOf")
    protected String asOf;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("posting-lint: skipped (posting-lint.skip)");
            return;
        }
        validate();
        LintSettings settings = settings();
        Postings postings = postings();
        if (postings != null) {
            handle(settings, postings);
        }
    }

    /** Checks the goal's own parameters before any work; a bad value is a {@link MojoExecutionException}. */
    protected abstract void validate() throws MojoExecutionException;

    /** Acts on the module's postings (there is at least one). */
    protected abstract void handle(LintSettings settings, Postings postings) throws MojoExecutionException, MojoFailureException;

    /**
     * Finds the module's postings; null (after an info line) when there are none, so that a module without
     * postings is skipped before its policies are even loaded.
     */
    protected Postings postings() throws MojoExecutionException {
        Path base = basedir();
        List<String> dirs = Options.listOr(sourceDirectories, List.of(DEFAULT_SOURCE_DIRECTORY));
        Globs inc = option(() -> new Globs(Options.listOr(includes, InputKind.DEFAULT_INCLUDES)));
        Globs exc = option(() -> new Globs(Options.listOr(excludes, List.of())));

        Inputs.Found found = Inputs.collect(base, dirs, inc, exc);
        found.notes().forEach(n -> getLog().warn("posting-lint: " + TerminalText.safe(n)));
        if (found.files().isEmpty()) {
            if (!found.errors().isEmpty()) {
                throw new MojoExecutionException("posting-lint: cannot read the postings: " + String.join("; ", found.errors()));
            }
            if (found.missing().size() == dirs.size()) {
                getLog().info("posting-lint: no postings directory (" + String.join(", ", found.missing()) + "), skipping");
            } else {
                getLog().info("posting-lint: no posting files match " + String.join(", ", inc.patterns()) + " in "
                        + String.join(", ", dirs) + ", skipping");
            }
            return null;
        }
        found.missing().forEach(m -> getLog().debug("posting-lint: no directory " + m));
        return found.postings();
    }

    /** The module's base directory, absolute. */
    protected Path basedir() {
        return basedir.toPath().toAbsolutePath().normalize();
    }

    /** The configured policies (relative to the module) and day; all cores; the core's size limit. */
    protected LintSettings settings() throws MojoExecutionException {
        LocalDate date = option(() -> Options.asOf(asOf, LocalDate.now()));
        return new LintSettings(Options.listOr(policies, List.of()), basedir(), date, LintSettings.defaultThreads(),
                Linter.DEFAULT_MAX_FILE_BYTES);
    }

    /** Opens a check session: a broken baseline or policy fails the goal as an execution error. */
    protected CheckSession openCheck(CheckRequest request) throws MojoExecutionException {
        try {
            return CheckSession.open(request);
        } catch (SessionException | IOException e) {
            throw new MojoExecutionException("posting-lint: cannot read the baseline: " + e.getMessage(), e);
        } catch (PolicyException e) {
            throw brokenPolicy(e);
        }
    }

    /** Lints the postings in a check session; a broken policy fails the goal as an execution error. */
    protected CheckOutcome check(CheckRequest request, Postings postings) throws MojoExecutionException {
        CheckSession session = openCheck(request);
        try {
            CheckOutcome outcome = session.check(postings);
            getLog().debug("posting-lint: policies " + String.join(", ", outcome.full().policies()));
            return outcome;
        } catch (PolicyException e) {
            throw brokenPolicy(e);
        } catch (IOException e) { // only writing a baseline throws it
            throw new MojoExecutionException("posting-lint: cannot write the baseline: " + e.getMessage(), e);
        }
    }

    /** Logs each of the policy's problems as an error of its own (file:line:col: message), then fails. */
    protected MojoExecutionException brokenPolicy(PolicyException e) {
        for (PolicyException.Problem problem : e.problems()) {
            getLog().error("posting-lint: " + problem);
        }
        return new MojoExecutionException("posting-lint: broken policy: " + e.getMessage(), e);
    }

    /** Writes the report files and logs where they went. */
    protected List<Path> writeReports(LintReport report, List<String> formats) throws MojoExecutionException {
        Path dir = outputDirectory.toPath();
        try {
            List<Path> written = ReportFiles.write(report, formats, dir);
            for (Path p : written) {
                getLog().info("posting-lint: wrote " + Postings.display(basedir(), p));
            }
            return written;
        } catch (IOException e) {
            throw new MojoExecutionException("posting-lint: cannot write reports to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Fails the goal when some posting (or directory) could not be read at all. */
    protected void failOnUnreadableInput(CheckOutcome outcome) throws MojoExecutionException {
        List<String> unreadable = outcome.unreadable();
        if (!unreadable.isEmpty()) {
            throw new MojoExecutionException("posting-lint: cannot read " + Messages.plural(unreadable.size(), "path")
                    + ": " + TerminalText.safe(String.join("; ", unreadable)));
        }
    }

    /** Parameter reading that throws {@link IllegalArgumentException} on a bad value. */
    protected interface OptionReader<T> {
        T read();
    }

    /** Reads a parameter, turning a bad value into a {@link MojoExecutionException}. */
    protected static <T> T option(OptionReader<T> reader) throws MojoExecutionException {
        try {
            return reader.read();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("posting-lint: " + e.getMessage(), e);
        }
    }
}

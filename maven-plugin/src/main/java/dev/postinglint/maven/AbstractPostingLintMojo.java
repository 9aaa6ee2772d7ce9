package dev.postinglint.maven;

import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.session.CheckOutcome;
import dev.postinglint.core.session.CheckRequest;
import dev.postinglint.core.session.CheckSession;
import dev.postinglint.core.session.LintSettings;
import dev.postinglint.core.session.Postings;
import dev.postinglint.core.yaml.PolicyException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every posting-lint goal shares: which postings, which policies, which day. A goal implements
 * {@link #validate()} (check its own parameters before any work) and {@link #handle(LintSettings, Postings)} (run a
 * check or fix session of posting-lint-core on them and log the outcome: gate the build, write reports,
 * apply fixes). The steps themselves are {@link GoalRun}'s, which the report goal shares.
 */
public abstract class AbstractPostingLintMojo extends AbstractMojo {
    static final String DEFAULT_SOURCE_DIRECTORY = GoalRun.DEFAULT_SOURCE_DIRECTORY;
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

    /**
     * Which part of an HTML file is the posting: {@code auto} (a whole saved page's main content: {@code main},
     * {@code article} or a job board's posting container; else the whole file), {@code whole-file}, or a CSS
     * selector naming the content element (the first match; the whole file when nothing matches). Default: each
     * policy's {@code content:}, else {@code auto}.
     */
    @Parameter(property = "posting-lint.content")
    protected String content;

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

    /** The shared steps, with this goal's parameters and log. */
    protected GoalRun run() {
        return new GoalRun(getLog(), basedir, policies, sourceDirectories, includes, excludes, asOf, content, outputDirectory);
    }

    /** See {@link GoalRun#postings()}. */
    protected Postings postings() throws MojoExecutionException {
        return run().postings();
    }

    /** The module's base directory, absolute. */
    protected Path basedir() {
        return run().basedir();
    }

    /** See {@link GoalRun#settings()}. */
    protected LintSettings settings() throws MojoExecutionException {
        return run().settings();
    }

    /** See {@link GoalRun#openCheck(CheckRequest)}. */
    protected CheckSession openCheck(CheckRequest request) throws MojoExecutionException {
        return run().openCheck(request);
    }

    /** See {@link GoalRun#check(CheckRequest, Postings)}. */
    protected CheckOutcome check(CheckRequest request, Postings postings) throws MojoExecutionException {
        return run().check(request, postings);
    }

    /** See {@link GoalRun#brokenPolicy(PolicyException)}. */
    protected MojoExecutionException brokenPolicy(PolicyException e) {
        return run().brokenPolicy(e);
    }

    /** See {@link GoalRun#writeReports(LintReport, List)}. */
    protected List<Path> writeReports(LintReport report, List<String> formats) throws MojoExecutionException {
        return run().writeReports(report, formats);
    }

    /** See {@link GoalRun#failOnUnreadableInput(CheckOutcome)}. */
    protected void failOnUnreadableInput(CheckOutcome outcome) throws MojoExecutionException {
        GoalRun.failOnUnreadableInput(outcome);
    }

    /** Reads a parameter, turning a bad value into a {@link MojoExecutionException}. */
    protected static <T> T option(GoalRun.OptionReader<T> reader) throws MojoExecutionException {
        return GoalRun.option(reader);
    }
}

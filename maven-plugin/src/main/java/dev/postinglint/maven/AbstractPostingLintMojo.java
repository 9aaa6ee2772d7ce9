package dev.postinglint.maven;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.input.InputKind;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.policy.PolicyResolver;
import dev.postinglint.core.regex.Globs;
import dev.postinglint.core.yaml.PolicyException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every posting-lint goal shares: which postings, which policies, which day, and the lint run
 * itself. A goal implements {@link #validate()} (check its own parameters before any work) and
 * {@link #handle(LintRun)} (what to do with the results: gate the build, write reports, or later
 * apply fixes). Holds no rule logic: everything is delegated to posting-lint-core.
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

    /** The outcome of linting one module: its postings and the core's report on them. */
    protected record LintRun(Path basedir, List<InputFile> files, LintReport report, List<String> inputErrors) {
        public LintRun {
            files = List.copyOf(files);
            inputErrors = List.copyOf(inputErrors);
        }

        /** The posting a result's path names (for goals that act on files, such as a fix goal). */
        public InputFile file(String displayPath) {
            return files.stream().filter(f -> f.displayPath().equals(displayPath)).findFirst().orElse(null);
        }

        /** The same run with another report (e.g. without the findings a baseline holds). */
        public LintRun withReport(LintReport other) {
            return new LintRun(basedir, files, other, inputErrors);
        }

        /** Paths that could not be read, with the reason, in path order. */
        public List<String> unreadable() {
            List<String> out = new ArrayList<>(inputErrors);
            for (FileResult r : report.files()) {
                if (r.ioError()) {
                    for (Finding f : r.findings()) {
                        out.add(f.message());
                    }
                }
            }
            return out;
        }
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("posting-lint: skipped (posting-lint.skip)");
            return;
        }
        validate();
        LintRun run = lint();
        if (run != null) {
            handle(run);
        }
    }

    /** Checks the goal's own parameters before any work; a bad value is a {@link MojoExecutionException}. */
    protected abstract void validate() throws MojoExecutionException;

    /** Acts on the results of a run that found postings. */
    protected abstract void handle(LintRun run) throws MojoExecutionException, MojoFailureException;

    /** Finds the module's postings and lints them; null (after an info line) when there are none. */
    protected LintRun lint() throws MojoExecutionException {
        Path base = basedir.toPath().toAbsolutePath().normalize();
        LocalDate date = option(() -> Options.asOf(asOf, LocalDate.now()));
        List<String> dirs = Options.listOr(sourceDirectories, List.of(DEFAULT_SOURCE_DIRECTORY));
        Globs inc = option(() -> new Globs(Options.listOr(includes, InputKind.DEFAULT_INCLUDES)));
        Globs exc = option(() -> new Globs(Options.listOr(excludes, List.of())));

        Inputs.Found found = Inputs.collect(base, dirs, inc, exc);
        found.notes().forEach(n -> getLog().warn("posting-lint: " + n));
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

        try {
            PolicyResolver resolver = resolver(base);
            LintReport report = linter(date).lint(found.files(), resolver);
            getLog().debug("posting-lint: policies " + String.join(", ", report.policies()));
            return new LintRun(base, found.files(), report, found.errors());
        } catch (PolicyException e) {
            throw new MojoExecutionException("posting-lint: broken policy: " + e.getMessage(), e);
        }
    }

    /** The configured policies, or nearest-config discovery; a broken policy throws {@link PolicyException}. */
    protected PolicyResolver resolver(Path base) {
        PolicyLoader loader = new PolicyLoader();
        List<String> refs = Options.listOr(policies, List.of());
        return refs.isEmpty() ? PolicyResolver.discovering(loader) : PolicyResolver.fixed(loader.load(refs, base));
    }

    /** The engine, judging as of the configured day. */
    protected Linter linter(LocalDate date) {
        return new Linter(date, Runtime.getRuntime().availableProcessors(), Linter.DEFAULT_MAX_FILE_BYTES);
    }

    /** The configured as-of day (default today). */
    protected LocalDate asOfDate() throws MojoExecutionException {
        return option(() -> Options.asOf(asOf, LocalDate.now()));
    }

    /** Writes the report files and logs where they went. */
    protected List<Path> writeReports(LintRun run, List<String> formats) throws MojoExecutionException {
        Path dir = outputDirectory.toPath();
        try {
            List<Path> written = ReportFiles.write(run.report(), formats, dir);
            for (Path p : written) {
                getLog().info("posting-lint: wrote " + Inputs.display(run.basedir(), p));
            }
            return written;
        } catch (IOException e) {
            throw new MojoExecutionException("posting-lint: cannot write reports to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Fails the goal when some posting (or directory) could not be read at all. */
    protected void failOnUnreadableInput(LintRun run) throws MojoExecutionException {
        List<String> unreadable = run.unreadable();
        if (!unreadable.isEmpty()) {
            throw new MojoExecutionException("posting-lint: cannot read " + FindingLog.plural(unreadable.size(), "path")
                    + ": " + String.join("; ", unreadable));
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

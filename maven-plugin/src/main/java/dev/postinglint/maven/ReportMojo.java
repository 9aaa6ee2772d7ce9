package dev.postinglint.maven;

import dev.postinglint.core.report.ReportFormats;
import dev.postinglint.core.session.CheckOutcome;
import dev.postinglint.core.session.CheckRequest;
import dev.postinglint.core.session.FailGate;
import dev.postinglint.core.session.LintSettings;
import dev.postinglint.core.session.Messages;
import dev.postinglint.core.session.Postings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * A Maven report: in {@code <reporting>}, {@code mvn site} renders a posting-lint page among the project's
 * reports (summary, rules ranked by the postings they affect, findings per posting), and
 * {@code mvn posting-lint:report} renders the same page on its own. Either way it also writes the report files to
 * {@code filesDirectory} (the HTML report when this posting-lint has that format, plus any formats asked for;
 * JSON when there is nothing else) and puts a copy of the HTML report beside the page, which links to it. It never
 * fails the build on findings; broken policies and unreadable postings still fail it.
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractMavenReport {
    static final String HTML = "html";
    /** The page's name in the site, {@code posting-lint.html}. */
    static final String OUTPUT_NAME = "posting-lint";
    /** Where the copy of the HTML report goes, relative to the page. */
    static final String INTERACTIVE = "posting-lint/" + ReportFormats.defaultFileName(HTML);

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

    /** Directories (relative to the module's basedir) holding the postings. A module without them has no page. */
    @Parameter(property = "posting-lint.sourceDirectories", defaultValue = AbstractPostingLintMojo.DEFAULT_SOURCE_DIRECTORY)
    protected List<String> sourceDirectories;

    /** Glob patterns (java.nio syntax, relative to each source directory) of the files to check. */
    @Parameter(property = "posting-lint.includes", defaultValue = AbstractPostingLintMojo.DEFAULT_INCLUDE)
    protected List<String> includes;

    /** Glob patterns of files or directories to leave out. */
    @Parameter(property = "posting-lint.excludes")
    protected List<String> excludes;

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

    /** Report formats to write besides HTML, comma-separated (e.g. {@code json,sarif}). */
    @Parameter(property = "posting-lint.formats")
    protected String formats;

    /**
     * Where the report files go, named {@code posting-lint.html}, {@code posting-lint.json} and so on (the
     * {@code check} goal's {@code outputDirectory}, and the same property: {@code outputDirectory} is where a
     * Maven report's page goes).
     */
    @Parameter(property = "posting-lint.outputDirectory", defaultValue = "${project.build.directory}/posting-lint")
    protected File filesDirectory;

    /**
     * At most this many findings are listed on the site page, the most serious first (0 lists none); the
     * summary and the rules count them all, and the HTML report beside the page lists every one.
     */
    @Parameter(property = "posting-lint.siteFindingsLimit", defaultValue = "1000")
    protected int siteFindingsLimit;

    /** The postings canGenerateReport found, kept for executeReport. */
    private Postings found;

    @Override
    public String getOutputPath() {
        return OUTPUT_NAME;
    }

    /** Still abstract in the reporting API, and what maven-reporting-impl names the standalone page after. */
    @Override
    @SuppressWarnings("deprecation")
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getName(Locale locale) {
        return SiteReportRenderer.bundle(locale).getString("report.name");
    }

    @Override
    public String getDescription(Locale locale) {
        return SiteReportRenderer.bundle(locale).getString("report.description");
    }

    /** A module without postings (or skipped) gets no page, as one without Java sources gets no Checkstyle page. */
    @Override
    public boolean canGenerateReport() throws MavenReportException {
        if (skip) {
            getLog().info("posting-lint: skipped (posting-lint.skip)");
            return false;
        }
        if (found == null) {
            try {
                found = run().postings();
            } catch (MojoExecutionException e) {
                throw new MavenReportException(e.getMessage(), e);
            }
        }
        return found != null;
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        try {
            render(locale);
        } catch (MojoExecutionException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
    }

    private void render(Locale locale) throws MojoExecutionException, MavenReportException {
        List<String> formatNames = GoalRun.option(() -> reportFormats(ReportFormats.names(), Options.formats(formats)));
        int limit = GoalRun.option(() -> siteFindingsLimit(siteFindingsLimit));
        GoalRun run = run();
        LintSettings settings = run.settings();
        if (found == null && !canGenerateReport()) {
            return;
        }
        CheckOutcome outcome = run.check(CheckRequest.of(settings, FailGate.at(null)), found);
        getLog().info("posting-lint: " + Messages.summary(outcome.report().summary()));
        List<Path> written = run.writeReports(outcome.report(), formatNames);
        String link = copyInteractive(written);
        new SiteReportRenderer(getSink(), SiteReportRenderer.bundle(locale), outcome.report(), link, limit).render();
        GoalRun.failOnUnreadableInput(outcome);
    }

    /** Copies the HTML report next to the page (so that a published site has it too); its link, or null. */
    private String copyInteractive(List<Path> written) throws MavenReportException {
        String html = ReportFormats.defaultFileName(HTML);
        Path source = written.stream().filter(p -> p.getFileName().toString().equals(html)).findFirst().orElse(null);
        if (source == null) {
            return null;
        }
        Path target = getReportOutputDirectory().toPath().resolve(INTERACTIVE);
        try {
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MavenReportException("posting-lint: cannot copy the HTML report to " + target + ": " + e.getMessage(), e);
        }
        return INTERACTIVE;
    }

    private GoalRun run() {
        return new GoalRun(getLog(), basedir, policies, sourceDirectories, includes, excludes, asOf, content, filesDirectory);
    }

    /** {@code siteFindingsLimit}: zero or more. */
    static int siteFindingsLimit(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("siteFindingsLimit must be 0 or more, not " + value);
        }
        return value;
    }

    /** HTML first when available, then the formats asked for; JSON when that leaves nothing. */
    static List<String> reportFormats(List<String> available, List<String> asked) {
        List<String> out = new ArrayList<>();
        if (available.contains(HTML)) {
            out.add(HTML);
        }
        for (String f : asked) {
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        if (out.isEmpty()) {
            out.add("json");
        }
        return List.copyOf(out);
    }
}

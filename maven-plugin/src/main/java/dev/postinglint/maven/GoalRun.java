package dev.postinglint.maven;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.input.InputKind;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.posting.ContentChoice;
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
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * The steps every goal shares, from the input parameters they share: find the postings, load the policies, run a
 * check session, write the report files. The goals are mojos ({@link AbstractPostingLintMojo}) or a Maven report
 * ({@link ReportMojo}), two class hierarchies, so they hand their parameters to this rather than inherit it.
 */
record GoalRun(Log log, File basedirFile, List<String> policies, List<String> sourceDirectories, List<String> includes,
        List<String> excludes, String asOf, String content, File outputDirectory) {
    static final String DEFAULT_SOURCE_DIRECTORY = "src/postings";

    /**
     * Finds the module's postings; null (after an info line) when there are none, so that a module without
     * postings is skipped before its policies are even loaded.
     */
    Postings postings() throws MojoExecutionException {
        Path base = basedir();
        List<String> dirs = Options.listOr(sourceDirectories, List.of(DEFAULT_SOURCE_DIRECTORY));
        Globs inc = option(() -> new Globs(Options.listOr(includes, InputKind.DEFAULT_INCLUDES)));
        Globs exc = option(() -> new Globs(Options.listOr(excludes, List.of())));

        Inputs.Found found = Inputs.collect(base, dirs, inc, exc);
        found.notes().forEach(n -> log.warn("posting-lint: " + TerminalText.safe(n)));
        if (found.files().isEmpty()) {
            if (!found.errors().isEmpty()) {
                throw new MojoExecutionException("posting-lint: cannot read the postings: " + String.join("; ", found.errors()));
            }
            if (found.missing().size() == dirs.size()) {
                log.info("posting-lint: no postings directory (" + String.join(", ", found.missing()) + "), skipping");
            } else {
                log.info("posting-lint: no posting files match " + String.join(", ", inc.patterns()) + " in "
                        + String.join(", ", dirs) + ", skipping");
            }
            return null;
        }
        found.missing().forEach(m -> log.debug("posting-lint: no directory " + m));
        return found.postings();
    }

    /** The module's base directory, absolute. */
    Path basedir() {
        return basedirFile.toPath().toAbsolutePath().normalize();
    }

    /**
     * The configured policies (relative to the module), day and content choice (null: each policy's
     * {@code content:}); all cores; the core's size limit.
     */
    LintSettings settings() throws MojoExecutionException {
        LocalDate date = option(() -> Options.asOf(asOf, LocalDate.now()));
        ContentChoice choice = option(() -> Options.content(content));
        return new LintSettings(Options.listOr(policies, List.of()), basedir(), date, LintSettings.defaultThreads(),
                Linter.DEFAULT_MAX_FILE_BYTES, choice);
    }

    /** Opens a check session: a broken baseline or policy fails the goal as an execution error. */
    CheckSession openCheck(CheckRequest request) throws MojoExecutionException {
        try {
            return CheckSession.open(request);
        } catch (SessionException | IOException e) {
            throw new MojoExecutionException("posting-lint: cannot read the baseline: " + e.getMessage(), e);
        } catch (PolicyException e) {
            throw brokenPolicy(e);
        }
    }

    /** Lints the postings in a check session; a broken policy fails the goal as an execution error. */
    CheckOutcome check(CheckRequest request, Postings postings) throws MojoExecutionException {
        CheckSession session = openCheck(request);
        try {
            CheckOutcome outcome = session.check(postings);
            log.debug("posting-lint: policies " + String.join(", ", outcome.full().policies()));
            return outcome;
        } catch (PolicyException e) {
            throw brokenPolicy(e);
        } catch (IOException e) { // only writing a baseline throws it
            throw new MojoExecutionException("posting-lint: cannot write the baseline: " + e.getMessage(), e);
        }
    }

    /** Logs each of the policy's problems as an error of its own (file:line:col: message), then fails. */
    MojoExecutionException brokenPolicy(PolicyException e) {
        for (PolicyException.Problem problem : e.problems()) {
            log.error("posting-lint: " + problem);
        }
        return new MojoExecutionException("posting-lint: broken policy: " + e.getMessage(), e);
    }

    /** Writes the report files and logs where they went. */
    List<Path> writeReports(LintReport report, List<String> formats) throws MojoExecutionException {
        Path dir = outputDirectory.toPath();
        try {
            List<Path> written = ReportFiles.write(report, formats, dir);
            for (Path p : written) {
                log.info("posting-lint: wrote " + Postings.display(basedir(), p));
            }
            return written;
        } catch (IOException e) {
            throw new MojoExecutionException("posting-lint: cannot write reports to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Fails the goal when some posting (or directory) could not be read at all. */
    static void failOnUnreadableInput(CheckOutcome outcome) throws MojoExecutionException {
        List<String> unreadable = outcome.unreadable();
        if (!unreadable.isEmpty()) {
            throw new MojoExecutionException("posting-lint: cannot read " + Messages.plural(unreadable.size(), "path")
                    + ": " + TerminalText.safe(String.join("; ", unreadable)));
        }
    }

    /** Parameter reading that throws {@link IllegalArgumentException} on a bad value. */
    interface OptionReader<T> {
        T read();
    }

    /** Reads a parameter, turning a bad value into a {@link MojoExecutionException}. */
    static <T> T option(OptionReader<T> reader) throws MojoExecutionException {
        try {
            return reader.read();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("posting-lint: " + e.getMessage(), e);
        }
    }
}

package dev.postinglint.cli;

import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.ResultStream;
import dev.postinglint.core.model.RunHeader;
import dev.postinglint.core.model.RunTotals;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.report.ReportFormats;
import dev.postinglint.core.report.Reporter;
import dev.postinglint.core.session.ChangedSince;
import dev.postinglint.core.session.CheckOutcome;
import dev.postinglint.core.session.CheckRequest;
import dev.postinglint.core.session.CheckSession;
import dev.postinglint.core.session.FailGate;
import dev.postinglint.core.session.LintSettings;
import dev.postinglint.core.session.Messages;
import dev.postinglint.core.session.Postings;
import dev.postinglint.core.session.SessionException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code posting-lint check}: lint postings and report; the exit code gates CI. */
final class CheckCommand implements Callable<Integer> {
    CommandSpec spec;

    LintOptions lint = new LintOptions();

    List<String> formats = new ArrayList<>();

    Path output;

    TextOptions text = new TextOptions();

    String minSeverity;

    Path baseline;

    Path writeBaseline;

    String changedSince;

    Path stdinFilename;

    /** This command's model, built in code (start-up: see {@link Specs}); options in help order. */
    static CommandSpec spec(CheckCommand c) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(c).name("check");
        spec.usageMessage().sortOptions(false).description("Check job postings against a policy.")
                .footer("", "Exit codes: 0 nothing reached --fail-on, 1 something did, 2 anything else (usage, policy, I/O or internal error, out of memory).",
                        "With --baseline, findings recorded in the baseline are not reported and do not count;",
                        "--write-baseline records today's findings (and drops fixed ones) and exits 0.");
        c.lint.addTo(spec);
        spec.addOption(Specs.option(List.class, () -> c.formats, v -> c.formats = v, "--format").auxiliaryTypes(String.class)
                .paramLabel("NAME[=FILE]").completionCandidates(new FormatNames())
                .description("Output format: ${COMPLETION-CANDIDATES}. Repeatable; NAME=FILE writes that format to FILE. Default: text.").build());
        spec.addOption(Specs.option(Path.class, () -> c.output, v -> c.output = v, "-o", "--output").paramLabel("FILE")
                .description("Write the (single) format to FILE instead of standard output.").build());
        c.text.addTo(spec);
        spec.addOption(Specs.option(String.class, () -> c.minSeverity, v -> c.minSeverity = v, "--min-severity").paramLabel("LEVEL")
                .description("Least serious findings to list: error, warning or info (default: warning for text and github,"
                        + " everything for reports written as files; --quiet: error). The summary counts what is not listed.").build());
        spec.addOption(Specs.option(Path.class, () -> c.baseline, v -> c.baseline = v, "--baseline").paramLabel("FILE")
                .description("Report and fail only on findings that are not in this baseline; say how many of its entries are fixed.").build());
        spec.addOption(Specs.option(Path.class, () -> c.writeBaseline, v -> c.writeBaseline = v, "--write-baseline").paramLabel("FILE")
                .description("Record today's findings in FILE (a ratchet: entries fixed since are dropped) and exit 0.").build());
        spec.addOption(Specs.option(String.class, () -> c.changedSince, v -> c.changedSince = v, "--changed-since").paramLabel("REF")
                .description("Report and gate only the postings git counts as changed since REF (git diff REF...HEAD, plus uncommitted "
                        + "and untracked files); every posting is still linted, so drift is judged against the whole repository.").build());
        spec.addOption(Specs.option(Path.class, () -> c.stdinFilename, v -> c.stdinFilename = v, "--stdin-filename").paramLabel("PATH")
                .description("With '-' as the only PATH: lint standard input as if it were the file PATH (its suffix says HTML or Markdown, "
                        + "its directory which .posting-lint.yaml applies; findings name PATH). For editors and hooks.").build());
        Specs.standardHelpOptions(spec);
        c.spec = spec;
        return spec;
    }

    static final class FormatNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        FormatNames() {
            super(ReportFormats.names());
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        FailGate gate = lint.gate();
        LintSettings settings = lint.settings();
        List<Target> targets = parseFormats();
        targets.forEach(t -> minimum(t.format)); // a bad --min-severity is named before the run, not after
        boolean stdin = readsStdin();
        ChangedSince changed = changedSince == null ? null : ChangedSince.read("--changed-since", changedSince, Path.of(""));
        CheckSession session = CheckSession.open(new CheckRequest(settings, gate, baseline, writeBaseline, null, changed));
        CheckOutcome outcome;
        if (stdin) {
            guard(List.of(InputFile.of(stdinFilename)), targets);
            // One byte over the limit is enough to refuse it, without holding an endless stream.
            outcome = session.checkText(stdinFilename, System.in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxFileBytes() + 1)));
        } else {
            Postings postings = lint.collect(err);
            if (postings == null) {
                return Main.USAGE_OR_IO;
            }
            guard(postings.files(), targets);
            if (session.streams()) {
                // Reports are written while the run goes on; the run holds no posting's findings for them.
                return session.check(postings, streams(targets)).code();
            }
            outcome = session.check(postings);
        }
        if (changed != null) {
            err.println("posting-lint: " + Messages.changedSince(outcome, changedSince));
        }
        if (outcome.baselineUse() != null) {
            err.println("posting-lint: " + Messages.baselineApplied(baseline.toString(), outcome.baselineUse(),
                    n -> "run --write-baseline " + baseline + " to drop " + (n == 1 ? "it" : "them")));
        }
        for (Target t : targets) {
            Severity minimum = minimum(t.format);
            Reporter reporter = t.format.equals("text") ? text.textReporter(t.file == null, minimum) : ReportFormats.create(t.format, minimum);
            if (t.file == null) {
                PrintWriter out = spec.commandLine().getOut();
                reporter.write(outcome.report(), out);
                out.flush();
            } else {
                writeFile(t.file, reporter, outcome.report());
            }
        }
        CheckOutcome.BaselineWrite written = outcome.baselineWrite();
        if (written != null) {
            if (written.unreadablePrevious() != null) {
                err.println("posting-lint: replacing unreadable baseline: " + written.unreadablePrevious());
            }
            err.println("posting-lint: " + Messages.baselineWritten(writeBaseline.toString(), written));
        }
        return outcome.status().code();
    }

    /**
     * One stream to every target: standard output, or a file created when the run begins (a file that cannot be
     * written is one line and exit 2, as {@link #writeFile} says it). Each is flushed and closed when the run ends.
     */
    private ResultStream streams(List<Target> targets) {
        List<ResultStream> each = new ArrayList<>();
        for (Target t : targets) {
            Severity minimum = minimum(t.format);
            Reporter reporter = t.format.equals("text") ? text.textReporter(t.file == null, minimum) : ReportFormats.create(t.format, minimum);
            each.add(t.file == null ? toStdout(reporter) : toFile(t.file, reporter));
        }
        return new ResultStream() {
            @Override
            public void begin(RunHeader header) throws IOException {
                for (ResultStream s : each) {
                    s.begin(header);
                }
            }

            @Override
            public void file(FileResult result) throws IOException {
                for (ResultStream s : each) {
                    s.file(result);
                }
            }

            @Override
            public void end(RunTotals totals) throws IOException {
                for (ResultStream s : each) {
                    s.end(totals);
                }
            }
        };
    }

    private ResultStream toStdout(Reporter reporter) {
        PrintWriter out = spec.commandLine().getOut();
        ResultStream to = reporter.open(out);
        return new ResultStream() {
            @Override
            public void begin(RunHeader header) throws IOException {
                to.begin(header);
            }

            @Override
            public void file(FileResult result) throws IOException {
                to.file(result);
            }

            @Override
            public void end(RunTotals totals) throws IOException {
                to.end(totals);
                out.flush();
            }
        };
    }

    private static ResultStream toFile(Path file, Reporter reporter) {
        return new ResultStream() {
            private Writer w;
            private ResultStream to;

            @Override
            public void begin(RunHeader header) {
                try {
                    Path parent = file.toAbsolutePath().getParent();
                    if (parent != null) {
                        Files.createDirectories(parent);
                    }
                    w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
                    to = reporter.open(w);
                    to.begin(header);
                } catch (IOException | java.io.UncheckedIOException e) {
                    throw cannotWrite(file, e);
                }
            }

            @Override
            public void file(FileResult result) {
                try {
                    to.file(result);
                } catch (IOException | java.io.UncheckedIOException e) {
                    throw cannotWrite(file, e);
                }
            }

            @Override
            public void end(RunTotals totals) {
                try {
                    to.end(totals);
                    w.close();
                } catch (IOException | java.io.UncheckedIOException e) {
                    throw cannotWrite(file, e);
                }
            }
        };
    }

    /** Refuses, before anything is written, an output that is one of the run's inputs (a posting, a policy, the baseline). */
    private void guard(List<InputFile> postings, List<Target> targets) {
        OutputGuard guard = new OutputGuard(postings, lint.policy.policies, baseline);
        targets.forEach(t -> guard.check(t.file == output ? "--output" : "--format " + t.format + "=" + t.file + " (", t.file));
        guard.check("--write-baseline", writeBaseline);
    }

    /** {@code -} with {@code --stdin-filename}: both or neither, and {@code -} alone. */
    private boolean readsStdin() {
        boolean dash = lint.paths.contains(Path.of("-"));
        if (stdinFilename == null) {
            if (dash) {
                throw new SessionException("'-' reads standard input and needs --stdin-filename PATH (the file it stands for)");
            }
            return false;
        }
        if (!dash || lint.paths.size() != 1) {
            throw new SessionException("--stdin-filename needs '-' as the only PATH");
        }
        return true;
    }

    /** The display threshold for a format: --min-severity when given, else --quiet's, else the format's own. */
    private Severity minimum(String format) {
        if (minSeverity != null) {
            return Severity.parse(minSeverity).orElseThrow(() -> new SessionException(
                    "--min-severity: '" + minSeverity + "' is not a severity (error, warning, info)"));
        }
        if (text.quiet && format.equals("text")) {
            return Severity.ERROR;
        }
        return ReportFormats.defaultMinimum(format);
    }

    private record Target(String format, Path file) {
    }

    private List<Target> parseFormats() {
        List<String> given = formats.isEmpty() ? List.of("text") : formats;
        List<Target> out = new ArrayList<>();
        int toStdout = 0;
        for (String f : given) {
            int eq = f.indexOf('=');
            String name = (eq < 0 ? f : f.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            if (!ReportFormats.names().contains(name)) {
                throw new SessionException("unknown format '" + name + "' (known: " + String.join(", ", ReportFormats.names()) + ")");
            }
            Path file = eq < 0 ? null : Path.of(f.substring(eq + 1));
            if (file == null) {
                if (++toStdout > 1 && output == null) {
                    throw new SessionException("only one format can go to standard output; write the others with NAME=FILE");
                }
                if (output != null) {
                    file = output;
                }
            }
            out.add(new Target(name, file));
        }
        if (output != null && toStdout > 1) {
            throw new SessionException("--output takes one format; write the others with --format NAME=FILE");
        }
        return out;
    }

    /** Writes a report file; one that cannot be written (a full disk, no permission) is one line and exit 2. */
    private static void writeFile(Path file, Reporter reporter, LintReport report) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                reporter.write(report, w);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw cannotWrite(file, e);
        }
    }

    private static SessionException cannotWrite(Path file, Exception e) {
        String reason = e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : String.valueOf(e.getMessage());
        return new SessionException("cannot write " + file + ": " + reason);
    }
}

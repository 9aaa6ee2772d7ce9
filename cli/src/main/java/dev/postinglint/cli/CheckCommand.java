package dev.postinglint.cli;

import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.report.ReportFormats;
import dev.postinglint.core.report.Reporter;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code posting-lint check}: lint postings and report; the exit code gates CI. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check job postings against a policy.",
        footer = {"", "Exit codes: 0 nothing reached --fail-on, 1 something did, 2 anything else (usage, policy, I/O or internal error, out of memory).",
                "With --baseline, findings recorded in the baseline are not reported and do not count;",
                "--write-baseline records today's findings (and drops fixed ones) and exits 0."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LintOptions lint = new LintOptions();

    @Option(names = "--format", paramLabel = "NAME[=FILE]",
            description = "Output format: ${COMPLETION-CANDIDATES}. Repeatable; NAME=FILE writes that format to FILE. Default: text.",
            completionCandidates = FormatNames.class)
    List<String> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the (single) format to FILE instead of standard output.")
    Path output;

    @Mixin
    TextOptions text = new TextOptions();

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Report and fail only on findings that are not in this baseline; say how many of its entries are fixed.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Record today's findings in FILE (a ratchet: entries fixed since are dropped) and exit 0.")
    Path writeBaseline;

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
        CheckSession session = CheckSession.open(new CheckRequest(settings, gate, baseline, writeBaseline, null));
        Postings postings = lint.collect(err);
        if (postings == null) {
            return Main.USAGE_OR_IO;
        }
        OutputGuard guard = new OutputGuard(postings.files(), lint.policy.policies, baseline);
        targets.forEach(t -> guard.check(t.file == output ? "--output" : "--format " + t.format + "=" + t.file + " (", t.file));
        guard.check("--write-baseline", writeBaseline);
        CheckOutcome outcome = session.check(postings);
        if (outcome.baselineUse() != null) {
            err.println("posting-lint: " + Messages.baselineApplied(baseline.toString(), outcome.baselineUse(),
                    n -> "run --write-baseline " + baseline + " to drop " + (n == 1 ? "it" : "them")));
        }
        for (Target t : targets) {
            Reporter reporter = t.format.equals("text") ? text.textReporter(t.file == null) : ReportFormats.create(t.format);
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
            String reason = e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
                    : String.valueOf(e.getMessage());
            throw new SessionException("cannot write " + file + ": " + reason);
        }
    }
}

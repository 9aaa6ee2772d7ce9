package dev.postinglint.cli;

import dev.postinglint.core.filter.Baseline;
import dev.postinglint.core.input.InputCollector;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.report.ReportFormats;
import dev.postinglint.core.report.Reporter;
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
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code posting-lint check}: lint postings and report; the exit code gates CI. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check job postings against a policy.",
        footer = {"", "Exit codes: 0 nothing reached --fail-on, 1 something did, 2 usage, policy or I/O error.",
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
        FormatNames() {
            super(ReportFormats.names());
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        lint.validate();
        Severity threshold = lint.threshold();
        List<Target> targets = parseFormats();
        Baseline known = null;
        if (baseline != null) {
            try {
                known = Baseline.read(baseline);
            } catch (Baseline.BaselineException e) {
                throw new Main.UsageError(e.getMessage());
            }
        }

        PolicyLoader loader = new PolicyLoader();
        var resolver = lint.policy.resolver(loader);
        InputCollector.Collected collected = lint.collect(err);
        if (collected == null) {
            return Main.USAGE_OR_IO;
        }
        LintReport full = lint.linter().lint(collected.files(), resolver);
        LintReport report = full;
        Path cwd = Path.of("").toAbsolutePath();
        if (known != null) {
            Function<String, String> keys = Baseline.keys(baseline, cwd);
            Baseline.Applied applied = known.apply(full, keys);
            report = applied.report();
            err.println("posting-lint: baseline " + baseline + ": " + plural(applied.known(), "known finding") + " not reported"
                    + (applied.fixed().isEmpty() ? "" : "; " + plural(applied.fixed().size(), "entry", "entries")
                            + " fixed since (run --write-baseline " + baseline + " to drop "
                            + (applied.fixed().size() == 1 ? "it" : "them") + ")"));
        }

        for (Target t : targets) {
            Reporter reporter = t.format.equals("text") ? text.textReporter(t.file == null) : ReportFormats.create(t.format);
            if (t.file == null) {
                PrintWriter out = spec.commandLine().getOut();
                reporter.write(report, out);
                out.flush();
            } else {
                writeFile(t.file, reporter, report);
            }
        }
        if (writeBaseline != null) {
            Function<String, String> keys = Baseline.keys(writeBaseline, cwd);
            Baseline previous = Files.exists(writeBaseline) ? readQuietly(writeBaseline, err) : null;
            Path dir = writeBaseline.toAbsolutePath().normalize().getParent();
            Baseline recorded = Baseline.record(full, keys, previous, p -> Files.exists(dir.resolve(p)));
            recorded.write(writeBaseline);
            long added = recorded.entries().stream().filter(e -> previous == null || !previous.entries().contains(e)).count();
            long dropped = previous == null ? 0 : previous.entries().stream().filter(e -> !recorded.entries().contains(e)).count();
            err.println("posting-lint: wrote baseline " + writeBaseline + ": " + plural(recorded.entries().size(), "entry", "entries")
                    + (previous == null ? "" : " (" + dropped + " fixed and dropped, " + added + " new)"));
        }
        if (report.hasIoErrors() || !collected.errors().isEmpty()) {
            return Main.USAGE_OR_IO;
        }
        if (writeBaseline != null) {
            return Main.OK;
        }
        return report.summary().reaches(threshold) ? Main.FINDINGS : Main.OK;
    }

    private static Baseline readQuietly(Path file, PrintWriter err) {
        try {
            return Baseline.read(file);
        } catch (IOException e) {
            err.println("posting-lint: replacing unreadable baseline: " + e.getMessage());
            return null;
        }
    }

    static String plural(long n, String word) {
        return plural(n, word, word + "s");
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
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
                throw new Main.UsageError("unknown format '" + name + "' (known: " + String.join(", ", ReportFormats.names()) + ")");
            }
            Path file = eq < 0 ? null : Path.of(f.substring(eq + 1));
            if (file == null) {
                if (++toStdout > 1 && output == null) {
                    throw new Main.UsageError("only one format can go to standard output; write the others with NAME=FILE");
                }
                if (output != null) {
                    file = output;
                }
            }
            out.add(new Target(name, file));
        }
        if (output != null && toStdout > 1) {
            throw new Main.UsageError("--output takes one format; write the others with --format NAME=FILE");
        }
        return out;
    }

    private static void writeFile(Path file, Reporter reporter, LintReport report) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            reporter.write(report, w);
        }
    }
}

package dev.postinglint.cli;

import dev.postinglint.core.engine.Globs;
import dev.postinglint.core.engine.InputCollector;
import dev.postinglint.core.input.InputKind;
import dev.postinglint.core.engine.LintReport;
import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.engine.PolicyResolver;
import dev.postinglint.core.engine.Severity;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.report.Reporter;
import dev.postinglint.core.report.ReportFormats;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code posting-lint check}: lint postings and report; the exit code gates CI. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check job postings against a policy.",
        footer = {"", "Exit codes: 0 nothing reached --fail-on, 1 something did, 2 usage, policy or I/O error."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or directories (default: the current directory).")
    List<Path> paths = new ArrayList<>();

    @Mixin
    PolicyOptions policy = new PolicyOptions();

    @Option(names = "--format", paramLabel = "NAME[=FILE]",
            description = "Output format: ${COMPLETION-CANDIDATES}. Repeatable; NAME=FILE writes that format to FILE. Default: text.",
            completionCandidates = FormatNames.class)
    List<String> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the (single) format to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 when a finding reaches LEVEL: error, warning, info or never (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Judge dated rules as of this day (default: today), for reproducible runs.")
    String asOf;

    @Option(names = {"-q", "--quiet"}, description = "Show errors only in text output (the exit code still counts everything).")
    boolean quiet;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "Colour text output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Terminal.ColorMode color;

    @Option(names = "--include", paramLabel = "GLOB", description = "Files to check inside directories (repeatable; default: **/*.html, **/*.htm, **/*.md, **/*.markdown, **/*.json).")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Files or directories to skip (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--max-file-size", paramLabel = "BYTES", description = "Refuse postings larger than this (default: 32M; suffixes K, M).")
    String maxFileSize;

    static final class FormatNames extends ArrayList<String> {
        FormatNames() {
            super(ReportFormats.names());
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Severity threshold = parseFailOn(failOn);
        LocalDate date = parseDate(asOf);
        List<Target> targets = parseFormats();
        long maxBytes = parseSize(maxFileSize);
        Globs inc;
        Globs exc;
        try {
            inc = new Globs(includes.isEmpty() ? InputKind.DEFAULT_INCLUDES : includes);
            exc = new Globs(excludes);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageError(e.getMessage());
        }

        PolicyLoader loader = new PolicyLoader();
        PolicyResolver resolver = policy.resolver(loader);
        InputCollector.Collected collected = new InputCollector(inc, exc).collect(paths.isEmpty() ? List.of(Path.of(".")) : paths);
        collected.notes().forEach(n -> err.println("posting-lint: " + n));
        collected.errors().forEach(e -> err.println("posting-lint: " + e));
        if (collected.files().isEmpty()) {
            if (collected.errors().isEmpty()) {
                err.println("posting-lint: no posting files found (include: " + String.join(", ", inc.patterns()) + ")");
            }
            return Main.USAGE_OR_IO;
        }
        Linter linter = new Linter(date, threads == null ? Runtime.getRuntime().availableProcessors() : threads, maxBytes);
        LintReport report = linter.lint(collected.files(), resolver);

        for (Target t : targets) {
            Reporter reporter = t.format.equals("text")
                    ? ReportFormats.text(Terminal.useColor(color, t.file == null), quiet ? Severity.ERROR : Severity.INFO)
                    : ReportFormats.create(t.format);
            if (t.file == null) {
                PrintWriter out = spec.commandLine().getOut();
                reporter.write(report, out);
                out.flush();
            } else {
                writeFile(t.file, reporter, report);
            }
        }
        if (report.hasIoErrors() || !collected.errors().isEmpty()) {
            return Main.USAGE_OR_IO;
        }
        return report.summary().reaches(threshold) ? Main.FINDINGS : Main.OK;
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

    static Severity parseFailOn(String s) {
        if (s.equalsIgnoreCase("never")) {
            return null;
        }
        return Severity.parse(s).orElseThrow(() -> new Main.UsageError("--fail-on must be error, warning, info or never, not '" + s + "'"));
    }

    static LocalDate parseDate(String s) {
        if (s == null) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new Main.UsageError("--as-of must be a date written YYYY-MM-DD, not '" + s + "'");
        }
    }

    static long parseSize(String s) {
        if (s == null) {
            return Linter.DEFAULT_MAX_FILE_BYTES;
        }
        String t = s.strip().toUpperCase(Locale.ROOT);
        long mult = 1;
        if (t.endsWith("K")) {
            mult = 1L << 10;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("M")) {
            mult = 1L << 20;
            t = t.substring(0, t.length() - 1);
        }
        try {
            long v = Long.parseLong(t) * mult;
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new Main.UsageError("--max-file-size must be a positive size such as 500K or 32M, not '" + s + "'");
        }
    }
}

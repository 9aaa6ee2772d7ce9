package dev.postinglint.cli;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.input.InputCollector;
import dev.postinglint.core.input.InputKind;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.regex.Globs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code check} and {@code fix} share: which postings (paths, include and exclude globs, size limit),
 * which policy, which day, how many threads, and the {@code --fail-on} level. One picocli mixin, so both
 * commands offer exactly the same options with the same help.
 */
final class LintOptions {
    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or directories (default: the current directory).")
    List<Path> paths = new ArrayList<>();

    @Mixin
    PolicyOptions policy = new PolicyOptions();

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 when a finding reaches LEVEL: error, warning, info or never (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Judge dated rules and waivers as of this day (default: today), for reproducible runs.")
    String asOf;

    @Option(names = "--include", paramLabel = "GLOB", description = "Files to check inside directories (repeatable; default: **/*.html, **/*.htm, **/*.md, **/*.markdown, **/*.json).")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Files or directories to skip (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--max-file-size", paramLabel = "BYTES", description = "Refuse postings larger than this (default: 32M; suffixes K, M).")
    String maxFileSize;

    /** The {@code --fail-on} level; null for never. */
    Severity threshold() {
        return parseFailOn(failOn);
    }

    LocalDate date() {
        return parseDate(asOf);
    }

    long maxBytes() {
        return parseSize(maxFileSize);
    }

    Linter linter() {
        return new Linter(date(), threads == null ? Runtime.getRuntime().availableProcessors() : threads, maxBytes());
    }

    /**
     * The postings to work on; notes and errors go to {@code err}. Null (after saying why) when there is
     * nothing to do: then the command exits 2.
     */
    InputCollector.Collected collect(PrintWriter err) {
        Globs inc;
        Globs exc;
        try {
            inc = new Globs(includes.isEmpty() ? InputKind.DEFAULT_INCLUDES : includes);
            exc = new Globs(excludes);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageError(e.getMessage());
        }
        InputCollector.Collected collected = new InputCollector(inc, exc).collect(paths.isEmpty() ? List.of(Path.of(".")) : paths);
        collected.notes().forEach(n -> err.println("posting-lint: " + n));
        collected.errors().forEach(e -> err.println("posting-lint: " + e));
        if (collected.files().isEmpty()) {
            if (collected.errors().isEmpty()) {
                err.println("posting-lint: no posting files found (include: " + String.join(", ", inc.patterns()) + ")");
            }
            return null;
        }
        return collected;
    }

    /** Checks every option's value before any work, so that a usage error exits 2 before anything happens. */
    void validate() {
        threshold();
        date();
        maxBytes();
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

package dev.postinglint.cli;

import dev.postinglint.core.report.TerminalText;
import dev.postinglint.core.session.FailGate;
import dev.postinglint.core.session.LintSettings;
import dev.postinglint.core.session.Options;
import dev.postinglint.core.session.Postings;
import dev.postinglint.core.session.SessionException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

    /** More workers than this only add memory and contention (each holds postings in flight). */
    static final int MAX_THREADS = 256;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads, 1 to " + MAX_THREADS + " (default: all cores).")
    Integer threads;

    @Option(names = "--follow-symlinks", description = "Follow symbolic links found in directories even when they lead outside them (default: skip those, with a note).")
    boolean followSymlinks;

    @Option(names = "--debug", description = "Print the stack trace of an internal error to standard error (a posting it hits is reported as an input-error either way).")
    boolean debug;

    @Option(names = "--max-file-size", paramLabel = "BYTES", description = "Refuse postings larger than this (default: 32M; suffixes K, M).")
    String maxFileSize;

    @Option(names = "--content", paramLabel = "auto|whole-file|SELECTOR",
            description = "Which part of an HTML file is the posting: auto (a whole page's main content, else the file),"
                    + " whole-file, or the first element a CSS selector matches (default: the policy's content:, else auto).")
    String content;

    /** The {@code --fail-on} gate: the CLI fails on the first finding at that level. */
    FailGate gate() {
        return FailGate.at(Options.failOn("--fail-on", failOn).orElse(null));
    }

    /** Policies, day, threads and size limit; a bad value is a {@link SessionException} before any work. */
    LintSettings settings() {
        if (debug) {
            Debug.enable();
        }
        if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
            throw new SessionException("--threads must be between 1 and " + MAX_THREADS + ", not " + threads);
        }
        return new LintSettings(policy.policies, Path.of(""), Options.asOf("--as-of", asOf, LocalDate.now()),
                threads == null ? LintSettings.defaultThreads() : threads, Options.fileSize("--max-file-size", maxFileSize),
                Options.content("--content", content));
    }

    /**
     * The postings to work on; notes and errors go to {@code err}. Null (after saying why) when there is
     * nothing to do: then the command exits 2.
     */
    Postings collect(PrintWriter err) {
        Postings postings = Postings.collect(paths, includes, excludes, null, followSymlinks);
        postings.notes().forEach(n -> err.println("posting-lint: " + TerminalText.safe(n)));
        postings.errors().forEach(e -> err.println("posting-lint: " + TerminalText.safe(e)));
        if (postings.files().isEmpty()) {
            if (postings.errors().isEmpty()) {
                err.println("posting-lint: no posting files found (include: " + String.join(", ", postings.includes()) + ")");
            }
            return null;
        }
        return postings;
    }
}

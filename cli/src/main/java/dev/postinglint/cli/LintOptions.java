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
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code check} and {@code fix} share: which postings (paths, include and exclude globs, size limit),
 * which policy, which day, how many threads, and the {@code --fail-on} level. Both commands add them to their
 * model with {@link #addTo}, so both offer exactly the same options with the same help.
 */
final class LintOptions {
    List<Path> paths = new ArrayList<>();

    PolicyOptions policy = new PolicyOptions();

    String failOn;

    String asOf;

    List<String> includes = new ArrayList<>();

    List<String> excludes = new ArrayList<>();

    /** More workers than this only add memory and contention (each holds postings in flight). */
    static final int MAX_THREADS = 256;

    Integer threads;

    boolean followSymlinks;

    boolean debug;

    String maxFileSize;

    String content;

    /** Adds these options to a command's model, in help order (built in code for start-up: see {@link Specs}). */
    void addTo(CommandSpec spec) {
        spec.addPositional(Specs.positional(List.class, () -> paths, v -> paths = v).auxiliaryTypes(Path.class)
                .paramLabel("PATH").arity("0..*").description("Files or directories (default: the current directory).").build());
        policy.addTo(spec);
        spec.addOption(Specs.option(String.class, () -> failOn, v -> failOn = v, "--fail-on").paramLabel("LEVEL").defaultValue("error")
                .description("Exit 1 when a finding reaches LEVEL: error, warning, info or never (default: ${DEFAULT-VALUE}).").build());
        spec.addOption(Specs.option(String.class, () -> asOf, v -> asOf = v, "--as-of").paramLabel("YYYY-MM-DD")
                .description("Judge dated rules and waivers as of this day (default: today), for reproducible runs.").build());
        spec.addOption(Specs.option(List.class, () -> includes, v -> includes = v, "--include").auxiliaryTypes(String.class).paramLabel("GLOB")
                .description("Files to check inside directories (repeatable; default: **/*.html, **/*.htm, **/*.md, **/*.markdown, **/*.json).").build());
        spec.addOption(Specs.option(List.class, () -> excludes, v -> excludes = v, "--exclude").auxiliaryTypes(String.class).paramLabel("GLOB")
                .description("Files or directories to skip (repeatable).").build());
        spec.addOption(Specs.option(Integer.class, () -> threads, v -> threads = v, "--threads").paramLabel("N")
                .description("Worker threads, 1 to " + MAX_THREADS + " (default: all cores).").build());
        spec.addOption(Specs.option(boolean.class, () -> followSymlinks, v -> followSymlinks = v, "--follow-symlinks")
                .description("Follow symbolic links found in directories even when they lead outside them (default: skip those, with a note).").build());
        spec.addOption(Specs.option(boolean.class, () -> debug, v -> debug = v, "--debug")
                .description("Print the stack trace of an internal error to standard error (a posting it hits is reported as an input-error either way).").build());
        spec.addOption(Specs.option(String.class, () -> maxFileSize, v -> maxFileSize = v, "--max-file-size").paramLabel("BYTES")
                .description("Refuse postings larger than this (default: 32M; suffixes K, M).").build());
        spec.addOption(Specs.option(String.class, () -> content, v -> content = v, "--content").paramLabel("auto|whole-file|SELECTOR")
                .description("Which part of an HTML file is the posting: auto (a whole page's main content, else the file),"
                        + " whole-file, or the first element a CSS selector matches (default: the policy's content:, else auto).").build());
    }

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

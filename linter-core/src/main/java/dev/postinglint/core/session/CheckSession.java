package dev.postinglint.core.session;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.filter.Baseline;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.input.InputKind;
import dev.postinglint.core.input.PostingReader;
import dev.postinglint.core.input.Sources;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.ResultStream;
import dev.postinglint.core.model.RunHeader;
import dev.postinglint.core.model.RunTotals;
import dev.postinglint.core.model.SummaryTally;
import dev.postinglint.core.policy.PolicyResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The check run behind {@code posting-lint check}, {@code posting-lint:check} and {@code posting-lint:report}:
 * lint, leave out the baseline's findings, record a new baseline, and decide the exit status. Faces only turn
 * options into a {@link CheckRequest} and {@link Postings}, and show the {@link CheckOutcome}.
 * <p>
 * Opening a session reads the baseline and loads the policies, so that each face decides whether a broken
 * policy or baseline is reported before or after it looks for postings (the CLI before, so that a bad option
 * is named first; the Maven plugin after, so that a module without postings is skipped whatever its setup).
 */
public final class CheckSession {
    private final CheckRequest request;
    private final Baseline known;
    private final PolicyResolver resolver;

    private CheckSession(CheckRequest request, Baseline known, PolicyResolver resolver) {
        this.request = request;
        this.known = known;
        this.resolver = resolver;
    }

    /**
     * Reads the baseline (a bad one is a {@link SessionException}) and loads the policies (a broken one
     * throws {@link dev.postinglint.core.yaml.PolicyException}).
     */
    public static CheckSession open(CheckRequest request) throws IOException {
        Baseline known = request.baseline() == null ? null : read(request.baseline());
        return new CheckSession(request, known, request.settings().resolver());
    }

    /** Lints the postings and judges the report. A baseline that cannot be written is an {@link IOException}. */
    public CheckOutcome check(Postings postings) throws IOException {
        Postings kept = postings.withoutIgnored(resolver);
        return judge(kept, request.settings().linter().lint(kept.files(), resolver));
    }

    /**
     * Whether {@link #check(Postings, ResultStream)} streams: a run that applies, records or restricts to a
     * baseline or changed postings judges the whole report first (and so holds it).
     */
    public boolean streams() {
        return known == null && request.writeBaseline() == null && request.changedSince() == null;
    }

    /**
     * Lints the postings and sends each posting's result to {@code out} as soon as it is final (see
     * {@link Linter#run}); returns how the run ended. Only for a session that {@link #streams()}.
     */
    public ExitStatus check(Postings postings, ResultStream out) throws IOException {
        if (!streams()) {
            throw new IllegalStateException("a run with a baseline or --changed-since judges the whole report");
        }
        Postings kept = postings.withoutIgnored(resolver);
        SummaryTally tally = new SummaryTally();
        request.settings().linter().run(kept.files(), resolver, request.settings().linter().fromFiles(), null, new ResultStream() {
            @Override
            public void begin(RunHeader header) throws IOException {
                out.begin(header);
            }

            @Override
            public void file(FileResult result) throws IOException {
                tally.add(result);
                out.file(result);
            }

            @Override
            public void end(RunTotals totals) throws IOException {
                out.end(totals);
            }
        });
        if (tally.ioErrors() || !kept.errors().isEmpty()) {
            return ExitStatus.ERROR;
        }
        return request.gate().fails(tally.summary()) ? ExitStatus.FINDINGS : ExitStatus.OK;
    }

    /**
     * Lints text given in memory (an editor's buffer, a hook's staged blob on standard input) as if it were the
     * file {@code as}: its suffix says HTML or Markdown, its directory which {@code .posting-lint.yaml} applies,
     * and findings name it. The file need not exist. Board exports are streamed from disk, so a {@code .json}
     * name is a {@link SessionException}.
     */
    public CheckOutcome checkText(Path as, byte[] text) throws IOException {
        InputFile file = InputFile.of(as);
        if (InputKind.of(file) == InputKind.JSON) {
            throw new SessionException(file.displayPath() + ": board exports (.json) are read from files, not standard input");
        }
        Postings postings = new Postings(List.of(file), List.of(), List.of(), List.of()).withoutIgnored(resolver);
        Linter linter = request.settings().linter();
        Sources disk = linter.fromFiles();
        long limit = request.settings().maxFileBytes();
        Sources sources = f -> f.equals(file) ? PostingReader.fromBytes(f, text, limit) : disk.read(f);
        return judge(postings, linter.lint(postings.files(), resolver, sources));
    }

    /**
     * Judges a report already made (such as a fix session's last lint) as {@link #check} judges its own:
     * baseline applied, new baseline written, exit status.
     */
    public CheckOutcome judge(Postings postings, LintReport full) throws IOException {
        // Corpus rules have read every posting; only the changed ones are shown, judged and baselined.
        LintReport report = request.changedSince() == null ? full : request.changedSince().restrict(full, postings);
        CheckOutcome.BaselineUse use = null;
        // The one place the faces' runs apply a baseline.
        if (known != null) {
            Baseline.Applied applied = known.apply(report, keys(request.baseline()));
            report = applied.report();
            use = new CheckOutcome.BaselineUse(request.baseline(), applied.known(), applied.fixed().size());
        }
        CheckOutcome.BaselineWrite write = request.writeBaseline() == null ? null : writeBaseline(full);
        return new CheckOutcome(postings, full, report, use, write, status(postings, report));
    }

    private ExitStatus status(Postings postings, LintReport report) {
        if (report.hasIoErrors() || !postings.errors().isEmpty()) {
            return ExitStatus.ERROR;
        }
        if (request.writeBaseline() != null) {
            return ExitStatus.OK; // recording a baseline accepts today's findings
        }
        return request.gate().fails(report.summary()) ? ExitStatus.FINDINGS : ExitStatus.OK;
    }

    private static Baseline read(Path file) throws IOException {
        try {
            return Baseline.read(file);
        } catch (Baseline.BaselineException e) {
            throw new SessionException(e.getMessage(), e);
        }
    }

    private Function<String, String> keys(Path baselineFile) {
        Path root = request.baselineRoot() != null ? request.baselineRoot() : Path.of("").toAbsolutePath();
        return Baseline.keys(baselineFile, root);
    }

    /** Records today's findings (before any baseline), dropping entries fixed since and keeping those of postings not checked. */
    private CheckOutcome.BaselineWrite writeBaseline(LintReport full) throws IOException {
        Path file = request.writeBaseline();
        Baseline previous = null;
        String unreadable = null;
        if (Files.exists(file)) {
            try {
                previous = Baseline.read(file);
            } catch (IOException e) {
                unreadable = e.getMessage();
            }
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        Baseline recorded = Baseline.record(full, keys(file), previous, p -> Files.exists(dir.resolve(p)));
        recorded.write(file);
        Baseline before = previous;
        long added = recorded.entries().stream().filter(e -> before == null || !before.entries().contains(e)).count();
        long dropped = before == null ? 0 : before.entries().stream().filter(e -> !recorded.entries().contains(e)).count();
        return new CheckOutcome.BaselineWrite(file, recorded.entries().size(), before != null, dropped, added, unreadable);
    }
}

package dev.postinglint.core.session;

import dev.postinglint.core.filter.Baseline;
import dev.postinglint.core.model.LintReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The check run behind {@code posting-lint check}, {@code posting-lint:check} and {@code posting-lint:report}:
 * read the baseline, load the policies, lint, leave out the baseline's findings, record a new baseline, and
 * decide the exit status. Faces only turn options into a {@link CheckRequest} and show the {@link CheckOutcome}.
 */
public final class CheckSession {
    private CheckSession() {
    }

    /**
     * Runs a check. A bad baseline file is a {@link SessionException}; a broken policy a
     * {@link dev.postinglint.core.yaml.PolicyException}; a baseline that cannot be written an {@link IOException}.
     */
    public static CheckOutcome check(CheckRequest request) throws IOException {
        Baseline known = request.baseline() == null ? null : read(request.baseline());
        var settings = request.settings();
        LintReport full = settings.linter().lint(request.postings().files(), settings.resolver());
        return judge(request, full, known);
    }

    /**
     * Judges a report already made (as a fix session's last lint) exactly as {@link #check} judges its own:
     * baseline applied, new baseline written, exit status.
     */
    public static CheckOutcome judge(CheckRequest request, LintReport full) throws IOException {
        return judge(request, full, request.baseline() == null ? null : read(request.baseline()));
    }

    private static CheckOutcome judge(CheckRequest request, LintReport full, Baseline known) throws IOException {
        LintReport report = full;
        CheckOutcome.BaselineUse use = null;
        // The one place the faces' runs apply a baseline.
        if (known != null) {
            Baseline.Applied applied = known.apply(full, keys(request.baseline(), request));
            report = applied.report();
            use = new CheckOutcome.BaselineUse(request.baseline(), applied.known(), applied.fixed().size());
        }
        CheckOutcome.BaselineWrite write = request.writeBaseline() == null ? null : writeBaseline(request, full);
        return new CheckOutcome(request.postings(), full, report, use, write, status(request, report));
    }

    private static ExitStatus status(CheckRequest request, LintReport report) {
        if (report.hasIoErrors() || !request.postings().errors().isEmpty()) {
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

    private static Function<String, String> keys(Path baselineFile, CheckRequest request) {
        Path root = request.baselineRoot() != null ? request.baselineRoot() : Path.of("").toAbsolutePath();
        return Baseline.keys(baselineFile, root);
    }

    /** Records today's findings (before any baseline), dropping entries fixed since and keeping those of postings not checked. */
    private static CheckOutcome.BaselineWrite writeBaseline(CheckRequest request, LintReport full) throws IOException {
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
        Baseline recorded = Baseline.record(full, keys(file, request), previous, p -> Files.exists(dir.resolve(p)));
        recorded.write(file);
        Baseline before = previous;
        long added = recorded.entries().stream().filter(e -> before == null || !before.entries().contains(e)).count();
        long dropped = before == null ? 0 : before.entries().stream().filter(e -> !recorded.entries().contains(e)).count();
        return new CheckOutcome.BaselineWrite(file, recorded.entries().size(), before != null, dropped, added, unreadable);
    }
}

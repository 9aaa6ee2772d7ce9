package dev.postinglint.core.session;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.fix.Fixer;
import dev.postinglint.core.fix.UnifiedDiff;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.fix.EncodedPosting;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.ResultStream;
import dev.postinglint.core.model.RunHeader;
import dev.postinglint.core.model.RunTotals;
import dev.postinglint.core.model.SummaryTally;
import java.io.UncheckedIOException;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyResolver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fix run behind {@code posting-lint fix} and {@code posting-lint:fix}: the {@link Fixer} loop, then the
 * write loop (each changed posting replaced atomically, or diffed for a dry run), then a lint of the result.
 * Opening a session loads the policies, as {@link CheckSession#open} does.
 */
public final class FixSession {
    private final FixRequest request;
    private final PolicyResolver resolver;

    private FixSession(FixRequest request, PolicyResolver resolver) {
        this.request = request;
        this.resolver = resolver;
    }

    /** Loads the policies: a broken one throws {@link dev.postinglint.core.yaml.PolicyException}. */
    public static FixSession open(FixRequest request) {
        return new FixSession(request, request.settings().resolver());
    }

    /** Fixes the postings; an unknown rule id (when the request checks them) is a {@link SessionException}. */
    public FixOutcome fix(Postings all) {
        ResultStream.Collector after = new ResultStream.Collector();
        try (Written written = write(all)) {
            ExitStatus status = written.confirm(after);
            return new FixOutcome(written.result(), written.changes(), after.report(), status);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a collector does no I/O
        }
    }

    /**
     * The first half of {@link #fix(Postings)}: fixes the postings file by file in bounded memory (see
     * {@link Fixer}) and writes each changed one (or diffs it, for a dry run). Then {@link Written#confirm} lints
     * the result as a stream. Closing it deletes the fixer's working copies.
     */
    public Written write(Postings all) {
        Postings postings = all.withoutIgnored(resolver);
        List<InputFile> files = postings.files();
        if (request.rulesOption() != null) {
            requireKnownRules(files);
        }
        Linter linter = request.settings().linter();
        Set<String> only = Set.copyOf(request.rules());
        Fixer.Result result = new Fixer(linter, resolver, id -> only.isEmpty() || only.contains(id))
                .run(files, request.settings().maxFileBytes());
        List<FixOutcome.Change> changes = new ArrayList<>();
        for (Fixer.FileFix f : result.files()) {
            if (!f.changed()) {
                continue;
            }
            EncodedPosting original = f.original();
            EncodedPosting fixed = f.fixed();
            if (request.dryRun()) {
                changes.add(new FixOutcome.Change(f, UnifiedDiff.of(f.file().displayPath(), original.text(), fixed.text()), null));
                continue;
            }
            try {
                request.writer().replace(f.file().path(), original.bytes(), fixed.bytes());
                changes.add(new FixOutcome.Change(f, null, null));
            } catch (IOException e) {
                changes.add(new FixOutcome.Change(f, null, e));
            }
        }
        return new Written(postings, result, List.copyOf(changes));
    }

    /** Postings fixed and written (or diffed): what changed, and the lint that confirms it. */
    public final class Written implements AutoCloseable {
        private final Postings postings;
        private final Fixer.Result result;
        private final List<FixOutcome.Change> changes;

        private Written(Postings postings, Fixer.Result result, List<FixOutcome.Change> changes) {
            this.postings = postings;
            this.result = result;
            this.changes = changes;
        }

        public Fixer.Result result() {
            return result;
        }

        /** One per posting whose text changed, in path order. */
        public List<FixOutcome.Change> changes() {
            return changes;
        }

        /**
         * Lints what is on disk now (for a dry run, the fixed texts), sending each posting's result to
         * {@code after} as it comes; returns how the fix run ended.
         */
        public ExitStatus confirm(ResultStream after) throws IOException {
            Linter linter = request.settings().linter();
            SummaryTally tally = new SummaryTally();
            linter.run(postings.files(), resolver, request.dryRun() ? result.fixedSources() : linter.fromFiles(), null, new ResultStream() {
                @Override
                public void begin(RunHeader header) throws IOException {
                    after.begin(header);
                }

                @Override
                public void file(FileResult r) throws IOException {
                    tally.add(r);
                    after.file(r);
                }

                @Override
                public void end(RunTotals totals) throws IOException {
                    after.end(totals);
                }
            });
            return status(postings, changes, tally, result);
        }

        @Override
        public void close() {
            result.close();
        }
    }

    private ExitStatus status(Postings postings, List<FixOutcome.Change> changes, SummaryTally after, Fixer.Result result) {
        boolean writeFailed = changes.stream().anyMatch(c -> c.failure() != null);
        if (writeFailed || after.ioErrors() || !postings.errors().isEmpty()) {
            return ExitStatus.ERROR;
        }
        return request.gate().fails(after.summary()) || result.notFixedCount() > 0 ? ExitStatus.FINDINGS : ExitStatus.OK;
    }

    private void requireKnownRules(List<InputFile> files) {
        if (request.rules().isEmpty()) {
            return;
        }
        Set<String> known = new LinkedHashSet<>();
        Set<String> labels = new LinkedHashSet<>();
        for (InputFile f : files) {
            Policy p = resolver.policyFor(f.path());
            labels.add(p.label());
            p.rules().forEach(r -> known.add(r.id()));
        }
        // In the order given, so the first typo is the one named.
        for (String id : request.rules()) {
            if (!known.contains(id)) {
                throw new SessionException(request.rulesOption() + " " + id + ": no such rule in policy " + String.join(", ", labels)
                        + " (see 'posting-lint rules')");
            }
        }
    }
}

package dev.postinglint.core.session;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.fix.Fixer;
import dev.postinglint.core.fix.UnifiedDiff;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.LintReport;
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
            if (request.dryRun()) {
                changes.add(new FixOutcome.Change(f, UnifiedDiff.of(f.file().displayPath(), f.original().text(), f.fixed().text()), null));
                continue;
            }
            try {
                request.writer().replace(f.file().path(), f.original().bytes(), f.fixed().bytes());
                changes.add(new FixOutcome.Change(f, null, null));
            } catch (IOException e) {
                changes.add(new FixOutcome.Change(f, null, e));
            }
        }
        // Confirm: lint what is on disk now (for a dry run, the fixed texts in memory).
        LintReport after = request.dryRun() ? result.report() : linter.lint(files, resolver);
        return new FixOutcome(result, changes, after, status(postings, changes, after, result));
    }

    private ExitStatus status(Postings postings, List<FixOutcome.Change> changes, LintReport after, Fixer.Result result) {
        boolean writeFailed = changes.stream().anyMatch(c -> c.failure() != null);
        if (writeFailed || after.hasIoErrors() || !postings.errors().isEmpty()) {
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

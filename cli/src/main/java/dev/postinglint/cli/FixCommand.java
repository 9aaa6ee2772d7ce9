package dev.postinglint.cli;

import dev.postinglint.core.fix.AtomicWriter;
import dev.postinglint.core.fix.FixPlanner;
import dev.postinglint.core.fix.Fixer;
import dev.postinglint.core.fix.UnifiedDiff;
import dev.postinglint.core.input.InputCollector;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.policy.PolicyResolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code posting-lint fix}: applies every safe fix to the posting files (only the edited ranges change),
 * re-lints until nothing more changes, writes each file atomically, and reports what is left. With
 * {@code --dry-run} it prints a unified diff instead and writes nothing.
 */
@Command(name = "fix", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Apply the fixes that rules offer to the posting files (atomically; --dry-run shows a diff).",
        footer = {"", "Exit codes, as ESLint --fix: 0 every fixable finding was fixed and nothing at --fail-on remains,",
                "1 findings remain at --fail-on (or a fix could not be applied), 2 usage, policy or I/O error",
                "(a file that could not be written is reported and left as it was)."})
final class FixCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LintOptions lint = new LintOptions();

    @Option(names = "--dry-run", description = "Print a unified diff of what would change; change nothing.")
    boolean dryRun;

    @Option(names = "--rule", paramLabel = "ID", description = "Apply only this rule's fixes (repeatable).")
    List<String> rules = new ArrayList<>();

    @Mixin
    TextOptions text = new TextOptions();

    private final AtomicWriter writer = new AtomicWriter();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        lint.validate();
        Severity threshold = lint.threshold();
        PolicyResolver resolver = lint.policy.resolver(new PolicyLoader());
        InputCollector.Collected collected = lint.collect(err);
        if (collected == null) {
            return Main.USAGE_OR_IO;
        }
        checkRuleIds(collected.files(), resolver);
        Set<String> only = new HashSet<>(rules);
        var linter = lint.linter();
        Fixer fixer = new Fixer(linter, resolver, id -> only.isEmpty() || only.contains(id));
        Fixer.Result result = fixer.run(collected.files(), lint.maxBytes());

        // With --dry-run the diff is the output (it can go to patch or git apply); the rest goes to stderr.
        PrintWriter info = dryRun ? err : out;
        List<InputFile> written = new ArrayList<>();
        boolean writeFailed = false;
        for (Fixer.FileFix f : result.files()) {
            if (!f.changed()) {
                continue;
            }
            String path = f.file().displayPath();
            if (dryRun) {
                out.print(UnifiedDiff.of(path, f.original().text(), f.fixed().text()));
                continue;
            }
            try {
                writer.replace(f.file().path(), f.original().bytes(), f.fixed().bytes());
                written.add(f.file());
                info.println("fixed " + path + ": " + describe(f.applied()));
            } catch (IOException e) {
                writeFailed = true;
                err.println("posting-lint: cannot write " + path + ": " + reason(e));
            }
        }
        out.flush();
        for (Fixer.FileFix f : result.files()) {
            for (FixPlanner.Skipped s : f.notFixed()) {
                var at = s.finding().span().start();
                info.println(f.file().displayPath() + ":" + at.line() + ":" + at.column() + ": not fixed [" + s.finding().ruleId()
                        + "]: " + s.reason());
            }
        }
        // Confirm: lint what is on disk now (for --dry-run, the fixed text in memory).
        LintReport after = dryRun ? result.report() : linter.lint(collected.files(), resolver);
        text.textReporter(!dryRun).write(after, info);
        int fixedFiles = (int) result.files().stream().filter(Fixer.FileFix::changed).count();
        info.println((dryRun ? "Would fix " : "Fixed ") + CheckCommand.plural(result.fixedCount(), "finding") + " in "
                + CheckCommand.plural(dryRun ? fixedFiles : written.size(), "file") + " (" + CheckCommand.plural(result.passes(), "pass", "passes") + ")"
                + (result.notFixedCount() == 0 ? "" : "; " + result.notFixedCount() + " could not be fixed"));
        info.flush();
        if (writeFailed || after.hasIoErrors() || !collected.errors().isEmpty()) {
            return Main.USAGE_OR_IO;
        }
        return after.summary().reaches(threshold) || result.notFixedCount() > 0 ? Main.FINDINGS : Main.OK;
    }

    /** {@code --rule} must name a rule of some policy in use: a typo would otherwise silently fix nothing. */
    private void checkRuleIds(List<InputFile> files, PolicyResolver resolver) {
        if (rules.isEmpty()) {
            return;
        }
        Set<String> known = new LinkedHashSet<>();
        Set<String> labels = new LinkedHashSet<>();
        for (InputFile f : files) {
            Policy p = resolver.policyFor(f.path());
            labels.add(p.label());
            p.rules().forEach(r -> known.add(r.id()));
        }
        for (String id : rules) {
            if (!known.contains(id)) {
                throw new Main.UsageError("--rule " + id + ": no such rule in policy " + String.join(", ", labels)
                        + " (see 'posting-lint rules')");
            }
        }
    }

    /** "3 fixes (fast-paced ×2, no-inline-style)". */
    static String describe(List<Finding> applied) {
        Map<String, Integer> byRule = new TreeMap<>();
        applied.forEach(f -> byRule.merge(f.ruleId(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        byRule.forEach((id, n) -> parts.add(n == 1 ? id : id + " \u00d7" + n));
        return CheckCommand.plural(applied.size(), "fix", "fixes") + " (" + String.join(", ", parts) + ")";
    }

    private static String reason(IOException e) {
        if (e instanceof AtomicWriter.RefusedException) {
            return e.getMessage();
        }
        String m = e.getMessage();
        return (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : m == null ? e.getClass().getSimpleName() : m) + "; left unchanged";
    }
}

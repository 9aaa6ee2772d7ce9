package dev.postinglint.maven;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.fix.AtomicWriter;
import dev.postinglint.core.fix.FixPlanner;
import dev.postinglint.core.fix.Fixer;
import dev.postinglint.core.fix.UnifiedDiff;
import dev.postinglint.core.yaml.PolicyException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Applies the fixes that rules offer to the module's postings ({@code mvn posting-lint:fix}), as
 * {@code posting-lint fix} does: only the edited ranges change, each file is replaced atomically, the loop
 * re-lints until nothing more changes. Then it checks the fixed postings exactly as {@code check} does, with
 * the same parameters (failOn, maxAllowedViolations, formats, baseline), and fails the build on what remains.
 * A file that cannot be written (read-only, disk full) fails the build as an execution error and is left as
 * it was.
 */
@Mojo(name = "fix", threadSafe = true)
public class FixMojo extends CheckMojo {
    /** Log a unified diff of what would change and change nothing. */
    @Parameter(property = "posting-lint.dryRun", defaultValue = "false")
    protected boolean dryRun;

    /** Apply only these rules' fixes (default: every rule's). */
    @Parameter(property = "posting-lint.fixRules")
    protected List<String> fixRules;

    AtomicWriter writer = new AtomicWriter();

    @Override
    protected void handle(LintRun run) throws MojoExecutionException, MojoFailureException {
        Set<String> only = Set.copyOf(Options.listOr(fixRules, List.of()));
        Fixer.Result result;
        try {
            Fixer fixer = new Fixer(linter(asOfDate()), resolver(run.basedir()), id -> only.isEmpty() || only.contains(id));
            result = fixer.run(run.files(), Linter.DEFAULT_MAX_FILE_BYTES);
        } catch (PolicyException e) {
            throw new MojoExecutionException("posting-lint: broken policy: " + e.getMessage(), e);
        }
        List<String> failed = new ArrayList<>();
        int written = 0;
        for (Fixer.FileFix f : result.files()) {
            if (!f.changed()) {
                continue;
            }
            String path = f.file().displayPath();
            if (dryRun) {
                getLog().info("posting-lint: would fix " + path + ":\n" + UnifiedDiff.of(path, f.original().text(), f.fixed().text()));
                continue;
            }
            try {
                writer.replace(f.file().path(), f.original().bytes(), f.fixed().bytes());
                written++;
                getLog().info("posting-lint: fixed " + path + ": " + describe(f));
            } catch (IOException e) {
                failed.add(path + ": " + e.getMessage());
                getLog().error("posting-lint: cannot write " + path + ": " + e.getMessage());
            }
        }
        for (Fixer.FileFix f : result.files()) {
            for (FixPlanner.Skipped s : f.notFixed()) {
                getLog().warn("posting-lint: " + FindingLog.line(f.file().displayPath(), s.finding()) + " (not fixed: " + s.reason() + ")");
            }
        }
        getLog().info("posting-lint: " + (dryRun ? "would fix " : "fixed ") + FindingLog.plural(result.fixedCount(), "finding")
                + (dryRun ? "" : " in " + FindingLog.plural(written, "file")));
        if (!failed.isEmpty()) {
            throw new MojoExecutionException("posting-lint: cannot write " + FindingLog.plural(failed.size(), "posting")
                    + ": " + String.join("; ", failed));
        }
        // Then check what is there now, as the check goal would.
        LintRun after = dryRun ? run.withReport(result.report()) : lint();
        super.handle(after == null ? run : after);
    }

    private static String describe(Fixer.FileFix f) {
        Map<String, Integer> byRule = new TreeMap<>();
        f.applied().forEach(x -> byRule.merge(x.ruleId(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        byRule.forEach((id, n) -> parts.add(n == 1 ? id : id + " x" + n));
        return f.applied().size() + (f.applied().size() == 1 ? " fix" : " fixes") + " (" + String.join(", ", parts) + ")";
    }
}

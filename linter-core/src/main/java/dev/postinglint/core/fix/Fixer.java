package dev.postinglint.core.fix;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.input.InputProblem;
import dev.postinglint.core.input.Sources;
import dev.postinglint.core.model.BuiltinRules;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.policy.PolicyResolver;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Fixes postings in memory: lints them all, applies every chosen fix of each posting (see {@link FixPlanner}),
 * and lints again, until a pass changes nothing or {@value #MAX_PASSES} passes have run (as ESLint does: a
 * fix can reveal or unblock another). Writes nothing: the caller decides whether to write
 * ({@link AtomicWriter}) or show a diff. Fixes are not applied to findings that are waived (compliance
 * accepted them), nor to findings of rules that {@code rules} leaves out; suppressed findings are not
 * reported at all, so never fixed.
 */
public final class Fixer {
    public static final int MAX_PASSES = 10;

    private final Linter linter;
    private final PolicyResolver resolver;
    private final Predicate<String> rules;

    public Fixer(Linter linter, PolicyResolver resolver, Predicate<String> rules) {
        this.linter = linter;
        this.resolver = resolver;
        this.rules = rules;
    }

    /**
     * One posting's outcome: its bytes as read and as fixed (the same object when nothing changed), the
     * findings fixed, and the fixable findings that are left with why.
     */
    public record FileFix(InputFile file, EncodedPosting original, EncodedPosting fixed, List<Finding> applied,
            List<FixPlanner.Skipped> notFixed) {
        public boolean changed() {
            return !original.sameBytes(fixed);
        }
    }

    /** Every readable posting's outcome (in path order), the lint of the fixed texts, and how many passes ran. */
    public record Result(List<FileFix> files, LintReport report, int passes) {
        public int fixedCount() {
            return files.stream().mapToInt(f -> f.applied().size()).sum();
        }

        public int notFixedCount() {
            return files.stream().mapToInt(f -> f.notFixed().size()).sum();
        }
    }

    /** Whether a finding is one this run may fix. */
    public boolean fixable(Finding f) {
        return f.fix() != null && !f.waived() && rules.test(f.ruleId()) && !BuiltinRules.isBuiltin(f.ruleId());
    }

    public Result run(List<InputFile> files, long maxFileBytes) {
        List<InputFile> sorted = files.stream().sorted().toList();
        Map<InputFile, EncodedPosting> original = new LinkedHashMap<>();
        Map<InputFile, InputProblem> problems = new HashMap<>();
        for (InputFile f : sorted) {
            try {
                original.put(f, read(f, maxFileBytes));
            } catch (InputProblem p) {
                problems.put(f, p);
            }
        }
        Map<InputFile, EncodedPosting> current = new HashMap<>(original);
        Map<String, InputFile> byPath = new HashMap<>();
        Map<InputFile, List<Finding>> applied = new HashMap<>();
        for (InputFile f : sorted) {
            byPath.put(f.displayPath(), f);
            applied.put(f, new ArrayList<>());
        }
        Sources sources = f -> {
            InputProblem p = problems.get(f);
            if (p != null) {
                throw p;
            }
            return current.get(f).source();
        };
        LintReport report = linter.lint(sorted, resolver, sources);
        int passes = 0;
        while (passes < MAX_PASSES) {
            boolean changed = false;
            for (FileResult r : report.files()) {
                InputFile f = byPath.get(r.path());
                EncodedPosting now = f == null ? null : current.get(f);
                if (now == null) {
                    continue;
                }
                FixPlanner.Plan plan = FixPlanner.plan(now.text(), r.findings().stream().filter(this::fixable).toList());
                if (!plan.isEmpty()) {
                    current.put(f, now.apply(plan.edits()));
                    applied.get(f).addAll(plan.fixed());
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            passes++;
            report = linter.lint(sorted, resolver, sources);
        }
        List<FileFix> out = new ArrayList<>();
        for (FileResult r : report.files()) {
            InputFile f = byPath.get(r.path());
            if (f == null || !current.containsKey(f)) {
                continue;
            }
            List<Finding> left = r.findings().stream().filter(this::fixable).toList();
            List<FixPlanner.Skipped> notFixed = new ArrayList<>();
            FixPlanner.Plan plan = FixPlanner.plan(current.get(f).text(), left);
            notFixed.addAll(plan.skipped());
            for (Finding x : plan.fixed()) {
                notFixed.add(new FixPlanner.Skipped(x, "its finding was still there after " + MAX_PASSES + " passes", null));
            }
            notFixed.sort((a, b) -> Finding.ORDER.compare(a.finding(), b.finding()));
            out.add(new FileFix(f, original.get(f), current.get(f), List.copyOf(applied.get(f)), List.copyOf(notFixed)));
        }
        return new Result(List.copyOf(out), report, passes);
    }

    private static EncodedPosting read(InputFile f, long maxBytes) throws InputProblem {
        byte[] bytes;
        try {
            if (Files.isDirectory(f.path())) {
                throw new InputProblem("is a directory, not a posting file", true);
            }
            if (Files.size(f.path()) > maxBytes) {
                throw new InputProblem("file is too large (" + Files.size(f.path()) + " bytes; the limit is " + maxBytes
                        + ", see --max-file-size)", false);
            }
            bytes = Files.readAllBytes(f.path());
        } catch (NoSuchFileException e) {
            throw new InputProblem("no such file", true);
        } catch (AccessDeniedException e) {
            throw new InputProblem("permission denied", true);
        } catch (IOException e) {
            throw new InputProblem("cannot read: " + e.getMessage(), true);
        }
        return EncodedPosting.decode(f.displayPath(), bytes);
    }
}

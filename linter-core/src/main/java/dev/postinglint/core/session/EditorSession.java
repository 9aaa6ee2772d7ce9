package dev.postinglint.core.session;

import dev.postinglint.core.engine.CorpusIndex;
import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.fix.FixPlanner;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.input.InputKind;
import dev.postinglint.core.input.InputProblem;
import dev.postinglint.core.input.Inputs;
import dev.postinglint.core.input.PostingReader;
import dev.postinglint.core.input.Sources;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.policy.PolicyResolver;
import dev.postinglint.core.policy.PolicyRule;
import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.regex.Globs;
import dev.postinglint.core.rules.FieldValue;
import dev.postinglint.core.rules.RuleContext;
import dev.postinglint.core.rules.When;
import dev.postinglint.core.yaml.PolicyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The run behind an editor (the language server): lint the text of one open posting, which may differ from
 * the file on disk, against a workspace index of the other postings, so that corpus rules (drift) give the
 * same findings as a check of the whole workspace. Policies are found as on the command line (the given ones,
 * else each file's nearest {@code .posting-lint.yaml}); {@link #reloadPolicies} starts again after a policy file
 * changed. The index keeps observations only, never a parsed posting. Thread-safe.
 */
public final class EditorSession {
    /** How an index run reports: {@code done} of {@code total} files observed. */
    public interface Progress {
        void update(int done, int total);
    }

    /** The loaded policies and the index made with them: replaced together, so observations always match their rules. */
    private record State(PolicyResolver resolver, CorpusIndex index) {
    }

    private final LintSettings settings;
    private final Path root;
    private final Linter linter;
    private final Globs includes = new Globs(InputKind.DEFAULT_INCLUDES);
    private volatile State state;

    /** A session for the workspace folder {@code root} (null: none, no index). Policies are loaded lazily. */
    public EditorSession(LintSettings settings, Path root) {
        this.settings = settings;
        this.root = root == null ? null : root.toAbsolutePath().normalize();
        this.linter = settings.linter();
        this.state = fresh();
    }

    private State fresh() {
        PolicyResolver resolver = settings.policies().isEmpty() ? PolicyResolver.discovering(new PolicyLoader())
                : lazyFixed();
        return new State(resolver, new CorpusIndex());
    }

    /** The given policies, loaded on first use so that a broken one is reported where a posting is linted. */
    private PolicyResolver lazyFixed() {
        return new PolicyResolver() {
            private volatile Policy policy;

            @Override
            public Policy policyFor(Path file) {
                Policy p = policy;
                if (p == null) {
                    p = settings.resolver().policyFor(file);
                    policy = p;
                }
                return p;
            }
        };
    }

    public Path root() {
        return root;
    }

    /** Forgets the loaded policies and the index (a policy file changed): the caller lints and indexes again. */
    public void reloadPolicies() {
        state = fresh();
    }

    /** The policy for a posting: a broken one throws {@link PolicyException}. */
    public Policy policyFor(Path file) {
        return state.resolver().policyFor(file.toAbsolutePath().normalize());
    }

    /** Whether the editor should lint this file as a posting (what {@code check} finds in a directory by default). */
    public boolean isPosting(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return includes.matches(name);
    }

    /** Whether this file is a policy (a {@code .posting-lint.yaml}, or any YAML a policy may extend). */
    public static boolean isPolicy(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** The path reports show for a file: relative to the workspace root, as a check run from there shows it. */
    public InputFile input(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return new InputFile(abs, root == null ? abs.toString().replace('\\', '/') : Postings.display(root, abs));
    }

    /**
     * Lints the editor's {@code text} of {@code file} (null: what is on disk) against the index. A text that is
     * not a posting (binary, too large) gives one input-error finding, as {@code check} would; a broken policy
     * throws {@link PolicyException}.
     */
    public LintReport lint(Path file, String text) {
        return lint(file, text, true);
    }

    /** The same, judged against the index only when {@code withIndex} (before it is complete, a partial one would mislead). */
    public LintReport lint(Path file, String text, boolean withIndex) {
        State s = state;
        InputFile input = input(file);
        Sources sources = text == null ? linter.fromFiles() : f -> f.path().equals(input.path()) ? decode(input, text)
                : PostingReader.read(f, settings.maxFileBytes());
        return linter.lint(List.of(input), s.resolver(), sources, withIndex ? s.index() : null);
    }

    private dev.postinglint.core.source.SourceText decode(InputFile input, String text) throws InputProblem {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > settings.maxFileBytes()) {
            throw new InputProblem("file is too large (" + bytes.length + " bytes; the limit is " + settings.maxFileBytes()
                    + ", see --max-file-size)", false);
        }
        // The same checks as a file read from disk (binary, UTF-16), so the editor and check agree.
        return PostingReader.decode(input.displayPath(), bytes);
    }

    /**
     * Why a rule applies to a posting, for a hover: the jurisdiction that brought it into scope (null when the rule
     * has no jurisdiction condition) with the dates it is in force, the field it was judged by and that field's
     * value in the posting (null when not found), and the day judged as of.
     */
    public record Applies(String jurisdiction, LocalDate inForceFrom, LocalDate inForceUntil, String field, String fieldValue,
            LocalDate asOf) {
    }

    /** Why {@code ruleId} applies to this text of {@code file}; null when the policy has no such rule or the text is no posting. */
    public Applies whyApplies(Path file, String text, String ruleId) {
        Policy policy = policyFor(file);
        PolicyRule rule = policy.rule(ruleId).orElse(null);
        if (rule == null) {
            return null;
        }
        InputFile input = input(file);
        Posting[] posting = new Posting[1];
        Sources sources = text == null ? linter.fromFiles() : f -> decode(input, text);
        Inputs.expand(input, settings.maxFileBytes(), sources, source -> {
            if (posting[0] == null) {
                try {
                    posting[0] = source.load(policy.content());
                } catch (InputProblem e) {
                    // not a posting: nothing to explain
                }
            }
        });
        if (posting[0] == null) {
            return null;
        }
        RuleContext ctx = new RuleContext(posting[0], policy.fields(), policy.company(), linter.asOf(), policy.gazetteer(), policy.matcher());
        When when = rule.rule().info().when();
        When.JurisdictionWindow w = when.match(ctx);
        String field = when.jurisdictionField() != null ? when.jurisdictionField() : when.field();
        FieldValue value = field == null || !policy.fields().containsKey(field) ? null : ctx.field(field);
        boolean jurisdiction = w != null && !w.code().isEmpty();
        return new Applies(jurisdiction ? w.label() + " (" + w.code() + ")" : null, jurisdiction ? w.from() : null,
                jurisdiction ? w.until() : null, field, value == null ? null : value.value(), linter.asOf());
    }

    /**
     * Indexes every posting under the root on at most {@code threads} threads (observations only), reporting
     * progress; stops early when {@code cancelled} says so. Returns how many files were indexed.
     */
    public int indexWorkspace(int threads, Progress progress, BooleanSupplier cancelled) {
        if (root == null) {
            return 0;
        }
        State s = state;
        Postings postings = Postings.collect(List.of(root), List.of(), List.of(), root);
        List<InputFile> files = postings.files();
        AtomicInteger done = new AtomicInteger();
        progress.update(0, files.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "posting-lint-index");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (InputFile f : files) {
                futures.add(pool.submit(() -> {
                    if (!cancelled.getAsBoolean() && state == s) {
                        observe(s, f);
                    }
                    progress.update(done.incrementAndGet(), files.size());
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return s.index().files();
    }

    /** Updates the index from a file on disk (saved or changed): a file that is no longer a posting is forgotten. */
    public void update(Path file) {
        State s = state;
        if (!isPosting(file) || !java.nio.file.Files.isRegularFile(file)) {
            s.index().remove(file);
            return;
        }
        observe(s, input(file));
    }

    /** Forgets a deleted file. */
    public void forget(Path file) {
        state.index().remove(file);
    }

    /** How many files the index holds. */
    public int indexedFiles() {
        return state.index().files();
    }

    private void observe(State s, InputFile f) {
        Policy policy;
        try {
            policy = s.resolver().policyFor(f.path());
        } catch (PolicyException e) {
            return; // the policy's own diagnostics say what is wrong; nothing to index with it
        }
        s.index().put(f.path(), linter.observe(f, policy, linter.fromFiles(), s.index()));
    }

    /**
     * The text with the fixes of the rules {@code rules} accepts applied, as {@code posting-lint fix} applies them:
     * fix passes planned by {@link FixPlanner} and a re-lint after each, until nothing changes.
     */
    public String fix(Path file, String text, Predicate<String> rules) {
        String current = text;
        for (int pass = 0; pass < 10; pass++) {
            List<Finding> fixable = new ArrayList<>();
            for (Finding f : lint(file, current).files().get(0).findings()) {
                if (f.fix() != null && !f.waived() && rules.test(f.ruleId())) {
                    fixable.add(f);
                }
            }
            FixPlanner.Plan plan = FixPlanner.plan(current, fixable);
            if (plan.isEmpty()) {
                break;
            }
            current = FixPlanner.apply(current, plan.edits());
        }
        return current;
    }

    /**
     * Everything wrong with a policy file, each at its line and column (empty: it loads).
     */
    public static List<PolicyException> policyProblems(Path policyFile) {
        try {
            Path abs = policyFile.toAbsolutePath().normalize();
            new PolicyLoader().load(abs.getFileName().toString(), abs.getParent());
            return List.of();
        } catch (PolicyException e) {
            // The loader reports every problem of a load at once: one exception (one diagnostic) each.
            return e.problems().stream().map(p -> new PolicyException(p.place(), p.message())).toList();
        }
    }
}

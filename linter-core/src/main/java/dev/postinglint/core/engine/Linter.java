package dev.postinglint.core.engine;

import dev.postinglint.core.policy.FieldValue;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyRule;
import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.posting.PostingParser;
import dev.postinglint.core.rules.CorpusRule;
import dev.postinglint.core.rules.RuleContext;
import dev.postinglint.core.rules.RuleInfo;
import dev.postinglint.core.source.Position;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceSpan;
import dev.postinglint.core.source.SourceText;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The engine's front door: lints files with the policy each one resolves to, in parallel, and
 * returns results in path order. Knows nothing of terminals or build tools; the CLI and the Maven
 * plugin are thin faces on it.
 */
public final class Linter {
    /** The rule id of findings about files that could not be read as postings. */
    public static final String INPUT_RULE_ID = "input-error";
    public static final long DEFAULT_MAX_FILE_BYTES = 32L << 20;

    private final LocalDate asOf;
    private final int threads;
    private final long maxFileBytes;

    public Linter(LocalDate asOf, int threads, long maxFileBytes) {
        this.asOf = asOf;
        this.threads = Math.max(1, threads);
        this.maxFileBytes = maxFileBytes;
    }

    public Linter(LocalDate asOf) {
        this(asOf, Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_FILE_BYTES);
    }

    public LocalDate asOf() {
        return asOf;
    }

    /**
     * Lints the files. Policies are resolved first, on this thread, so a broken policy fails the run
     * before any work starts (with a {@link dev.postinglint.core.policy.PolicyException}).
     */
    public LintReport lint(List<InputFile> files, PolicyResolver resolver) {
        long start = System.nanoTime();
        List<InputFile> sorted = files.stream().sorted().toList();
        Map<InputFile, Policy> policies = new IdentityHashMap<>();
        Set<String> policyNames = new LinkedHashSet<>();
        for (InputFile f : sorted) {
            Policy p = resolver.policyFor(f.path());
            policies.put(f, p);
            policyNames.add(p.label());
        }
        List<Outcome> results = new ArrayList<>(sorted.size());
        if (threads == 1 || sorted.size() < 2) {
            for (InputFile f : sorted) {
                results.add(lint(f, policies.get(f)));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, sorted.size()), r -> {
                Thread t = new Thread(r, "posting-lint-worker");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Outcome>> futures = new ArrayList<>(sorted.size());
                for (InputFile f : sorted) {
                    Policy p = policies.get(f);
                    futures.add(pool.submit(() -> lint(f, p)));
                }
                for (Future<Outcome> fut : futures) {
                    results.add(fut.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        List<DriftGroup> drift = new ArrayList<>();
        List<FileResult> merged = finishCorpusRules(results, drift);
        return new LintReport(ToolInfo.version(), asOf, List.copyOf(policyNames), merged, Summary.of(merged),
                Duration.ofNanos(System.nanoTime() - start), drift);
    }

    /** A file's result and what corpus rules kept of it. */
    private record Outcome(FileResult result, Map<PolicyRule, Object> observations) {
    }

    /**
     * Gives each corpus rule every posting's observation, and merges what they report into the
     * file results (re-sorted, so the order never depends on which rule ran last).
     */
    private static List<FileResult> finishCorpusRules(List<Outcome> outcomes, List<DriftGroup> drift) {
        Map<PolicyRule, List<CorpusRule.Observation>> byRule = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            o.observations().forEach((rule, data) -> byRule.computeIfAbsent(rule, r -> new ArrayList<>())
                    .add(new CorpusRule.Observation(o.result().path(), data)));
        }
        List<FileResult> files = new ArrayList<>();
        for (Outcome o : outcomes) {
            files.add(o.result());
        }
        if (byRule.isEmpty()) {
            return files;
        }
        Map<String, List<Finding>> extra = new HashMap<>();
        for (Map.Entry<PolicyRule, List<CorpusRule.Observation>> e : byRule.entrySet()) {
            PolicyRule pr = e.getKey();
            RuleInfo info = pr.rule().info();
            long f0 = RuleTimes.ON ? RuleTimes.now() : 0;
            ((CorpusRule) pr.rule()).finish(e.getValue(), new CorpusRule.CorpusSink() {
                @Override
                public void report(String path, SourceSpan span, SourceLine line, String message, String excerpt, Fix fix) {
                    extra.computeIfAbsent(path, k -> new ArrayList<>()).add(new Finding(info.id(), info.category(),
                            pr.severity(), message, span, excerpt, info.link(), fix, line));
                }

                @Override
                public void drift(DriftGroup group) {
                    drift.add(group);
                }
            });
            if (RuleTimes.ON) {
                RuleTimes.add(info.id() + " (finish, corpus)", RuleTimes.now() - f0);
            }
        }
        List<FileResult> merged = new ArrayList<>(files.size());
        for (FileResult r : files) {
            List<Finding> more = extra.get(r.path());
            if (more == null) {
                merged.add(r);
                continue;
            }
            List<Finding> all = new ArrayList<>(r.findings());
            all.addAll(more);
            all.sort(Finding.ORDER);
            merged.add(new FileResult(r.path(), all, r.policy(), r.title(), r.location(), r.ioError()));
        }
        return merged;
    }

    /** Reads, parses and checks one file. A file that is not a readable posting yields one error finding. */
    public FileResult lintFile(InputFile file, Policy policy) {
        return lint(file, policy).result();
    }

    private Outcome lint(InputFile file, Policy policy) {
        SourceText source;
        try {
            source = PostingReader.read(file, maxFileBytes);
        } catch (InputProblem p) {
            SourceSpan at = new SourceSpan(0, 0, new Position(1, 1), new Position(1, 1));
            Finding f = new Finding(INPUT_RULE_ID, "input", Severity.ERROR, file.displayPath() + ": " + p.getMessage(),
                    at, "", null, null, SourceLine.NONE);
            return new Outcome(new FileResult(file.displayPath(), List.of(f), policy.label(), null, null, p.ioError()), Map.of());
        }
        long t0 = RuleTimes.ON ? RuleTimes.now() : 0;
        Posting posting = PostingParser.parse(source);
        if (RuleTimes.ON) {
            RuleTimes.add("(parse and text view)", RuleTimes.now() - t0);
        }
        RuleContext ctx = new RuleContext(posting, policy.fields(), policy.company(), asOf);
        List<Finding> findings = check(ctx, policy.enabledRules());
        Map<PolicyRule, Object> observations = new IdentityHashMap<>();
        for (PolicyRule pr : policy.enabledRules()) {
            if (pr.rule() instanceof CorpusRule cr && pr.rule().info().when().test(ctx)) {
                long o0 = RuleTimes.ON ? RuleTimes.now() : 0;
                Object data = cr.observe(ctx);
                if (RuleTimes.ON) {
                    RuleTimes.add(pr.rule().info().id() + " (observe)", RuleTimes.now() - o0);
                }
                if (data != null) {
                    observations.put(pr, data);
                }
            }
        }
        FieldValue location = policy.fields().containsKey("location") ? ctx.field("location") : null;
        return new Outcome(new FileResult(file.displayPath(), findings, policy.label(), posting.title(),
                location == null ? null : location.value(), false), observations);
    }

    /** Runs rules on one posting; findings in reading order, exact duplicates removed. */
    public static List<Finding> check(RuleContext ctx, List<PolicyRule> rules) {
        Set<Finding> out = new LinkedHashSet<>();
        SourceText source = ctx.posting().source();
        for (PolicyRule pr : rules) {
            RuleInfo info = pr.rule().info();
            if (!ctx.enter(info)) {
                continue;
            }
            long t0 = RuleTimes.ON ? RuleTimes.now() : 0;
            pr.rule().check(ctx, (span, message, excerpt, fix, severity) -> out.add(new Finding(info.id(), info.category(),
                    severity == null ? pr.severity() : severity, message, span, excerpt, info.link(), fix,
                    SourceLine.around(source, span.start()))));
            if (RuleTimes.ON) {
                RuleTimes.add(info.id(), RuleTimes.now() - t0);
            }
        }
        List<Finding> sorted = new ArrayList<>(out);
        sorted.sort(Finding.ORDER);
        return sorted;
    }
}

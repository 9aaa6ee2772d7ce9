package dev.postinglint.core.engine;

import dev.postinglint.core.filter.FindingFilter;
import dev.postinglint.core.filter.OncePerPosting;
import dev.postinglint.core.filter.Suppressions;
import dev.postinglint.core.filter.Waivers;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.input.InputProblem;
import dev.postinglint.core.input.Inputs;
import dev.postinglint.core.input.PostingReader;
import dev.postinglint.core.input.PostingSource;
import dev.postinglint.core.input.Sources;
import dev.postinglint.core.model.BuiltinRules;
import dev.postinglint.core.model.DriftGroup;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.RuleDescription;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.Summary;
import dev.postinglint.core.model.ToolInfo;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyResolver;
import dev.postinglint.core.policy.PolicyRule;
import dev.postinglint.core.posting.ContentChoice;
import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.rules.CorpusRule;
import dev.postinglint.core.rules.FieldValue;
import dev.postinglint.core.rules.RuleContext;
import dev.postinglint.core.rules.RuleInfo;
import dev.postinglint.core.source.Position;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceSpan;
import dev.postinglint.core.source.SourceText;
import dev.postinglint.core.model.ResultStream;
import dev.postinglint.core.model.RunHeader;
import dev.postinglint.core.model.RunTotals;
import dev.postinglint.core.model.SummaryTally;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/**
 * The engine's front door: lints files with the policy each one resolves to, in parallel, and
 * returns results in path order. Knows nothing of terminals or build tools; the CLI and the Maven
 * plugin are thin faces on it.
 */
public final class Linter {
    public static final long DEFAULT_MAX_FILE_BYTES = 32L << 20;
    /** How many postings per worker may wait, read but not yet checked (bounds memory on big exports). */
    private static final int IN_FLIGHT_PER_THREAD = 4;

    private final LocalDate asOf;
    private final int threads;
    private final long maxFileBytes;
    /** {@code --content}: replaces every policy's {@code content:} when not null. */
    private final ContentChoice content;

    public Linter(LocalDate asOf, int threads, long maxFileBytes) {
        this(asOf, threads, maxFileBytes, null);
    }

    /** A linter whose choice of content (null: each policy's own) overrides the policies'. */
    public Linter(LocalDate asOf, int threads, long maxFileBytes, ContentChoice content) {
        this.asOf = asOf;
        this.threads = Math.max(1, threads);
        this.maxFileBytes = maxFileBytes;
        this.content = content;
    }

    /** Which part of an HTML file is the posting under this policy. */
    ContentChoice contentFor(Policy policy) {
        return content != null ? content : policy.content();
    }

    public Linter(LocalDate asOf) {
        this(asOf, Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_FILE_BYTES);
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** Reads each posting from its file (UTF-8, BOM stripped, within the size limit). */
    public Sources fromFiles() {
        return new PostingReader.FromFiles(maxFileBytes);
    }

    /**
     * Lints the files. Policies are resolved first, on this thread, so a broken policy fails the run
     * before any work starts (with a {@link dev.postinglint.core.yaml.PolicyException}).
     */
    public LintReport lint(List<InputFile> files, PolicyResolver resolver) {
        return lint(files, resolver, fromFiles());
    }

    /** Lints the files, reading their text from {@code sources}. */
    public LintReport lint(List<InputFile> files, PolicyResolver resolver, Sources sources) {
        return lint(files, resolver, sources, null);
    }

    /**
     * Lints the files as one run over them and the postings {@code others} keeps (null: none), so corpus rules
     * judge them against the whole workspace: an editor's findings for an open posting are then those a run over
     * every file would give it. What the index keeps of the files linted here is left out (their text here wins).
     */
    public LintReport lint(List<InputFile> files, PolicyResolver resolver, Sources sources, CorpusIndex others) {
        ResultStream.Collector all = new ResultStream.Collector();
        try {
            run(files, resolver, sources, others, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a collector does no I/O
        }
        return all.report();
    }

    /**
     * Lints the files and sends each posting's result to {@code out} as soon as it and every posting before it
     * (in path order) are final, so a report can be written while the run goes on and nothing holds the whole
     * run. Without corpus rules a posting is final once checked. With them, results wait for the last posting:
     * they wait on disk ({@link ResultSpill}), not in memory, beyond the first {@value #KEPT_IN_MEMORY}. The
     * output is the same as {@link #lint}'s report, posting for posting. An {@link IOException} from {@code out}
     * ends the run.
     */
    public void run(List<InputFile> files, PolicyResolver resolver, Sources sources, CorpusIndex others, ResultStream out)
            throws IOException {
        long start = System.nanoTime();
        List<InputFile> sorted = files.stream().sorted().toList();
        Map<InputFile, Policy> policies = new IdentityHashMap<>();
        Set<String> policyNames = new LinkedHashSet<>();
        List<Policy> used = new ArrayList<>(); // in first use order, by identity: a resolver loads each policy once
        for (InputFile f : sorted) {
            Policy p = resolver.policyFor(f.path());
            policies.put(f, p);
            policyNames.add(p.label());
            if (used.stream().noneMatch(u -> u == p)) {
                used.add(p);
            }
        }
        // Each policy once, by identity: a set of the map's values would hash every rule of the
        // policy, deeply (records), once per file.
        CorpusRuns corpus = new CorpusRuns(used, others);
        out.begin(new RunHeader(ToolInfo.version(), asOf, List.copyOf(policyNames), catalogue(used)));
        Delivery delivery = new Delivery(corpus, out);
        // Each file becomes one posting task, a board export one task per job. Exports are streamed
        // here, on this thread, while workers check. A task holds its permit until its result is
        // delivered (in path order), so at most IN_FLIGHT_PER_THREAD postings per worker are read,
        // being checked or waiting for an earlier one: a run of any size is checked in bounded memory.
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "posting-lint-worker");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(threads * IN_FLIGHT_PER_THREAD);
        ArrayDeque<Future<PostingOutcome>> queue = new ArrayDeque<>();
        List<DriftGroup> drift = new ArrayList<>();
        try {
            for (InputFile f : sorted) {
                Policy p = policies.get(f);
                Inputs.expand(f, maxFileBytes, sources, source -> {
                    if (pool == null) {
                        delivery.deliver(lint(source, p, corpus));
                        return;
                    }
                    // No permit free: every one is held by a queued task, so the oldest is the one to wait for.
                    while (!inFlight.tryAcquire()) {
                        delivery.deliver(await(queue.poll()));
                        inFlight.release();
                    }
                    queue.add(pool.submit(() -> lint(source, p, corpus)));
                    while (!queue.isEmpty() && queue.peek().isDone()) {
                        delivery.deliver(await(queue.poll()));
                        inFlight.release();
                    }
                });
            }
            while (!queue.isEmpty()) {
                delivery.deliver(await(queue.poll()));
                inFlight.release();
            }
            delivery.finish(workers(pool), drift);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            delivery.close();
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        out.end(new RunTotals(delivery.tally.summary(), Duration.ofNanos(System.nanoTime() - start), drift));
    }

    /**
     * Postings' results kept in memory while corpus rules are pending; later ones wait in a {@link ResultSpill}.
     * Measured on the whole corpus (BENCHMARKS "Round 7: result spill and drift observation"): all 9,387 kept
     * cost about 40 MB more peak RSS than 256, and spilling them costs about 60 ms of CPU, so a bound this low
     * keeps memory flat for runs of any size at almost no cost.
     */
    private static final int KEPT_IN_MEMORY = 256;

    /**
     * Where checked postings go, in path order: straight to the stream when no corpus rule runs; else their
     * observations to the corpus rules and their results to a waiting list (in memory, then on disk) until
     * {@link #finish}.
     */
    private final class Delivery {
        /** A posting that waits for the corpus rules: its result is in {@code kept} or the spill, in this order. */
        private record Waiting(Path file, Policy policy, Suppressions suppressions, FileResult kept) {
        }

        private final CorpusRuns corpus;
        private final ResultStream out;
        private final SummaryTally tally = new SummaryTally();
        private final List<Waiting> waiting = new ArrayList<>();
        private final Set<Path> linted = new HashSet<>();
        private final Set<String> paths = new HashSet<>();
        private ResultSpill spill;

        Delivery(CorpusRuns corpus, ResultStream out) {
            this.corpus = corpus;
            this.out = out;
        }

        void deliver(PostingOutcome o) {
            if (corpus.isEmpty()) {
                send(Linter.this.finish(o, List.of()));
                return;
            }
            corpus.add(o);
            if (corpus.indexed()) {
                linted.add(o.file());
                paths.add(o.result().path());
            }
            // A posting that was not readable has its one finding, final already: it is kept, it is small.
            boolean inMemory = waiting.size() < KEPT_IN_MEMORY || o.suppressions() == null;
            if (!inMemory) {
                if (spill == null) {
                    spill = new ResultSpill();
                }
                spill.write(o.result());
            }
            waiting.add(new Waiting(o.file(), o.policy(), o.suppressions(), inMemory ? o.result() : null));
        }

        void finish(CorpusRule.Workers workers, List<DriftGroup> drift) {
            if (corpus.isEmpty()) {
                return;
            }
            Map<String, List<Finding>> extra = corpus.finish(linted, paths, workers, drift);
            for (int i = 0; i < waiting.size(); i++) {
                Waiting w = waiting.get(i);
                waiting.set(i, null); // sent: let it go
                FileResult result = w.kept() != null ? w.kept() : spill.next();
                PostingOutcome o = new PostingOutcome(w.file(), w.policy(), result, List.of(), w.suppressions());
                send(Linter.this.finish(o, extra.getOrDefault(result.path(), List.of())));
            }
        }

        private void send(FileResult r) {
            tally.add(r);
            try {
                out.file(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() {
            if (spill != null) {
                spill.close();
            }
        }
    }

    /** The enabled rules of the run's policies (the first policy's definition of an id wins) and the built-in ones. */
    static List<RuleDescription> catalogue(Collection<Policy> policies) {
        Map<String, RuleDescription> byId = new TreeMap<>();
        for (Policy p : policies) {
            for (PolicyRule pr : p.enabledRules()) {
                RuleInfo i = pr.rule().info();
                byId.putIfAbsent(pr.id(), new RuleDescription(pr.id(), i.category(), pr.severity(), i.description(), i.link(),
                        i.message() == null ? null : i.message().source(), i.origin()));
            }
        }
        for (BuiltinRules.BuiltinRule b : BuiltinRules.all()) {
            byId.putIfAbsent(b.id(), new RuleDescription(b.id(), b.category(), b.severity(), b.description(), null, null, "built-in"));
        }
        return List.copyOf(byId.values());
    }

    /** Corpus rules' workers: the run's pool, or this thread when the run has one thread. */
    private static CorpusRule.Workers workers(ExecutorService pool) {
        return new CorpusRule.Workers() {
            @Override
            public <T> List<T> map(int count, IntFunction<T> task) {
                List<T> out = new ArrayList<>(count);
                if (pool == null) {
                    for (int i = 0; i < count; i++) {
                        out.add(task.apply(i));
                    }
                    return out;
                }
                List<Future<T>> futures = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    int index = i;
                    futures.add(pool.submit(() -> task.apply(index)));
                }
                for (Future<T> f : futures) {
                    out.add(await(f));
                }
                return out;
            }
        };
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Completes one file's findings: adds what corpus rules reported (re-sorted, so the order never depends on
     * which rule ran last), then applies the posting's suppression comments, makes each once-per-posting rule's
     * hits one finding, and applies the policy's waivers.
     */
    private FileResult finish(PostingOutcome o, List<Finding> more) {
        FileResult r = o.result();
        if (o.suppressions() == null) {
            return r; // not a readable posting: its one input-error finding stands as it is
        }
        List<Finding> all = new ArrayList<>(r.findings());
        all.addAll(more);
        all.sort(Finding.ORDER);
        FindingFilter filters = o.suppressions().then(OncePerPosting.of(o.policy()))
                .then(Waivers.of(o.policy().waivers(), o.file(), asOf));
        return filters.apply(r.withFindings(all));
    }

    /**
     * Reads, parses and checks one file (for a board export, its first job; {@link #lint} checks them
     * all). A file that is not a readable posting yields one error finding.
     */
    public FileResult lintFile(InputFile file, Policy policy) {
        List<PostingOutcome> out = new ArrayList<>();
        CorpusRuns none = new CorpusRuns(List.of());
        Inputs.expand(file, maxFileBytes, fromFiles(), source -> {
            if (out.isEmpty()) {
                out.add(lint(source, policy, none));
            }
        });
        return finish(out.get(0), List.of());
    }

    /**
     * What the policy's corpus rules keep of each posting in a file, for an editor's {@link CorpusIndex}
     * (observations only: the parsed posting is dropped at once). A file that is not a readable posting keeps nothing.
     */
    public List<CorpusIndex.Kept> observe(InputFile file, Policy policy, Sources sources, CorpusIndex index) {
        List<PolicyRule> corpusRules = policy.enabledRules().stream().filter(pr -> pr.rule() instanceof CorpusRule<?>).toList();
        List<CorpusIndex.Kept> out = new ArrayList<>();
        if (corpusRules.isEmpty()) {
            return out;
        }
        Inputs.expand(file, maxFileBytes, sources, source -> {
            Posting posting;
            try {
                posting = source.load(contentFor(policy));
                RuleContext ctx = new RuleContext(posting, policy.fields(), policy.company(), asOf, policy.gazetteer(), policy.matcher());
                check(ctx, corpusRules); // a corpus rule's observation may use what its check found
                for (PolicyRule pr : corpusRules) {
                    if (!pr.rule().info().when().test(ctx)) {
                        continue;
                    }
                    Object data = index.observe(pr, (CorpusRule<?>) pr.rule(), ctx);
                    if (data != null) {
                        out.add(new CorpusIndex.Kept(pr, source.displayPath(), data));
                    }
                }
            } catch (InputProblem | RuntimeException | StackOverflowError p) {
                // Not a readable posting, or one that breaks a parser: it keeps nothing (its own lint says why).
                Log.LOG.log(System.Logger.Level.DEBUG, "not indexed: " + source.displayPath(), p);
            }
        });
        return out;
    }

    /**
     * Reads, parses and checks one posting. Whatever goes wrong with one posting stays with it: an
     * unreadable file, and any exception or stack overflow from a parser or a rule, become one
     * {@code input-error} finding with a one-line reason; the stack trace is logged at DEBUG level
     * ({@code --debug}). Only running out of memory ends the run.
     */
    private PostingOutcome lint(PostingSource input, Policy policy, CorpusRuns corpus) {
        try {
            return lintOrThrow(input, policy, corpus);
        } catch (RuntimeException | StackOverflowError e) {
            Log.LOG.log(System.Logger.Level.DEBUG, "internal error on " + input.displayPath(), e);
            String reason = e instanceof StackOverflowError ? "nested too deeply to check (stack overflow)"
                    : "internal error while checking it (" + e.getClass().getName()
                            + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + "); --debug shows the stack trace";
            return unreadable(input, policy, new InputProblem(reason, false));
        }
    }

    /**
     * The engine's logger, made on first use: {@code System.getLogger} starts {@code java.util.logging} (its log
     * manager and configuration), about 5 ms of a cold one-file check's main thread when it was made with the
     * class, and only a posting that fails logs anything ({@code --debug}).
     */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("dev.postinglint");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static PostingOutcome unreadable(PostingSource input, Policy policy, InputProblem p) {
        Position at = p.at() == null ? new Position(1, 1) : p.at();
        SourceSpan span = new SourceSpan(0, 0, at, at);
        String where = p.at() == null ? "" : " (line " + at.line() + ", column " + at.column() + ")";
        Finding f = new Finding(BuiltinRules.INPUT_ERROR, "input", Severity.ERROR, input.displayPath() + ": " + p.getMessage() + where,
                span, "", null, null, p.line());
        return new PostingOutcome(input.file(), policy, new FileResult(input.displayPath(), List.of(f), policy.label(), null, null,
                p.ioError(), 0, input.origin()), List.of(), null);
    }

    private PostingOutcome lintOrThrow(PostingSource input, Policy policy, CorpusRuns corpus) {
        Posting posting;
        long t0 = RuleTimes.ON ? RuleTimes.now() : 0;
        try {
            posting = input.load(contentFor(policy));
        } catch (InputProblem p) {
            return unreadable(input, policy, p);
        }
        if (RuleTimes.ON) {
            RuleTimes.add("(read, parse and text view)", RuleTimes.now() - t0);
        }
        RuleContext ctx = new RuleContext(posting, policy.fields(), policy.company(), asOf, policy.gazetteer(), policy.matcher());
        List<Finding> findings = check(ctx, policy.enabledRules());
        if (!input.fixable()) {
            // A board job's findings are positioned in its decoded content, not in the export's bytes.
            findings = findings.stream().map(f -> f.fix() == null ? f : f.withoutFix()).toList();
        }
        if (!input.notices().isEmpty()) {
            List<Finding> all = new ArrayList<>(input.notices());
            all.addAll(findings);
            findings = all;
        }
        List<CorpusRuns.Observed<?>> observed = corpus.observe(policy, ctx);
        FieldValue location = policy.fields().containsKey("location") ? ctx.field("location") : null;
        // Suppression comments are read where the markup is the source (HTML); a Markdown posting's
        // markup was rendered, so its comment positions would not be the file's.
        Suppressions suppressions = posting.markupIsSource() ? Suppressions.of(posting) : Suppressions.NONE;
        return new PostingOutcome(input.file(), policy, new FileResult(input.displayPath(), findings, policy.label(), posting.title(),
                location == null ? null : location.value(), false, 0, input.origin()), observed, suppressions);
    }

    /** Runs rules on one posting; findings in reading order, exact duplicates removed. */
    public static List<Finding> check(RuleContext ctx, List<PolicyRule> rules) {
        Set<Finding> out = new LinkedHashSet<>();
        SourceText source = ctx.posting().source();
        for (PolicyRule pr : rules) {
            RuleInfo info = pr.rule().info();
            long t0 = RuleTimes.ON ? RuleTimes.now() : 0;
            boolean applies = ctx.enter(info);
            if (RuleTimes.ON) {
                // The conditions read fields and places, shared by every rule that asks after the first.
                long t1 = RuleTimes.now();
                RuleTimes.add("(when: conditions)", t1 - t0);
                t0 = t1;
            }
            if (!applies) {
                continue;
            }
            String link = ctx.link(); // the law of the jurisdiction the rule runs for
            pr.rule().check(ctx, (span, message, excerpt, fix, severity) -> out.add(new Finding(info.id(), info.category(),
                    severity == null ? pr.severity() : severity, message, span, excerpt, link, fix,
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

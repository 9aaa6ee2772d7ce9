package dev.postinglint.cli;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.input.InputCollector;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.input.InputProblem;
import dev.postinglint.core.input.PostingReader;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.policy.PolicyResolver;
import dev.postinglint.core.regex.Globs;
import dev.postinglint.core.report.ReportFormats;
import dev.postinglint.core.session.Options;
import dev.postinglint.core.session.SessionException;
import dev.postinglint.core.source.SourceText;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code posting-lint bench} (hidden, for bench/run.sh): measures, in one JVM, the parse floor
 * (read every posting and parse it with jsoup with position tracking, nothing else, on the same
 * number of threads as the linter) against a full lint of the same files with each given policy
 * (the linter's own read, parse, rules, corpus rules and the JSON report, written to nowhere). After
 * warm-up rounds it runs them one after the other, round after round, and prints one line per round,
 * then medians, so each ratio is taken within a round on a noisy machine. {@code --floor-only} runs
 * the floor alone.
 */
@Command(name = "bench", hidden = true, description = "Measure the parse floor against a full lint (for bench/run.sh).")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or directories.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "FILE|builtin:NAME",
            description = "A policy to measure (repeatable: each is linted on its own, in every round). Default: builtin:default.")
    List<String> policies = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2", description = "Warm-up pairs, not reported (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Measured pairs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--settle", description = "After the warm-up rounds, keep warming up until a round spends under "
            + "5% of its process CPU in the JIT compiler (at most --settle-max more rounds): the steady state.")
    boolean settle;

    @Option(names = "--settle-max", paramLabel = "N", defaultValue = "40",
            description = "The most extra warm-up rounds --settle adds (default: ${DEFAULT-VALUE}).")
    int settleMax;

    @Option(names = "--floor-only", description = "Measure only the parse floor.")
    boolean floorOnly;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "As-of date for dated rules (default: today).")
    String asOf;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
        InputCollector.Collected collected = new InputCollector(new Globs(List.of("**/*.html")), new Globs(List.of())).collect(paths);
        List<InputFile> files = collected.files();
        if (files.isEmpty()) {
            throw new SessionException("no posting files found");
        }
        long bytes = 0;
        for (InputFile f : files) {
            bytes += Files.size(f.path());
        }
        List<String> names = policies.isEmpty() ? List.of("builtin:default") : policies;
        List<PolicyResolver> resolvers = new ArrayList<>();
        PolicyLoader loader = new PolicyLoader();
        for (String p : names) {
            resolvers.add(PolicyResolver.fixed(loader.load(List.of(p), Path.of(""))));
        }
        int k = floorOnly ? 0 : names.size();
        Linter linter = new Linter(Options.asOf("--as-of", asOf, LocalDate.now()), n, Linter.DEFAULT_MAX_FILE_BYTES);
        out.printf(Locale.ROOT, "# files %d bytes %d threads %d%n", files.size(), bytes, n);
        StringBuilder head = new StringBuilder("# round\tfloor_ms\tfloor_cpu_ms");
        for (int j = 0; j < k; j++) {
            head.append("\tlint_ms[").append(names.get(j)).append("]\tlint_cpu_ms\tratio");
        }
        head.append("\tjit_ms");
        out.println(head);
        out.flush();
        double[] floorMs = new double[runs];
        double[][] lintMs = new double[k][runs];
        double[][] ratio = new double[k][runs];
        double[] floorCpu = new double[runs];
        double[][] lintCpu = new double[k][runs];
        double[] jitMs = new double[runs];
        double[] roundCpu = new double[runs];
        int extra = 0;
        int warmups = settle ? Math.max(1, warmup) : warmup; // --settle judges the last warm-up round
        for (int r = -warmups; r < runs; r++) {
            long j0 = jitMillis();
            long c0 = cpuNanos();
            double f = floor(files, n);
            double fc = (cpuNanos() - c0) / 1e6;
            double[] l = new double[k];
            double[] lc = new double[k];
            for (int j = 0; j < k; j++) {
                long c1 = cpuNanos();
                l[j] = lint(linter, files, resolvers.get(j));
                lc[j] = (cpuNanos() - c1) / 1e6;
            }
            double jit = jitMillis() - j0;
            double cpu = (cpuNanos() - c0) / 1e6;
            if (r == -1 && settle && extra < settleMax && jit > SETTLED_JIT_SHARE * cpu) {
                // The JIT still compiles a good part of the time: this is not the steady state yet.
                extra++;
                r--;
                continue;
            }
            if (r == -1 && settle) {
                out.printf(Locale.ROOT, "# warm-up rounds %d (%d added by --settle; the last spent %.0f ms compiling, %.1f%% of its %.0f ms CPU)%n",
                        warmups + extra, extra, jit, 100 * jit / cpu, cpu);
                out.flush();
            }
            if (r < 0) {
                continue;
            }
            jitMs[r] = jit;
            roundCpu[r] = cpu;
            floorMs[r] = f;
            floorCpu[r] = fc;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%d\t%.1f\t%.1f", r + 1, f, fc));
            for (int j = 0; j < k; j++) {
                lintMs[j][r] = l[j];
                lintCpu[j][r] = lc[j];
                ratio[j][r] = l[j] / f;
                line.append(String.format(Locale.ROOT, "\t%.1f\t%.1f\t%.3f", l[j], lc[j], ratio[j][r]));
            }
            line.append(String.format(Locale.ROOT, "\t%.0f", jit));
            out.println(line);
            out.flush();
        }
        double mb = bytes / 1e6;
        out.printf(Locale.ROOT, "floor: median %.1f ms (min %.1f, max %.1f), %.0f postings/s, %.1f MB/s%n",
                median(floorMs), min(floorMs), max(floorMs), files.size() / (median(floorMs) / 1000), mb / (median(floorMs) / 1000));
        for (int j = 0; j < k; j++) {
            out.printf(Locale.ROOT, "lint %s: median %.1f ms (min %.1f, max %.1f), %.0f postings/s, %.1f MB/s%n", names.get(j),
                    median(lintMs[j]), min(lintMs[j]), max(lintMs[j]), files.size() / (median(lintMs[j]) / 1000),
                    mb / (median(lintMs[j]) / 1000));
            out.printf(Locale.ROOT, "ratio %s/floor: median %.3f (min %.3f, max %.3f)%n", names.get(j),
                    median(ratio[j]), min(ratio[j]), max(ratio[j]));
        }
        for (int j = 0; j < k; j++) {
            double[] rel = new double[runs];
            for (int r = 0; r < runs; r++) {
                rel[r] = lintCpu[j][r] / floorCpu[r];
            }
            out.printf(Locale.ROOT, "cpu ratio %s/floor: median %.3f (min %.3f, max %.3f)%n", names.get(j),
                    median(rel), min(rel), max(rel));
        }
        double jitSum = Arrays.stream(jitMs).sum();
        double cpuSum = Arrays.stream(roundCpu).sum();
        out.printf(Locale.ROOT, "jit: %.0f ms compiling during the measured rounds, %.1f%% of their %.0f ms process CPU%n",
                jitSum, cpuSum == 0 ? 0 : 100 * jitSum / cpuSum, cpuSum);
        for (int j = 1; j < k; j++) {
            double[] rel = new double[runs];
            for (int r = 0; r < runs; r++) {
                rel[r] = lintMs[0][r] / lintMs[j][r];
            }
            out.printf(Locale.ROOT, "ratio %s/%s: median %.3f (min %.3f, max %.3f)%n", names.get(0), names.get(j),
                    median(rel), min(rel), max(rel));
        }
        out.flush();
        return Main.OK;
    }

    /** Reads and parses every file with position tracking, one parser per thread; returns ms. */
    static double floor(List<InputFile> files, int threads) throws Exception {
        long start = System.nanoTime();
        AtomicLong sink = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "posting-lint-bench");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<Parser> parser = ThreadLocal.withInitial(() -> Parser.htmlParser().setTrackPosition(true));
        try {
            List<Future<?>> futures = new ArrayList<>(files.size());
            for (InputFile f : files) {
                futures.add(pool.submit(() -> {
                    try {
                        SourceText src = PostingReader.read(f, Linter.DEFAULT_MAX_FILE_BYTES);
                        Document doc = parser.get().parseInput(src.text(), "");
                        sink.addAndGet(doc.body() == null ? 0 : doc.body().childNodeSize());
                    } catch (InputProblem e) {
                        sink.incrementAndGet();
                    }
                }));
            }
            for (Future<?> fut : futures) {
                fut.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long elapsed = System.nanoTime() - start;
        if (sink.get() == Long.MIN_VALUE) {
            System.err.print(""); // keeps the parse results alive
        }
        return elapsed / 1e6;
    }

    /** Lints every file and writes the JSON report to nowhere, as {@code check --format json} does; returns ms. */
    static double lint(Linter linter, List<InputFile> files, PolicyResolver resolver) throws Exception {
        long start = System.nanoTime();
        LintReport report = linter.lint(files, resolver);
        ReportFormats.create("json").write(report, Writer.nullWriter());
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * A round whose JIT compilations took more than this share of its process CPU is still warming up
     * ({@code --settle}): measured on the first 2,000 corpus postings, the lint's CPU a round halves between
     * the fourth and the sixteenth round while the compiler thread is busy (docs/BENCHMARKS.md).
     */
    static final double SETTLED_JIT_SHARE = 0.05;

    /** The JIT compilers' accumulated time (ms), or 0 when the JVM does not say. */
    private static long jitMillis() {
        java.lang.management.CompilationMXBean c = java.lang.management.ManagementFactory.getCompilationMXBean();
        return c != null && c.isCompilationTimeMonitoringSupported() ? c.getTotalCompilationTime() : 0;
    }

    /** CPU time of the whole process (all threads, GC included), in nanoseconds. */
    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}

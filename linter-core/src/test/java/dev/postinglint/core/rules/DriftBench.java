package dev.postinglint.core.rules;

import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.input.InputProblem;
import dev.postinglint.core.input.PostingReader;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.policy.PolicyRule;
import dev.postinglint.core.posting.Metadata;
import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.posting.PostingLayerBench;
import dev.postinglint.core.posting.PostingParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the corpus rules' per-posting observation costs, warm, on one thread (docs/BENCHMARKS.md "Round 10: drift
 * observation"): per round, a fresh run of each corpus rule (as each {@code check} of the CLI starts one), every
 * posting parsed and every rule that applies checked first (untimed, as {@code Linter} does, so that what a rule
 * computes first for the others, such as the literal index, is charged where a lint charges it), then the thread's
 * CPU time in each corpus rule's {@code observe}, then in its {@code finish} (the groups judged in turn). Not a test. Run with the CLI jar, which holds the packs:
 * {@code java -cp cli/target/posting-lint.jar:linter-core/target/test-classes dev.postinglint.core.rules.DriftBench FILE_LIST ROUNDS}.
 */
public final class DriftBench {
    private DriftBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DriftBench FILE_LIST ROUNDS [AS_OF [POLICY]]");
            System.exit(2);
        }
        List<InputFile> files = PostingLayerBench.fileList(args[0]);
        int rounds = Integer.parseInt(args[1]);
        LocalDate asOf = LocalDate.parse(args.length > 2 ? args[2] : "2026-06-01");
        Policy policy = new PolicyLoader().load(List.of(args.length > 3 ? args[3] : "builtin:default"), Path.of(""));
        List<PolicyRule> rules = policy.enabledRules();
        List<PolicyRule> corpus = new ArrayList<>();
        StringBuilder head = new StringBuilder("# round");
        for (PolicyRule pr : rules) {
            if (pr.rule() instanceof CorpusRule<?>) {
                corpus.add(pr);
                head.append('\t').append(pr.rule().info().id()).append("_ms");
            }
        }
        for (PolicyRule pr : corpus) {
            head.append('\t').append(pr.rule().info().id()).append("_finish_ms");
        }
        System.out.println(head + "\tall_ms\t(" + files.size() + " postings, CPU of one thread in observe, then in finish)");
        CorpusRule.Workers inTurn = new CorpusRule.Workers() {
            @Override
            public <T> List<T> map(int count, java.util.function.IntFunction<T> task) {
                List<T> out = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    out.add(task.apply(i));
                }
                return out;
            }
        };
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int r = 1; r <= rounds; r++) {
            List<CorpusRule.Run<?>> runs = new ArrayList<>();
            CorpusRule.RunShared shared = new CorpusRule.RunShared();
            for (PolicyRule pr : corpus) {
                runs.add(((CorpusRule<?>) pr.rule()).startRun(shared));
            }
            long[] spent = new long[corpus.size()];
            List<List<CorpusRule.Observation<Object>>> kept = new ArrayList<>(); // what each run keeps until its end
            for (int k = 0; k < corpus.size(); k++) {
                kept.add(new ArrayList<>());
            }
            for (InputFile f : files) {
                Posting posting;
                try {
                    posting = PostingParser.parse(PostingReader.read(f, 10_000_000), Metadata.NONE, policy.content());
                } catch (InputProblem e) {
                    continue;
                }
                RuleContext ctx = new RuleContext(posting, policy.fields(), policy.company(), asOf, policy.gazetteer(), policy.matcher());
                int[] found = new int[1];
                for (PolicyRule pr : rules) {
                    if (ctx.enter(pr.rule().info())) {
                        pr.rule().check(ctx, (span, message, excerpt, fix, severity) -> found[0]++);
                    }
                }
                for (int k = 0; k < corpus.size(); k++) {
                    if (!corpus.get(k).rule().info().when().test(ctx)) {
                        continue;
                    }
                    long t0 = mx.getCurrentThreadCpuTime();
                    Object o = runs.get(k).observe(ctx);
                    spent[k] += mx.getCurrentThreadCpuTime() - t0;
                    if (o != null) {
                        kept.get(k).add(new CorpusRule.Observation<>(f.displayPath(), o));
                    }
                }
                sink += found[0];
            }
            long[] finished = new long[corpus.size()];
            int[] reported = new int[1];
            CorpusRule.CorpusSink counting = new CorpusRule.CorpusSink() {
                @Override
                public void report(String path, dev.postinglint.core.source.SourceSpan span, dev.postinglint.core.source.SourceLine line,
                        String message, String excerpt, dev.postinglint.core.model.Fix fix) {
                    reported[0]++;
                }

                @Override
                public void drift(dev.postinglint.core.model.DriftGroup group) {
                    reported[0]++;
                }
            };
            for (int k = 0; k < corpus.size(); k++) {
                @SuppressWarnings("unchecked") // each run's own observations
                CorpusRule.Run<Object> run = (CorpusRule.Run<Object>) runs.get(k);
                long t0 = mx.getCurrentThreadCpuTime();
                run.finish(kept.get(k), inTurn, counting);
                finished[k] = mx.getCurrentThreadCpuTime() - t0;
                sink += kept.get(k).size();
            }
            StringBuilder line = new StringBuilder().append(r);
            long all = 0;
            for (long s : spent) {
                line.append(String.format(Locale.ROOT, "\t%.1f", s / 1e6));
                all += s;
            }
            for (long s : finished) {
                line.append(String.format(Locale.ROOT, "\t%.1f", s / 1e6));
                all += s;
            }
            System.out.println(line.append(String.format(Locale.ROOT, "\t%.1f", all / 1e6)));
            sink += reported[0];
        }
        System.out.println("# findings and observations " + sink);
    }
}

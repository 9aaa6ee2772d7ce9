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
import java.util.List;
import java.util.Locale;

/**
 * What a policy's {@code when:} conditions cost, warm, on one thread (docs/BENCHMARKS.md "Round 9: when:
 * conditions"): per round, the thread's CPU time in {@link RuleContext#enter} summed over the given
 * postings, with every rule that applies checked in between (untimed), as {@code Linter.check} does, so that
 * what a rule computes first for the others (the literal index, a field) is charged where a lint charges
 * it. Not a test. Run with the CLI jar, which holds the packs:
 * {@code java -cp cli/target/posting-lint.jar:linter-core/target/test-classes dev.postinglint.core.rules.WhenBench FILE_LIST ROUNDS}.
 */
public final class WhenBench {
    private WhenBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: WhenBench FILE_LIST ROUNDS [AS_OF [POLICY]]");
            System.exit(2);
        }
        List<InputFile> files = PostingLayerBench.fileList(args[0]);
        int rounds = Integer.parseInt(args[1]);
        LocalDate asOf = LocalDate.parse(args.length > 2 ? args[2] : "2026-06-01");
        Policy policy = new PolicyLoader().load(List.of(args.length > 3 ? args[3] : "builtin:default"), Path.of(""));
        List<PolicyRule> rules = policy.enabledRules();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        System.out.println("# round\twhen_ms\tchecks_ms\t(" + files.size() + " postings, CPU of one thread)");
        for (int r = 1; r <= rounds; r++) {
            long when = 0;
            long checks = 0;
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
                    long t0 = mx.getCurrentThreadCpuTime();
                    boolean applies = ctx.enter(pr.rule().info());
                    long t1 = mx.getCurrentThreadCpuTime();
                    when += t1 - t0;
                    if (applies) {
                        pr.rule().check(ctx, (span, message, excerpt, fix, severity) -> found[0]++);
                        checks += mx.getCurrentThreadCpuTime() - t1;
                    }
                }
                sink += found[0];
            }
            System.out.printf(Locale.ROOT, "%d\t%.1f\t%.1f%n", r, when / 1e6, checks / 1e6);
        }
        System.out.println("# findings " + sink);
    }
}

package dev.postinglint.core.regex;

import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.input.InputProblem;
import dev.postinglint.core.input.PostingReader;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.posting.Metadata;
import dev.postinglint.core.posting.PostingLayerBench;
import dev.postinglint.core.posting.PostingParser;
import dev.postinglint.core.posting.TextView;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * What the policy's one pass over a posting costs with the runs counted in the automaton's walk
 * ({@link PolicyMatcher#pass}) against the round-10 way, three walks: the automaton over the folded text
 * ({@link PolicyMatcher#occurrences}), {@link PolicyPattern#runs} over the text, and one
 * {@link AnchoredScan.Runs#longestRun} per set the pass counts (docs/BENCHMARKS.md "Round 11: the matching pass and
 * confirmations"). The postings are read, parsed and folded once; both ways are first checked equal on every posting;
 * each round times both, and the automaton's walk alone, over all postings, the order rotating, in nanoseconds of CPU per character, on one thread.
 * Not a test. Run with the CLI jar, which holds the packs:
 * {@code java -cp linter-core/target/classes:linter-core/target/test-classes:cli/target/posting-lint.jar dev.postinglint.core.regex.PassBench FILE_LIST ROUNDS}.
 */
public final class PassBench {
    private PassBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PassBench FILE_LIST ROUNDS");
            System.exit(2);
        }
        Policy policy = new PolicyLoader().load(List.of("builtin:default"), Path.of(""));
        PolicyMatcher matcher = policy.matcher();
        List<TextView> views = new ArrayList<>();
        long chars = 0;
        for (InputFile f : PostingLayerBench.fileList(args[0])) {
            try {
                TextView v = PostingParser.parse(PostingReader.read(f, 10_000_000), Metadata.NONE, policy.content()).view();
                v.folded();
                views.add(v);
                chars += v.length();
            } catch (InputProblem e) {
                // skipped, as the lint reports it
            }
        }
        List<String> sets = matcher.runSets();
        for (TextView v : views) {
            PolicyMatcher.Pass p = matcher.pass(v);
            int[] setRuns = sets.stream().mapToInt(s -> AnchoredScan.Runs.longestRun(v.folded(), s)).toArray();
            if (!Arrays.deepEquals(p.occurrences(), matcher.occurrences(v.folded())) || !Arrays.equals(p.runs(), PolicyPattern.runs(v.text()))
                    || !Arrays.equals(p.setRuns(), setRuns)) {
                throw new AssertionError("differs on a posting of " + v.length() + " characters: " + Arrays.deepEquals(p.occurrences(), matcher.occurrences(v.folded()))
                        + " " + Arrays.toString(p.runs()) + Arrays.toString(PolicyPattern.runs(v.text())) + " " + Arrays.toString(p.setRuns()) + Arrays.toString(setRuns));
            }
        }
        List<String> names = List.of("three-walks", "one-pass", "automaton-only");
        List<ToIntFunction<TextView>> passes = List.of(v -> {
            int x = matcher.occurrences(v.folded()).length + PolicyPattern.runs(v.text())[2];
            for (String s : sets) {
                x += AnchoredScan.Runs.longestRun(v.folded(), s);
            }
            return x;
        }, v -> {
            PolicyMatcher.Pass p = matcher.pass(v);
            return p.occurrences().length + p.runs()[2] + p.setRuns()[0];
        }, v -> matcher.occurrences(v.folded()).length);
        int rounds = Integer.parseInt(args[1]);
        long[][] times = new long[rounds][names.size()];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        System.out.printf(Locale.ROOT, "# %d postings, %d characters, sets %s%n# round\t%s\t(ns of CPU per character)%n", views.size(), chars, sets,
                String.join("\t", names));
        for (int r = 0; r < rounds; r++) {
            StringBuilder line = new StringBuilder().append(r + 1);
            for (int k = 0; k < names.size(); k++) {
                int v = (k + r) % names.size(); // the order rotates
                long t0 = mx.getCurrentThreadCpuTime();
                for (TextView t : views) {
                    sink += passes.get(v).applyAsInt(t);
                }
                times[r][v] = mx.getCurrentThreadCpuTime() - t0;
            }
            for (int v = 0; v < names.size(); v++) {
                line.append(String.format(Locale.ROOT, "\t%.3f", times[r][v] / (double) chars));
            }
            System.out.println(line);
        }
        System.out.println(MatcherBench.lastHalf(names, times, rounds, chars));
        if (sink == Long.MIN_VALUE) {
            System.out.println();
        }
    }
}

package dev.postinglint.core.regex;

import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.input.InputProblem;
import dev.postinglint.core.input.PostingReader;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.posting.Metadata;
import dev.postinglint.core.posting.PostingLayerBench;
import dev.postinglint.core.posting.PostingParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * What the pass over a posting's text that counts its longest runs costs, warm, on one thread
 * (docs/BENCHMARKS.md "Round 10: the automaton's working set"): {@link PolicyPattern#runs} beside the round-9
 * code kept here (checked equal on every posting), the order alternating from round to round, in nanoseconds of
 * CPU per character. (A fold that kept the last non-ASCII character's fold was measured the same way: no gain,
 * not kept.) Not a test. Run with the CLI jar, which holds the packs:
 * {@code java -cp cli/target/posting-lint.jar:linter-core/target/test-classes dev.postinglint.core.regex.TextPassBench FILE_LIST ROUNDS}.
 */
public final class TextPassBench {
    private TextPassBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: TextPassBench FILE_LIST ROUNDS");
            System.exit(2);
        }
        Policy policy = new PolicyLoader().load(List.of("builtin:default"), Path.of(""));
        List<String> texts = new ArrayList<>();
        long chars = 0;
        for (InputFile f : PostingLayerBench.fileList(args[0])) {
            try {
                String text = PostingParser.parse(PostingReader.read(f, 10_000_000), Metadata.NONE, policy.content()).view().text();
                texts.add(text);
                chars += text.length();
                if (!Arrays.equals(PolicyPattern.runs(text), runsBefore(text))) {
                    throw new AssertionError("differs on " + f);
                }
            } catch (InputProblem e) {
                // skipped, as the lint reports it
            }
        }
        List<String> names = List.of("runs-r9", "runs");
        List<ToIntFunction<String>> passes = List.of(t -> runsBefore(t)[2], t -> PolicyPattern.runs(t)[2]);
        int rounds = Integer.parseInt(args[1]);
        long[][] times = new long[rounds][names.size()];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        System.out.printf(Locale.ROOT, "# %d postings, %d characters%n# round\t%s\t(ns of CPU per character)%n", texts.size(), chars, String.join("\t", names));
        for (int r = 0; r < rounds; r++) {
            StringBuilder line = new StringBuilder().append(r + 1);
            for (int k = 0; k < names.size(); k++) {
                int v = r % 2 == 0 ? k : k ^ 1; // each pair's order alternates
                long t0 = mx.getCurrentThreadCpuTime();
                for (String t : texts) {
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

    /** {@link PolicyPattern#runs} as round 9 had it. */
    static int[] runsBefore(String text) {
        int s = 0;
        int d = 0;
        int w = 0;
        int maxS = 0;
        int maxD = 0;
        int maxW = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
                s++;
                maxS = Math.max(maxS, s);
            } else {
                s = 0;
            }
            if (c >= '0' && c <= '9') {
                d++;
                maxD = Math.max(maxD, d);
            } else {
                d = 0;
            }
            if (PolicyPattern.wordRunChar(c)) {
                w++;
                maxW = Math.max(maxW, w);
            } else {
                w = 0;
            }
        }
        return new int[] {maxS, maxD, maxW};
    }
}

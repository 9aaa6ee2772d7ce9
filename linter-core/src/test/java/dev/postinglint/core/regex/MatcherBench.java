package dev.postinglint.core.regex;

import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.input.InputProblem;
import dev.postinglint.core.input.PostingReader;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.posting.Metadata;
import dev.postinglint.core.posting.PostingLayerBench;
import dev.postinglint.core.posting.PostingParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the policy's one automaton pass costs per character of folded text, on one thread, in CPU time
 * (docs/BENCHMARKS.md "Round 10: the automaton's working set"): the postings are read, parsed and their text
 * views folded once; then every round times {@link PolicyMatcher#occurrences} and each of the other
 * {@link Layouts} over all of them, the order rotating from round to round, and prints nanoseconds per
 * character, then the median and minimum of the last half of the rounds. Every layout's occurrences are first
 * checked equal to the matcher's. With FLUSH_MB, each posting is timed alone after a walk over that many MB
 * (untimed) has evicted the table from the core's caches, as the parse and the other rules do in a lint;
 * with {@code -Ddiagnostics}, an automaton of a dozen literals and a walk that records nothing run besides.
 * Not a test. Run with the CLI jar, which holds the packs:
 * {@code java -cp cli/target/posting-lint.jar:linter-core/target/test-classes dev.postinglint.core.regex.MatcherBench FILE_LIST ROUNDS [POLICY [FLUSH_MB]]}.
 */
public final class MatcherBench {
    private MatcherBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: MatcherBench FILE_LIST ROUNDS [POLICY [FLUSH_MB]]");
            System.exit(2);
        }
        List<InputFile> files = PostingLayerBench.fileList(args[0]);
        int rounds = Integer.parseInt(args[1]);
        Policy policy = new PolicyLoader().load(List.of(args.length > 2 ? args[2] : "builtin:default"), Path.of(""));
        PolicyMatcher matcher = policy.matcher();
        List<String> texts = new ArrayList<>();
        long chars = 0;
        for (InputFile f : files) {
            try {
                String folded = PostingParser.parse(PostingReader.read(f, 10_000_000), Metadata.NONE, policy.content()).view().folded();
                texts.add(folded);
                chars += folded.length();
            } catch (InputProblem e) {
                // skipped, as the lint reports it
            }
        }
        List<String> literals = matcher.literals();
        Map<String, Function<String, int[][]>> layouts = new LinkedHashMap<>();
        layouts.put("matcher", matcher::occurrences);
        for (Layouts.Options o : Layouts.Options.variants()) {
            Layouts l = Layouts.of(literals, o);
            layouts.put(o.toString(), l::occurrences);
        }
        if (System.getProperty("diagnostics") != null) {
            // How much of the pass is the table's size (a dozen literals) and how much the recording (none).
            Layouts small = Layouts.of(literals.subList(0, 12), new Layouts.Options(true, true, true, 2));
            layouts.put("small", small::occurrences);
            Layouts quiet = Layouts.of(literals, new Layouts.Options(true, true, true, 2, false, false, true));
            layouts.put("quiet", quiet::occurrences);
        }
        System.out.printf(Locale.ROOT, "# %d literals, %d postings, %d characters of folded text%n", literals.size(), texts.size(), chars);
        for (Map.Entry<String, Function<String, int[][]>> e : layouts.entrySet()) {
            for (String t : e.getKey().equals("small") || e.getKey().equals("quiet") ? List.<String>of() : texts) {
                if (!Arrays.deepEquals(matcher.occurrences(t), e.getValue().apply(t))) {
                    throw new AssertionError(e.getKey() + " differs");
                }
            }
        }
        List<String> names = new ArrayList<>(layouts.keySet());
        long[][] times = new long[rounds][names.size()];
        // Cold: between postings, as in a lint where the parse and the other rules run between two scans, the
        // table is evicted from the core's caches by a walk over this many bytes (not timed).
        int[] flush = args.length > 3 && Integer.parseInt(args[3]) > 0 ? new int[Integer.parseInt(args[3]) << 18] : null;
        long sink = 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        System.out.println("# round\t" + String.join("\t", names) + "\t(ns of CPU per character)");
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < names.size(); k++) {
                int v = (k + r) % names.size();
                Function<String, int[][]> f = layouts.get(names.get(v));
                if (flush == null) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    for (String t : texts) {
                        sink += f.apply(t).length;
                    }
                    times[r][v] = mx.getCurrentThreadCpuTime() - t0;
                } else {
                    for (String t : texts) {
                        for (int i = 0; i < flush.length; i += 16) {
                            sink += flush[i]++;
                        }
                        long t0 = mx.getCurrentThreadCpuTime();
                        sink += f.apply(t).length;
                        times[r][v] += mx.getCurrentThreadCpuTime() - t0;
                    }
                }
            }
            StringBuilder line = new StringBuilder().append(r + 1);
            for (int v = 0; v < names.size(); v++) {
                line.append(String.format(Locale.ROOT, "\t%.3f", times[r][v] / (double) chars));
            }
            System.out.println(line);
        }
        System.out.println(lastHalf(names, times, rounds, chars));
        if (sink == Long.MIN_VALUE) {
            System.out.println();
        }
    }

    /** Each variant's median and minimum over the last half of the rounds, in ns per character (also TextPassBench's). */
    static String lastHalf(List<String> names, long[][] times, int rounds, long chars) {
        StringBuilder median = new StringBuilder("# median (min) of the last half:");
        for (int v = 0; v < names.size(); v++) {
            long[] last = new long[rounds - rounds / 2];
            for (int r = rounds / 2; r < rounds; r++) {
                last[r - rounds / 2] = times[r][v];
            }
            Arrays.sort(last);
            median.append(String.format(Locale.ROOT, "\t%s %.3f (min %.3f)", names.get(v), last[last.length / 2] / (double) chars, last[0] / (double) chars));
        }
        return median.toString();
    }
}

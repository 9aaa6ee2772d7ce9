package dev.postinglint.core.posting;

import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.input.InputProblem;
import dev.postinglint.core.input.PostingReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link Language#detect} costs, warm, on one thread (docs/BENCHMARKS.md "Round 11: when: conditions"):
 * the given postings are parsed once, then each round detects the language of every posting's text view and
 * prints the thread's CPU time for the round. With a third argument, writes each posting's language to that
 * file (one line per posting, in order), to compare two builds' answers. Not a test. Run with the CLI jar
 * first on the class path:
 * {@code java -cp cli/target/posting-lint.jar:linter-core/target/test-classes dev.postinglint.core.posting.LanguageBench FILE_LIST ROUNDS [OUT]}.
 */
public final class LanguageBench {
    private LanguageBench() {
    }

    /**
     * With 0 rounds: for each text, the share of it read before the detector's answer is certain whatever
     * the rest holds (each word still to come may add 1 to any language's score, and there are at most
     * half as many of them as characters left), for the code itself and for whether it is one of the
     * languages {@code builtin:eeo} judges; printed as quartiles over the texts.
     */
    private static void prefixes(List<String> texts) {
        List<String> langs = Language.ORDER;
        Map<String, int[]> table = new java.util.HashMap<>();
        int longest = 0;
        Map<String, List<String>> byWord = new java.util.HashMap<>();
        Language.WORDS.forEach((l, ws) -> ws.forEach(w -> byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(l)));
        for (Map.Entry<String, List<String>> e : byWord.entrySet()) {
            table.put(e.getKey(), e.getValue().stream().mapToInt(langs::indexOf).toArray());
            longest = Math.max(longest, e.getKey().length());
        }
        java.util.Set<Integer> judged = java.util.Set.of(0, 1, 2, 3, 4, 5); // en fr de es pt nl
        List<Double> code = new ArrayList<>();
        List<Double> member = new ArrayList<>();
        for (String t : texts) {
            int n = t.length();
            if (n == 0) {
                continue;
            }
            double[] score = new double[langs.size()];
            int words = 0;
            int hits = 0;
            int latin = 0;
            int other = 0;
            int codeAt = -1;
            int memberAt = -1;
            StringBuilder w = new StringBuilder();
            for (int i = 0; i <= n; i++) {
                char c = i < n ? t.charAt(i) : ' ';
                if (c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c)) {
                    w.append(c);
                    if (c < 0x80 || Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                        latin++;
                    } else {
                        other++;
                    }
                    continue;
                }
                if (w.length() == 0) {
                    continue;
                }
                words++;
                int[] ls = w.length() > longest ? null : table.get(w.toString().toLowerCase(Locale.ROOT));
                if (ls != null) {
                    hits++;
                    for (int l : ls) {
                        score[l] += 1.0 / ls.length;
                    }
                }
                w.setLength(0);
                int left = n - i;
                int more = (left + 1) / 2;
                boolean scriptSure = other + left <= latin;
                boolean countsSure = hits >= 3 && hits * 20 >= words + more;
                if (!scriptSure || !countsSure) {
                    continue;
                }
                int best = 0;
                for (int l = 1; l < score.length; l++) {
                    if (score[l] > score[best]) {
                        best = l;
                    }
                }
                boolean bestSure = true;
                double topJudged = -1;
                double topOther = -1;
                for (int l = 0; l < score.length; l++) {
                    if (l != best && score[l] + more >= score[best]) {
                        bestSure = false;
                    }
                    if (judged.contains(l)) {
                        topJudged = Math.max(topJudged, score[l]);
                    } else {
                        topOther = Math.max(topOther, score[l]);
                    }
                }
                if (codeAt < 0 && bestSure) {
                    codeAt = i;
                }
                if (memberAt < 0 && (bestSure || topJudged > topOther + more)) {
                    memberAt = i;
                }
            }
            code.add(codeAt < 0 ? 1.0 : (double) codeAt / n);
            member.add(memberAt < 0 ? 1.0 : (double) memberAt / n);
        }
        for (List<Double> list : List.of(code, member)) {
            java.util.Collections.sort(list);
            int k = list.size();
            long never = list.stream().filter(x -> x >= 1.0).count();
            System.out.printf(Locale.ROOT, "%s: share of the text read before the answer is certain: quartiles %.3f %.3f %.3f, max %.3f; never before the end: %d of %d%n",
                    list == code ? "code" : "judged or not", list.get(k / 4), list.get(k / 2), list.get(3 * k / 4), list.get(k - 1), never, k);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LanguageBench FILE_LIST ROUNDS [OUT]");
            System.exit(2);
        }
        List<InputFile> files = PostingLayerBench.fileList(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<String> texts = new ArrayList<>();
        long chars = 0;
        for (InputFile f : files) {
            try {
                String t = PostingParser.parse(PostingReader.read(f, 10_000_000), Metadata.NONE, ContentChoice.AUTO).view().text();
                texts.add(t);
                chars += t.length();
            } catch (InputProblem e) {
                texts.add("");
            }
        }
        if (args.length > 2) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])))) {
                for (String t : texts) {
                    out.println(Language.detect(t));
                }
            }
        }
        if (rounds == 0) {
            prefixes(texts);
            return;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        System.out.println("# round\tdetect_ms\tns_per_char\t(" + texts.size() + " postings, " + chars + " characters, CPU of one thread)");
        for (int r = 1; r <= rounds; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (String t : texts) {
                sink += Language.detect(t).length();
            }
            long t1 = mx.getCurrentThreadCpuTime();
            System.out.printf(Locale.ROOT, "%d\t%.1f\t%.2f%n", r, (t1 - t0) / 1e6, (double) (t1 - t0) / chars);
        }
        if (sink == Long.MIN_VALUE) {
            System.out.println(); // keeps the results alive
        }
    }
}

package dev.postinglint.core.posting;

import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.input.InputProblem;
import dev.postinglint.core.input.PostingReader;
import dev.postinglint.core.source.SourceText;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * What the posting layer costs on top of the jsoup parse, warm, on one thread (bench/posting-layer.sh,
 * docs/BENCHMARKS.md "Round 6: text view"): per round, the thread's CPU time summed over the given postings
 * for reading and decoding the file, the parse with position tracking, choosing the content, the walk that
 * builds the text view, headings and blocks, the {@link Posting}, and language detection. Not a test.
 */
public final class PostingLayerBench {
    private PostingLayerBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PostingLayerBench FILE_LIST ROUNDS");
            System.exit(2);
        }
        List<InputFile> files = fileList(args[0]);
        int rounds = Integer.parseInt(args[1]);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        long sink = 0;
        System.out.println("# round\tread_ms\tparse_ms\tchoose_ms\twalk_ms\tposting_ms\tlanguage_ms\t(" + files.size() + " postings, CPU of one thread)");
        for (int r = 1; r <= rounds; r++) {
            long read = 0;
            long parse = 0;
            long choose = 0;
            long walk = 0;
            long posting = 0;
            long language = 0;
            for (InputFile f : files) {
                long t0 = mx.getCurrentThreadCpuTime();
                SourceText source;
                try {
                    source = PostingReader.read(f, 10_000_000);
                } catch (InputProblem e) {
                    continue;
                }
                long t1 = mx.getCurrentThreadCpuTime();
                Document doc = parser.parseInput(source.text(), "");
                long t2 = mx.getCurrentThreadCpuTime();
                Element root = ContentChoice.AUTO.choose(doc);
                long t3 = mx.getCurrentThreadCpuTime();
                TextViewBuilder.Built built = new TextViewBuilder(source).build(root);
                long t4 = mx.getCurrentThreadCpuTime();
                Posting p = new Posting(source, doc, root, built.view(), built, Metadata.NONE, null);
                long t5 = mx.getCurrentThreadCpuTime();
                sink += p.language().length();
                long t6 = mx.getCurrentThreadCpuTime();
                read += t1 - t0;
                parse += t2 - t1;
                choose += t3 - t2;
                walk += t4 - t3;
                posting += t5 - t4;
                language += t6 - t5;
            }
            System.out.printf(Locale.ROOT, "%d\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f%n", r, read / 1e6, parse / 1e6, choose / 1e6,
                    walk / 1e6, posting / 1e6, language / 1e6);
        }
        if (sink == Long.MIN_VALUE) {
            System.out.println(); // keeps the results alive
        }
    }

    /** The postings a benchmark of this kind runs over: a file listing one path per line (blank lines skipped). */
    public static List<InputFile> fileList(String listing) throws java.io.IOException {
        List<InputFile> files = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(listing))) {
            if (!line.isBlank()) {
                files.add(InputFile.of(Path.of(line.strip())));
            }
        }
        return files;
    }
}

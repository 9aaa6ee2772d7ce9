package dev.postinglint.lsp;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.session.EditorSession;
import dev.postinglint.core.session.LintSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What the language server does after each edit, measured warm: re-lint one posting's edited text against the
 * workspace index (the work after the debounce). Not a test: run by {@code bench/lsp-bench.sh}, which writes
 * nothing; its figures go to docs/BENCHMARKS.md by hand.
 * <p>
 * Usage: {@code RelintBench EXAMPLES_DIR COPIES [EDITS]}: a workspace of the examples (with their policy) copied
 * COPIES times (COPIES x 5 postings), indexed on 2 threads; then EDITS edits of one posting, each re-linted.
 */
public final class RelintBench {
    private RelintBench() {
    }

    public static void main(String[] args) throws IOException {
        Path examples = Path.of(args[0]);
        int copies = Integer.parseInt(args[1]);
        int edits = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        Path ws = Files.createTempDirectory("lsp-bench");
        Files.copy(examples.resolve(".posting-lint.yaml"), ws.resolve(".posting-lint.yaml"));
        List<Path> postings;
        try (Stream<Path> s = Files.list(examples)) {
            postings = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        for (int c = 0; c < copies; c++) {
            Path dir = Files.createDirectories(ws.resolve(String.format("d%03d", c / 100)));
            for (Path p : postings) {
                Files.copy(p, dir.resolve(c + "_" + p.getFileName()));
            }
        }
        EditorSession session = new EditorSession(new LintSettings(List.of(), null, LocalDate.of(2026, 6, 1), 1,
                Linter.DEFAULT_MAX_FILE_BYTES), ws);
        System.gc();
        long heap0 = usedHeap();
        long t0 = System.nanoTime();
        int files = session.indexWorkspace(2, (d, t) -> { }, () -> false);
        long indexMs = (System.nanoTime() - t0) / 1_000_000;
        System.gc();
        long heap1 = usedHeap();

        Path open = ws.resolve("d000").resolve("0_" + postings.get(1).getFileName());
        String text = Files.readString(open);
        Random random = new Random(7);
        long[] ms = new long[edits];
        long[] cpu = new long[edits];
        var threads = ManagementFactory.getThreadMXBean();
        String[] words = {"rockstar ", "fast-paced ", "&nbsp;", "team "};
        int findings = 0;
        for (int warm = 0; warm < 50; warm++) {
            session.lint(open, text);
        }
        for (int i = 0; i < edits; i++) {
            // One keystroke's worth: a word typed somewhere in the text.
            int at = text.indexOf(' ', random.nextInt(text.length()));
            String edited = at < 0 ? text : text.substring(0, at + 1) + words[i % words.length] + text.substring(at + 1);
            long s = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            LintReport r = session.lint(open, edited);
            // CPU time too: on a shared machine the wall time mostly measures the other processes.
            cpu[i] = threads.getCurrentThreadCpuTime() - c;
            ms[i] = System.nanoTime() - s;
            findings = r.files().get(0).findings().size();
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf("workspace: %d posting files indexed in %d ms on 2 threads; index heap %.1f MB (%.1f KB a posting)%n",
                files, indexMs, (heap1 - heap0) / 1e6, (heap1 - heap0) / 1e3 / Math.max(1, files));
        System.out.printf("re-lint of %s (%d chars, %d findings) after an edit, %d edits: median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                postings.get(1).getFileName(), text.length(), findings, edits, ms[edits / 2] / 1e6, ms[(int) (edits * 0.95)] / 1e6,
                ms[edits - 1] / 1e6);
        System.out.printf("  CPU time of the linting thread: median %.1f ms, p95 %.1f ms%n", cpu[edits / 2] / 1e6, cpu[(int) (edits * 0.95)] / 1e6);
        System.out.printf("max heap %d MB; load average %.1f%n", Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

}

package dev.postinglint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: the real {@code fix} process is killed (SIGKILL) at random moments, {@value #RUNS} times with a
 * fixed seed, and after each kill every posting must be byte for byte either as it was or fully fixed, never half
 * written or fixed in part. Kill times are spread over the whole run, weighted towards its end where the files
 * are written; the test prints how many kills landed before, during and after the writes (and asserts that
 * some landed during them, or it would prove little).
 */
class FixKillIT {
    static final long SEED = 20261121L;
    static final int RUNS = 40;
    static final int COPIES = 6; // 5 examples x 6 = 30 postings, LF, CRLF and BOM variants

    @TempDir
    Path tmp;

    private Map<String, byte[]> corpus() throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        List<Path> examples;
        try (var s = Files.list(Cli.EXAMPLES)) {
            examples = s.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        for (int i = 0; i < COPIES; i++) {
            for (Path p : examples) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                byte[] bytes = (i % 2 == 1 ? text.replace("\n", "\r\n") : text).getBytes(StandardCharsets.UTF_8);
                if (i % 3 == 2) {
                    byte[] bom = new byte[bytes.length + 3];
                    bom[0] = (byte) 0xEF;
                    bom[1] = (byte) 0xBB;
                    bom[2] = (byte) 0xBF;
                    System.arraycopy(bytes, 0, bom, 3, bytes.length);
                    bytes = bom;
                }
                out.put(String.format("%02d-%s", i, p.getFileName()), bytes);
            }
        }
        return out;
    }

    private static void restore(Path dir, Map<String, byte[]> files) throws IOException {
        if (Files.exists(dir)) {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        for (var e : files.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
    }

    private List<String> command() {
        // C1 only and the serial collector: the short-lived process starts faster, and the 40 runs take less time.
        return List.of(Cli.javaBin(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", Cli.JAR.toString(), "fix", "--policy", "fixable.yaml", "--threads", "2", "postings");
    }

    @Test
    void aKilledFixLeavesEveryPostingAsItWasOrFullyFixed() throws Exception {
        Files.writeString(tmp.resolve("fixable.yaml"), FixCommandIT.FIXABLE_POLICY);
        Map<String, byte[]> original = corpus();
        Path dir = tmp.resolve("postings");

        // The reference: an uninterrupted run, and how long it takes.
        restore(dir, original);
        long t0 = System.nanoTime();
        Cli.Result ref = Cli.exec(tmp, command());
        long total = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, ref.exit(), ref.toString());
        Map<String, byte[]> fixed = new TreeMap<>();
        for (String name : original.keySet()) {
            fixed.put(name, Files.readAllBytes(dir.resolve(name)));
            assertTrue(!Arrays.equals(original.get(name), fixed.get(name)), name + " has something to fix");
        }

        Random random = new Random(SEED);
        int before = 0;
        int during = 0;
        int after = 0;
        int leftovers = 0;
        List<Long> delays = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            restore(dir, original);
            // Half the kills anywhere in the run; half around the writes, which (measured by polling the files'
            // modification times) start at about 80% of an uninterrupted run and end by about 90%.
            long delay = run % 2 == 0 ? (long) (random.nextDouble() * total)
                    : (long) (total * (0.72 + random.nextDouble() * 0.23));
            delays.add(delay);
            Process p = new ProcessBuilder(command()).directory(tmp.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(delay);
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));

            int same = 0;
            int done = 0;
            List<String> names;
            try (var s = Files.list(dir)) {
                names = s.map(f -> f.getFileName().toString()).sorted().toList();
            }
            for (String name : names) {
                if (!name.endsWith(".html")) {
                    assertTrue(name.startsWith(".") && name.endsWith(".posting-lint-tmp"), "unexpected file " + name);
                    leftovers++;
                    continue;
                }
                byte[] now = Files.readAllBytes(dir.resolve(name));
                if (Arrays.equals(now, original.get(name))) {
                    same++;
                } else if (Arrays.equals(now, fixed.get(name))) {
                    done++;
                } else {
                    fail("run " + run + " (killed after " + delay + " ms): " + name + " is neither the original nor the fixed posting");
                }
            }
            assertEquals(original.size(), same + done, "run " + run + ": every posting is still there");
            if (done == 0) {
                before++;
            } else if (same == 0) {
                after++;
            } else {
                during++;
            }
        }
        System.out.printf("FixKillIT: %d postings, uninterrupted run %d ms; %d kills: %d before any write, %d during the writes, "
                + "%d after all writes; %d temporary files left by kills; delays %s ms%n",
                original.size(), total, RUNS, before, during, after, leftovers, delays);
        assertEquals(RUNS, before + during + after);
        assertTrue(during > 0, "no kill landed while the files were being written: the timing needs adjusting");

        // Whatever a kill left, a complete run afterwards fixes everything (temporary files are not postings).
        Cli.Result last = Cli.exec(tmp, command());
        assertEquals(0, last.exit(), last.toString());
        for (String name : original.keySet()) {
            assertArrayEquals(fixed.get(name), Files.readAllBytes(dir.resolve(name)), name);
        }
    }
}

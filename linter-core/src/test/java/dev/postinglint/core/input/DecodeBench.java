package dev.postinglint.core.input;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What turning a posting file's bytes into its text costs, warm, on one thread (docs/BENCHMARKS.md, "Round 10:
 * input handling"): the bytes of the listed files are read once, then each round decodes all of them with each
 * way of decoding in turn (the order rotates from round to round), and prints the thread's CPU time per way.
 * The ways are the one {@link PostingReader#decode} had before round 10 (a copy, kept here to compare against),
 * the ones tried, and {@link PostingReader#decode} as it is. Each way's result is checked against the old one's
 * on every file before timing. Not a test:
 * {@code java -cp cli/target/posting-lint.jar:linter-core/target/test-classes dev.postinglint.core.input.DecodeBench LIST ROUNDS}.
 */
public final class DecodeBench {
    private DecodeBench() {
    }

    /** One way of decoding: the text, or a refusal's message. */
    @FunctionalInterface
    interface Way {
        String decode(byte[] bytes);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DecodeBench FILE_LIST ROUNDS [polluted]");
            System.exit(2);
        }
        List<byte[]> files = new ArrayList<>();
        long total = 0;
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank()) {
                byte[] b = Files.readAllBytes(Path.of(line.strip()));
                files.add(b);
                total += b.length;
            }
        }
        int rounds = Integer.parseInt(args[1]);
        String[] names = {"before-r10", "reused-decoder", "decoder+indexOf", "string+check", "ascii-then-decoder", "now"};
        Way[] ways = {DecodeBench::before, DecodeBench::reusedDecoder, DecodeBench::decoderThenIndexOf, DecodeBench::stringThenCheck,
            DecodeBench::asciiThenDecoder, DecodeBench::now};
        for (byte[] f : files) {
            String expected = before(f);
            for (int w = 1; w < ways.length; w++) {
                if (!expected.equals(ways[w].decode(f))) {
                    throw new AssertionError(names[w] + " differs");
                }
            }
        }
        if (args.length > 2 && args[2].equals("polluted")) {
            pollute(files);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.println("# round\t" + String.join("_ms\t", names) + "_ms\t(" + files.size() + " files, " + total / 1000 / 1000
                + " MB, CPU of one thread)");
        long sink = 0;
        for (int r = 1; r <= rounds; r++) {
            long[] ns = new long[ways.length];
            for (int k = 0; k < ways.length; k++) {
                int w = (k + r) % ways.length;
                long t0 = mx.getCurrentThreadCpuTime();
                for (byte[] f : files) {
                    sink += ways[w].decode(f).length();
                }
                ns[w] = mx.getCurrentThreadCpuTime() - t0;
            }
            StringBuilder row = new StringBuilder().append(r);
            for (long n : ns) {
                row.append(String.format(Locale.ROOT, "\t%.1f", n / 1e6));
            }
            System.out.println(row);
        }
        if (sink == Long.MIN_VALUE) {
            System.out.println(); // keeps the results alive
        }
    }

    /**
     * In a lint's process the String constructor (one method of 840 bytes in JDK 17 for every charset) is called from
     * everywhere, with other charsets and with bytes that are not UTF-8; round 8 found decoding with it slower there
     * than on its own. This calls it that way, with the corpus's bytes, before anything is timed.
     */
    private static void pollute(List<byte[]> files) {
        java.nio.charset.Charset[] charsets = {StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_8, java.nio.charset.Charset.forName("windows-1252")};
        long sink = 0;
        for (int r = 0; r < 20; r++) {
            for (byte[] f : files) {
                for (java.nio.charset.Charset c : charsets) {
                    sink += new String(f, 0, Math.min(f.length, 4096), c).length();
                }
                byte[] broken = java.util.Arrays.copyOf(f, Math.min(f.length, 4096));
                broken[broken.length / 2] = (byte) 0xFF;
                sink += new String(broken, StandardCharsets.UTF_8).length();
            }
        }
        if (sink == Long.MIN_VALUE) {
            System.out.println();
        }
    }

    private static String now(byte[] bytes) {
        try {
            return PostingReader.decode("t", bytes).text();
        } catch (InputProblem e) {
            return e.getMessage();
        }
    }

    private static boolean utf16(byte[] bytes) {
        return bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
    }

    private static int bomLength(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
    }

    private static String nulMessage(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return "binary file (NUL byte at offset " + i + "), not a text posting";
            }
        }
        return null;
    }

    /** PostingReader.decode as it was at the start of round 10. */
    private static String before(byte[] bytes) {
        if (utf16(bytes)) {
            return "UTF-16";
        }
        String nul = nulMessage(bytes);
        if (nul != null) {
            return nul;
        }
        int start = bomLength(bytes);
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return withDecoder(dec, bytes, start);
    }

    private static String withDecoder(CharsetDecoder dec, byte[] bytes, int start) {
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            return "not valid UTF-8 at " + in.position();
        }
        dec.flush(out);
        out.flip();
        return out.toString();
    }

    private static final ThreadLocal<CharsetDecoder> DECODER = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));

    /** The same, with one decoder per thread, reset before each use. */
    private static String reusedDecoder(byte[] bytes) {
        if (utf16(bytes)) {
            return "UTF-16";
        }
        String nul = nulMessage(bytes);
        if (nul != null) {
            return nul;
        }
        CharsetDecoder dec = DECODER.get();
        dec.reset();
        return withDecoder(dec, bytes, bomLength(bytes));
    }

    /** Decode first, then find a NUL in the text with String.indexOf; the bytes are scanned only when the text has one or is refused. */
    private static String decoderThenIndexOf(byte[] bytes) {
        if (utf16(bytes)) {
            return "UTF-16";
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text = withDecoder(dec, bytes, bomLength(bytes));
        if (text.startsWith("not valid UTF-8") || text.indexOf('\u0000') >= 0) {
            String nul = nulMessage(bytes);
            return nul != null ? nul : text;
        }
        return text;
    }

    /**
     * The String constructor (which copies ASCII at once and decodes the rest with replacement), then: a text without
     * U+FFFD came from valid UTF-8, so only a NUL is left to find; a text with one takes the old way.
     */
    private static String stringThenCheck(byte[] bytes) {
        if (utf16(bytes)) {
            return "UTF-16";
        }
        int start = bomLength(bytes);
        String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (text.indexOf('\ufffd') >= 0) {
            return before(bytes);
        }
        if (text.indexOf('\u0000') >= 0) {
            return nulMessage(bytes);
        }
        return text;
    }

    /** ASCII without NUL (one loop over the bytes) is copied as Latin-1; anything else takes the old way. */
    private static String asciiThenDecoder(byte[] bytes) {
        if (utf16(bytes)) {
            return "UTF-16";
        }
        int start = bomLength(bytes);
        for (int i = start; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b <= 0) {
                return before(bytes);
            }
        }
        return new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
    }
}

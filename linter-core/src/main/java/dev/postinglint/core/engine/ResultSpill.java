package dev.postinglint.core.engine;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.RelatedPlace;
import dev.postinglint.core.model.Fix;
import dev.postinglint.core.model.JobOrigin;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.source.Position;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceSpan;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Postings' results that wait for the corpus rules, written in order to a temporary file and read back in the
 * same order: a corpus run then holds its observations, not every posting's findings. Only results whose
 * findings carry no waiver are written (waivers are applied after the corpus rules, when results are read back).
 * The file is deleted when the spill is closed.
 *
 * <p>Speed: each result is encoded into a byte array of its own ({@link Encoder}) and written with one call,
 * then read back with one call and decoded from the array ({@link Decoder}): no per-character stream calls.
 * A string is its length and its characters, one byte each when all fit in one (most text), else two (its
 * UTF-16 units as they are, so lone surrogates come back exact). A string written before is its number:
 * within a result (a source line, excerpt or message shared by several findings) and, for the short fields
 * every result repeats (rule id, category, link, policy, fix description), across the whole spill.
 */
final class ResultSpill implements Closeable {
    /** How many strings the spill-wide table keeps: rule ids, categories, links and policies are a few hundred. */
    private static final int COMMON_STRINGS = 4096;
    /** Longer strings are not kept in the spill-wide table (it lives as long as the spill). */
    private static final int COMMON_MAX_LENGTH = 512;

    private final Path file;
    private OutputStream out;
    private DataInputStream in;
    private final Encoder encoder = new Encoder();
    private Decoder decoder;
    private int written;
    private int read;

    ResultSpill() {
        try {
            file = Files.createTempFile("posting-lint-results", ".bin");
            file.toFile().deleteOnExit();
            out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for results: " + e.getMessage(), e);
        }
    }

    void write(FileResult r) {
        try {
            encoder.result(r);
            encoder.writeTo(out);
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The next result, in the order written (all writes come before the first read). */
    FileResult next() {
        try {
            if (in == null) {
                out.close();
                out = null;
                in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                decoder = new Decoder();
            }
            if (read >= written) {
                throw new IllegalStateException("no more results");
            }
            read++;
            decoder.readFrom(in);
            return decoder.result();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read results from " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            if (in != null) {
                in.close();
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes results into one growing byte array each: numbers as variable-length integers (most are small),
     * strings through the two tables. Every component of FileResult and Finding is written: ResultSpillTest
     * fails when a record grows one.
     */
    static final class Encoder {
        private byte[] buf = new byte[1 << 12];
        private int pos;
        /** Strings of this spill's short repeated fields, by number (the decoder numbers them in the same order). */
        private final Map<String, Integer> common = new HashMap<>();
        /** Strings of the result being written, by number; cleared for each result. */
        private final Map<String, Integer> local = new HashMap<>();

        /** Encodes {@code r} after room for its length, replacing the previous result's bytes. */
        void result(FileResult r) {
            pos = 4;
            local.clear();
            string(r.path(), local);
            string(r.policy(), common);
            string(r.title(), local);
            string(r.location(), local);
            flag(r.ioError());
            number(r.suppressed());
            JobOrigin origin = r.origin();
            flag(origin != null);
            if (origin != null) {
                string(origin.file(), local);
                string(origin.jobId(), local);
                number(origin.line());
                number(origin.column());
            }
            number(r.findings().size());
            for (Finding f : r.findings()) {
                if (f.waiver() != null) {
                    throw new IllegalArgumentException("a waived finding is never spilled");
                }
                string(f.ruleId(), common);
                string(f.category(), common);
                number(f.severity().ordinal());
                string(f.message(), local);
                span(f.span());
                string(f.excerpt(), local);
                string(f.link(), common);
                fix(f.fix());
                SourceLine line = f.line();
                flag(line != null);
                if (line != null) {
                    string(line.text(), local);
                    number(line.startColumn());
                }
                flag(f.onePerPosting());
                number(f.related().size());
                for (RelatedPlace p : f.related()) {
                    span(p.span());
                    string(p.message(), local);
                    string(p.excerpt(), local);
                    fix(p.fix());
                }
            }
        }

        /** The encoded result, prefixed by its length. */
        void writeTo(OutputStream o) throws IOException {
            int n = pos - 4;
            buf[0] = (byte) (n >>> 24);
            buf[1] = (byte) (n >>> 16);
            buf[2] = (byte) (n >>> 8);
            buf[3] = (byte) n;
            o.write(buf, 0, pos);
        }

        private void fix(Fix fix) {
            flag(fix != null);
            if (fix != null) {
                span(fix.span());
                string(fix.replacement(), local);
                string(fix.description(), common);
            }
        }

        private void span(SourceSpan s) {
            number(s.startOffset());
            number(s.endOffset());
            number(s.start().line());
            number(s.start().column());
            number(s.end().line());
            number(s.end().column());
        }

        private void flag(boolean b) {
            room(1);
            buf[pos++] = (byte) (b ? 1 : 0);
        }

        /** An int as 1 to 5 bytes, 7 bits each, least significant first (zigzag: a negative one stays short). */
        private void number(int v) {
            unsigned(((v << 1) ^ (v >> 31)) & 0xFFFF_FFFFL);
        }

        private void unsigned(long v) {
            room(10);
            while ((v & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[pos++] = (byte) v;
        }

        /**
         * Any string, null included: 0 for null; {@code 2n+1} for the table's string number n; else
         * {@code 2 * (4 * length + 2 * oneByte + remembered) + 2} followed by its characters (one byte each, or
         * two, high first). A remembered string gets the table's next number.
         */
        private void string(String s, Map<String, Integer> table) {
            if (s == null) {
                unsigned(0);
                return;
            }
            Integer known = table.get(s);
            if (known != null) {
                unsigned(2L * known + 1);
                return;
            }
            boolean remember = table == local || table.size() < COMMON_STRINGS && s.length() <= COMMON_MAX_LENGTH;
            if (remember) {
                table.put(s, table.size());
            }
            int n = s.length();
            boolean oneByte = true;
            for (int i = 0; i < n && oneByte; i++) {
                oneByte = s.charAt(i) < 256;
            }
            unsigned(2 * (4L * n + (oneByte ? 2 : 0) + (remember ? 1 : 0)) + 2);
            if (oneByte) {
                room(n);
                for (int i = 0; i < n; i++) {
                    buf[pos++] = (byte) s.charAt(i);
                }
            } else {
                room(2L * n);
                for (int i = 0; i < n; i++) {
                    char c = s.charAt(i);
                    buf[pos++] = (byte) (c >>> 8);
                    buf[pos++] = (byte) c;
                }
            }
        }

        private void room(long n) {
            if (pos + n > buf.length) {
                long size = Math.max(2L * buf.length, pos + n);
                if (size > Integer.MAX_VALUE - 16) {
                    throw new IllegalArgumentException("a result too large to spill: " + size + " bytes");
                }
                buf = Arrays.copyOf(buf, (int) size);
            }
        }

        /** The encoded result without its length (for tests). */
        byte[] bytes() {
            return Arrays.copyOfRange(buf, 4, pos);
        }
    }

    /** Reads what {@link Encoder} wrote, result by result, in the same order. */
    static final class Decoder {
        private byte[] buf = new byte[1 << 12];
        private int pos;
        private int end;
        private final List<String> common = new ArrayList<>();
        private final List<String> local = new ArrayList<>();
        private static final Severity[] SEVERITIES = Severity.values();

        /** Reads the next result's bytes. */
        void readFrom(DataInputStream in) throws IOException {
            int n = in.readInt();
            if (n > buf.length) {
                buf = new byte[Math.max(n, 2 * buf.length)];
            }
            in.readFully(buf, 0, n);
            pos = 0;
            end = n;
        }

        /** Takes {@code bytes} as the next result's (for tests). */
        void take(byte[] bytes) {
            buf = bytes.clone();
            pos = 0;
            end = bytes.length;
        }

        FileResult result() {
            local.clear();
            String path = string(local);
            String policy = string(common);
            String title = string(local);
            String location = string(local);
            boolean ioError = flag();
            int suppressed = number();
            JobOrigin origin = flag() ? new JobOrigin(string(local), string(local), number(), number()) : null;
            int n = number();
            List<Finding> findings = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String ruleId = string(common);
                String category = string(common);
                Severity severity = SEVERITIES[number()];
                String message = string(local);
                SourceSpan span = span();
                String excerpt = string(local);
                String link = string(common);
                Fix fix = fix();
                SourceLine line = flag() ? new SourceLine(string(local), number()) : null;
                boolean onePerPosting = flag();
                int places = number();
                List<RelatedPlace> related = new ArrayList<>(places);
                for (int p = 0; p < places; p++) {
                    related.add(new RelatedPlace(span(), string(local), string(local), fix()));
                }
                findings.add(new Finding(ruleId, category, severity, message, span, excerpt, link, fix, line, null, related,
                        onePerPosting));
            }
            if (pos != end) {
                throw new IllegalStateException("a spilled result was not read to its end: " + pos + " of " + end + " bytes");
            }
            return new FileResult(path, findings, policy, title, location, ioError, suppressed, origin);
        }

        private Fix fix() {
            return flag() ? new Fix(span(), string(local), string(common)) : null;
        }

        private SourceSpan span() {
            int so = number();
            int eo = number();
            Position start = new Position(number(), number());
            Position endAt = new Position(number(), number());
            return new SourceSpan(so, eo, start, endAt);
        }

        private boolean flag() {
            return buf[pos++] != 0;
        }

        private int number() {
            int z = (int) unsigned();
            return (z >>> 1) ^ -(z & 1);
        }

        private long unsigned() {
            long v = 0;
            int shift = 0;
            byte b;
            do {
                b = buf[pos++];
                v |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            return v;
        }

        private String string(List<String> table) {
            long tag = unsigned();
            if (tag == 0) {
                return null;
            }
            if ((tag & 1) == 1) {
                return table.get((int) (tag >>> 1));
            }
            long head = (tag - 2) >>> 1;
            int n = (int) (head >>> 2);
            String s;
            if ((head & 2) != 0) {
                s = new String(buf, pos, n, StandardCharsets.ISO_8859_1);
                pos += n;
            } else {
                char[] c = new char[n];
                for (int i = 0; i < n; i++) {
                    c[i] = (char) ((buf[pos] & 0xFF) << 8 | buf[pos + 1] & 0xFF);
                    pos += 2;
                }
                s = new String(c);
            }
            if ((head & 1) != 0) {
                table.add(s);
            }
            return s;
        }
    }
}

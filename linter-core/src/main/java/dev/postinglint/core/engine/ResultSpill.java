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
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Postings' results that wait for the corpus rules, written in order to a temporary file and read back in the
 * same order: a corpus run then holds its observations, not every posting's findings. Only results whose
 * findings carry no waiver are written (waivers are applied after the corpus rules, when results are read back).
 * The file is deleted when the spill is closed.
 */
final class ResultSpill implements Closeable {
    private final Path file;
    private DataOutputStream out;
    private DataInputStream in;
    private int written;
    private int read;

    ResultSpill() {
        try {
            file = Files.createTempFile("posting-lint-results", ".bin");
            file.toFile().deleteOnExit();
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for results: " + e.getMessage(), e);
        }
    }

    void write(FileResult r) {
        try {
            writeResult(out, r);
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
            }
            if (read >= written) {
                throw new IllegalStateException("no more results");
            }
            read++;
            return readResult(in);
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

    // Every component of FileResult and Finding is written: ResultSpillTest fails when a record grows one.

    static void writeResult(DataOutputStream o, FileResult r) throws IOException {
        writeString(o, r.path());
        writeString(o, r.policy());
        writeString(o, r.title());
        writeString(o, r.location());
        o.writeBoolean(r.ioError());
        o.writeInt(r.suppressed());
        JobOrigin origin = r.origin();
        o.writeBoolean(origin != null);
        if (origin != null) {
            writeString(o, origin.file());
            writeString(o, origin.jobId());
            o.writeInt(origin.line());
            o.writeInt(origin.column());
        }
        o.writeInt(r.findings().size());
        for (Finding f : r.findings()) {
            if (f.waiver() != null) {
                throw new IllegalArgumentException("a waived finding is never spilled");
            }
            writeString(o, f.ruleId());
            writeString(o, f.category());
            o.writeByte(f.severity().ordinal());
            writeString(o, f.message());
            writeSpan(o, f.span());
            writeString(o, f.excerpt());
            writeString(o, f.link());
            writeFix(o, f.fix());
            SourceLine line = f.line();
            o.writeBoolean(line != null);
            if (line != null) {
                writeString(o, line.text());
                o.writeInt(line.startColumn());
            }
            o.writeBoolean(f.onePerPosting());
            o.writeInt(f.related().size());
            for (RelatedPlace p : f.related()) {
                writeSpan(o, p.span());
                writeString(o, p.message());
                writeString(o, p.excerpt());
                writeFix(o, p.fix());
            }
        }
    }

    private static void writeFix(DataOutputStream o, Fix fix) throws IOException {
        o.writeBoolean(fix != null);
        if (fix != null) {
            writeSpan(o, fix.span());
            writeString(o, fix.replacement());
            writeString(o, fix.description());
        }
    }

    private static Fix readFix(DataInputStream in) throws IOException {
        return in.readBoolean() ? new Fix(readSpan(in), readString(in), readString(in)) : null;
    }

    static FileResult readResult(DataInputStream in) throws IOException {
        String path = readString(in);
        String policy = readString(in);
        String title = readString(in);
        String location = readString(in);
        boolean ioError = in.readBoolean();
        int suppressed = in.readInt();
        JobOrigin origin = in.readBoolean() ? new JobOrigin(readString(in), readString(in), in.readInt(), in.readInt()) : null;
        int n = in.readInt();
        List<Finding> findings = new ArrayList<>(n);
        Severity[] severities = Severity.values();
        for (int i = 0; i < n; i++) {
            String ruleId = readString(in);
            String category = readString(in);
            Severity severity = severities[in.readByte()];
            String message = readString(in);
            SourceSpan span = readSpan(in);
            String excerpt = readString(in);
            String link = readString(in);
            Fix fix = readFix(in);
            SourceLine line = in.readBoolean() ? new SourceLine(readString(in), in.readInt()) : null;
            boolean onePerPosting = in.readBoolean();
            int places = in.readInt();
            List<RelatedPlace> related = new ArrayList<>(places);
            for (int p = 0; p < places; p++) {
                related.add(new RelatedPlace(readSpan(in), readString(in), readString(in), readFix(in)));
            }
            findings.add(new Finding(ruleId, category, severity, message, span, excerpt, link, fix, line, null, related,
                    onePerPosting));
        }
        return new FileResult(path, findings, policy, title, location, ioError, suppressed, origin);
    }

    private static void writeSpan(DataOutputStream o, SourceSpan s) throws IOException {
        o.writeInt(s.startOffset());
        o.writeInt(s.endOffset());
        o.writeInt(s.start().line());
        o.writeInt(s.start().column());
        o.writeInt(s.end().line());
        o.writeInt(s.end().column());
    }

    private static SourceSpan readSpan(DataInputStream in) throws IOException {
        int so = in.readInt();
        int eo = in.readInt();
        Position start = new Position(in.readInt(), in.readInt());
        Position end = new Position(in.readInt(), in.readInt());
        return new SourceSpan(so, eo, start, end);
    }

    /** Any string, null included (writeUTF stops at 64 KB and changes lone surrogates). */
    private static void writeString(DataOutputStream o, String s) throws IOException {
        if (s == null) {
            o.writeInt(-1);
            return;
        }
        o.writeInt(s.length());
        for (int i = 0; i < s.length(); i++) {
            o.writeChar(s.charAt(i));
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = in.readChar();
        }
        return new String(c);
    }
}

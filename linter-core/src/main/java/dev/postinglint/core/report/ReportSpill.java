package dev.postinglint.core.report;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The temporary files of a report that lists postings after a head it can write only at the end (counts, rules,
 * caps): the postings' parts wait here, in a temporary directory of their own, and are copied after the head.
 * {@link #close} deletes the directory; a stream closes its spill when the run ends and when writing fails, and the
 * JVM deletes what is left if it exits in between. Files are UTF-8 and refuse a character UTF-8 cannot carry (what
 * reports write is well-formed), so a copy is exactly what was written.
 */
final class ReportSpill implements Closeable {
    private final Path dir;
    private final List<Path> files = new ArrayList<>();
    private final List<Closeable> open = new ArrayList<>();

    /** A spill in a new directory under {@code parent} (null: the system's temporary directory). */
    ReportSpill(Path parent) throws IOException {
        dir = parent == null ? Files.createTempDirectory("posting-lint-report") : Files.createTempDirectory(parent, "posting-lint-report");
        dir.toFile().deleteOnExit();
    }

    /** A new file to write, buffered. */
    Writer writer(String name) throws IOException {
        Path p = dir.resolve(name);
        files.add(p);
        p.toFile().deleteOnExit(); // registered after the directory, so deleted before it
        Writer w = new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 16);
        open.add(w);
        return w;
    }

    /** The file as written (its writer closed first). */
    Reader reader(String name) throws IOException {
        Path p = dir.resolve(name);
        closeWriters();
        Reader r = new BufferedReader(Files.newBufferedReader(p, StandardCharsets.UTF_8), 1 << 16);
        open.add(r);
        return r;
    }

    /** Copies a file's text to {@code out}. */
    void copy(String name, Writer out) throws IOException {
        try (Reader r = reader(name)) {
            r.transferTo(out);
        }
    }

    private void closeWriters() throws IOException {
        for (Closeable c : open) {
            if (c instanceof Writer) {
                c.close();
            }
        }
    }

    @Override
    public void close() {
        IOException failed = null;
        for (Closeable c : open) {
            try {
                c.close();
            } catch (IOException e) {
                failed = failed == null ? e : failed;
            }
        }
        open.clear();
        for (Path p : files) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                failed = failed == null ? e : failed;
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            failed = failed == null ? e : failed;
        }
        if (failed != null) {
            throw new UncheckedIOException("cannot delete the report's temporary files in " + dir + ": " + failed.getMessage(), failed);
        }
    }
}

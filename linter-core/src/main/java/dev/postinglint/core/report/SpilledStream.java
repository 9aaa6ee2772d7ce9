package dev.postinglint.core.report;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.ResultStream;
import dev.postinglint.core.model.RunHeader;
import dev.postinglint.core.model.RunTotals;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A report's stream that keeps each posting's part in a {@link ReportSpill} and compact counts in memory, and writes
 * the whole document when the run ends. The spill lives from {@link #begin} to the end of {@link #end}, and is
 * deleted as soon as a step fails, so neither a finished nor a failed run leaves a temporary file.
 */
abstract class SpilledStream implements ResultStream {
    private final Path tempParent;
    private ReportSpill spill;

    /** {@code tempParent}: where the spill's directory goes (null: the system's temporary directory). */
    SpilledStream(Path tempParent) {
        this.tempParent = tempParent;
    }

    /** The run's first step: the spill is open. */
    abstract void start(RunHeader header, ReportSpill spill) throws IOException;

    /** One posting, in path order. */
    abstract void add(FileResult result) throws IOException;

    /** The document, with what was spilled copied in its place. */
    abstract void finish(RunTotals totals, ReportSpill spill) throws IOException;

    @Override
    public final void begin(RunHeader header) throws IOException {
        spill = new ReportSpill(tempParent);
        try {
            start(header, spill);
        } catch (Throwable t) {
            discard(t);
            throw t;
        }
    }

    @Override
    public final void file(FileResult result) throws IOException {
        try {
            add(result);
        } catch (Throwable t) {
            discard(t);
            throw t;
        }
    }

    @Override
    public final void end(RunTotals totals) throws IOException {
        try {
            finish(totals, spill);
        } catch (Throwable t) {
            discard(t);
            throw t;
        }
        spill.close();
    }

    private void discard(Throwable cause) {
        try {
            spill.close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}

package dev.postinglint.core.report;

import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.ResultStream;
import java.io.IOException;
import java.io.Writer;

/**
 * A format that writes each posting as it comes: its stream is the format, and a whole report is written by
 * replaying it through the stream, so both paths give the same bytes.
 */
interface StreamingReporter extends Reporter {
    @Override
    ResultStream open(Writer out);

    @Override
    default void write(LintReport report, Writer out) throws IOException {
        ResultStream.replay(report, open(out));
    }
}

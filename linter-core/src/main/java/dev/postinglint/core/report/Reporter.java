package dev.postinglint.core.report;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.ResultStream;
import dev.postinglint.core.model.RunHeader;
import dev.postinglint.core.model.RunTotals;
import java.io.IOException;
import java.io.Writer;

/** Writes a run's results in one format. Implementations escape everything they write. */
public interface Reporter {
    void write(LintReport report, Writer out) throws IOException;

    /**
     * A stream that writes this format to {@code out} as a run's results come, the same bytes as {@link #write}
     * of the whole report. Formats that can write as they go (text, JSON, Checkstyle, Code Climate) hold no
     * posting after it is written; those that rank or count before they list (SARIF, HTML, JUnit, GitHub) keep each
     * posting's part in a temporary file and write at the end. This default keeps the
     * report and writes it at the end. The caller flushes and closes {@code out}.
     */
    default ResultStream open(Writer out) {
        ResultStream.Collector all = new ResultStream.Collector();
        return new ResultStream() {
            @Override
            public void begin(RunHeader header) {
                all.begin(header);
            }

            @Override
            public void file(FileResult result) {
                all.file(result);
            }

            @Override
            public void end(RunTotals totals) throws IOException {
                all.end(totals);
                write(all.report(), out);
            }
        };
    }
}

package dev.postinglint.core.report;

import dev.postinglint.core.model.LintReport;
import java.io.IOException;
import java.io.Writer;

/** Writes a run's results in one format. Implementations escape everything they write. */
public interface Reporter {
    void write(LintReport report, Writer out) throws IOException;
}

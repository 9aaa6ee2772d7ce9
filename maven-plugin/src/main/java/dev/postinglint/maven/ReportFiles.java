package dev.postinglint.maven;

import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.report.ReportFormats;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a run's report in each asked-for format, to {@code posting-lint.<ext>} in one directory. */
final class ReportFiles {
    private ReportFiles() {
    }

    /** Writes each format's file (replacing an older one) and returns the files written, in order. */
    static List<Path> write(LintReport report, List<String> formats, Path directory) throws IOException {
        List<Path> written = new ArrayList<>();
        if (formats.isEmpty()) {
            return written;
        }
        Files.createDirectories(directory);
        for (String format : formats) {
            Path file = directory.resolve(ReportFormats.defaultFileName(format));
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                ReportFormats.create(format).write(report, w);
            }
            written.add(file);
        }
        return written;
    }
}

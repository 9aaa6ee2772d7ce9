package dev.postinglint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.report.ReportFormats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

/** The report goal writes files and never fails on findings (the module has two errors). */
@MojoTest
@Basedir("/projects/violations")
class ReportMojoTest {
    @Test
    @InjectMojo(goal = "report")
    @MojoParameter(name = "outputDirectory", value = "${project.build.directory}/report-default")
    void writesTheDefaultReportsDespiteErrors(ReportMojo mojo) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        deleteTree(mojo.outputDirectory.toPath()); // target/test-classes survives between builds

        mojo.execute();

        Path out = mojo.outputDirectory.toPath();
        List<String> expected = ReportMojo.reportFormats(ReportFormats.names(), List.of());
        for (String format : expected) {
            Path file = out.resolve(ReportFormats.defaultFileName(format));
            assertTrue(Files.isRegularFile(file), file.toString());
            assertTrue(log.at("INFO").contains("posting-lint: wrote target/report-default/" + file.getFileName()), log.lines.toString());
        }
        try (var files = Files.list(out)) {
            assertEquals(expected.size(), files.count());
        }
        assertTrue(log.at("INFO").contains("posting-lint: 2 files checked: 2 errors, 0 warnings, 0 infos"));
        assertEquals(List.of(), log.at("ERROR"));
    }

    @Test
    @InjectMojo(goal = "report")
    @MojoParameter(name = "formats", value = "text")
    @MojoParameter(name = "outputDirectory", value = "${project.build.directory}/report-text")
    void writesTheFormatsAskedFor(ReportMojo mojo) throws Exception {
        mojo.setLog(new RecordingLog());
        mojo.execute();
        String text = Files.readString(mojo.outputDirectory.toPath().resolve("posting-lint.txt"));
        assertTrue(text.contains("src/postings/backend-engineer.html:5:5: error [accommodation-statement-present]"), text);
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

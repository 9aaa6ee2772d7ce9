package dev.postinglint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.input.InputKind;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/**
 * The check goal as Maven configures it (maven-plugin-testing-harness): parameter defaults from the
 * generated descriptor, and what each setting does to one module with two postings, one of which
 * lacks both statements the default pack requires (two errors at 5:5).
 */
@MojoTest
@Basedir("/projects/violations")
class CheckMojoTest {
    private static final String EEO = "src/postings/backend-engineer.html:5:5: error [eeo-statement-present] "
            + "No equal-opportunity statement: say that applicants are considered without regard to protected characteristics";

    private static RecordingLog logTo(CheckMojo mojo) {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        return log;
    }

    @Test
    @InjectMojo(goal = "check")
    void defaultsAreTheDocumentedOnes(CheckMojo mojo) {
        assertFalse(mojo.skip);
        assertEquals("error", mojo.failOn);
        assertEquals(0, mojo.maxAllowedViolations);
        assertEquals("json", mojo.formats);
        assertTrue(mojo.logViolationsToConsole);
        assertEquals(List.of("src/postings"), mojo.sourceDirectories);
        assertEquals(InputKind.DEFAULT_INCLUDES, mojo.includes);
        assertEquals(List.of(), mojo.policies);
        assertEquals(null, mojo.asOf);
        assertEquals(null, mojo.content);
        assertEquals(new File(mojo.basedir, "target/posting-lint"), mojo.outputDirectory);
        assertTrue(new File(mojo.basedir, "src/postings/backend-engineer.html").isFile());
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "outputDirectory", value = "${project.build.directory}/fails")
    void errorsFailTheBuildAfterLoggingAndWritingTheReport(CheckMojo mojo) throws Exception {
        RecordingLog log = logTo(mojo);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals("posting-lint: 2 errors (failOn=error, maxAllowedViolations=0); see target/fails/posting-lint.json",
                e.getMessage());
        assertEquals(2, log.at("ERROR").size());
        assertTrue(log.at("ERROR").contains(EEO), log.lines.toString());
        assertTrue(log.at("INFO").contains("posting-lint: 2 files checked: 2 errors, 0 warnings, 0 infos"));
        String json = Files.readString(mojo.outputDirectory.toPath().resolve("posting-lint.json"));
        assertTrue(json.contains("\"test-default\""), json);
        assertTrue(json.contains("\"path\" : \"src/postings/data-analyst.html\""), json);
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "writeBaseline", value = "${project.build.directory}/recorded/baseline.json")
    @MojoParameter(name = "outputDirectory", value = "${project.build.directory}/recorded")
    void writeBaselineRecordsTheFindingsAndPasses(CheckMojo mojo) throws Exception {
        Path file = mojo.writeBaseline.toPath();
        Files.deleteIfExists(file);
        RecordingLog log = logTo(mojo);

        mojo.execute();

        assertTrue(log.at("INFO").contains("posting-lint: wrote baseline target/recorded/baseline.json: 2 entries"), log.lines.toString());
        String recorded = Files.readString(file);
        assertTrue(recorded.contains("eeo-statement-present") && recorded.contains("accommodation-statement-present"), recorded);
        assertTrue(recorded.contains("src/postings/backend-engineer.html"), "entries name postings relative to the module: " + recorded);

        // The next build reads it as its baseline: the same findings no longer fail it.
        mojo.writeBaseline = null;
        mojo.baseline = file.toFile();
        RecordingLog second = logTo(mojo);
        mojo.execute();
        assertTrue(second.at("INFO").stream().anyMatch(l -> l.contains("2 known findings not reported")), second.lines.toString());
        assertEquals(List.of(), second.at("ERROR"));
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "maxAllowedViolations", value = "2")
    @MojoParameter(name = "outputDirectory", value = "${project.build.directory}/tolerated")
    void maxAllowedViolationsToleratesThatMany(CheckMojo mojo) throws Exception {
        RecordingLog log = logTo(mojo);
        mojo.execute();
        assertTrue(log.at("WARN").contains("posting-lint: 2 errors (failOn=error, maxAllowedViolations=2) are tolerated"),
                log.lines.toString());
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "maxAllowedViolations", value = "1")
    @MojoParameter(name = "outputDirectory", value = "${project.build.directory}/one-too-many")
    void oneMoreThanAllowedFails(CheckMojo mojo) {
        logTo(mojo);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("posting-lint: 2 errors (failOn=error, maxAllowedViolations=1)"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "failOn", value = "never")
    @MojoParameter(name = "formats", value = "json,text")
    @MojoParameter(name = "outputDirectory", value = "${project.build.directory}/never")
    void failOnNeverStillLogsAndReports(CheckMojo mojo) throws Exception {
        RecordingLog log = logTo(mojo);
        mojo.execute();
        assertEquals(2, log.at("ERROR").size());
        assertTrue(Files.readString(mojo.outputDirectory.toPath().resolve("posting-lint.txt")).contains(EEO));
        assertTrue(Files.isRegularFile(mojo.outputDirectory.toPath().resolve("posting-lint.json")));
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "logViolationsToConsole", value = "false")
    @MojoParameter(name = "formats", value = "none")
    @MojoParameter(name = "outputDirectory", value = "${project.build.directory}/quiet")
    void quietConsoleStillFails(CheckMojo mojo) {
        RecordingLog log = logTo(mojo);
        assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(List.of(), log.at("ERROR"));
        assertTrue(log.at("INFO").contains("posting-lint: 2 files checked: 2 errors, 0 warnings, 0 infos"));
        assertTrue(log.lines.stream().noneMatch(l -> l.contains("wrote")), log.lines.toString());
        assertFalse(Files.exists(mojo.outputDirectory.toPath()));
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "policies", value = "builtin:eeo")
    @MojoParameter(name = "includes", value = "**/backend-*.html")
    @MojoParameter(name = "outputDirectory", value = "${project.build.directory}/eeo-only")
    void policiesAndIncludesChooseWhatIsChecked(CheckMojo mojo) throws Exception {
        RecordingLog log = logTo(mojo);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("posting-lint: 1 error "), e.getMessage());
        assertEquals(List.of(EEO), log.at("ERROR"));
        assertTrue(log.at("INFO").contains("posting-lint: 1 file checked: 1 error, 0 warnings, 0 infos"));
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "content", value = "h1")
    @MojoParameter(name = "outputDirectory", value = "${project.build.directory}/content-h1")
    void contentNamesThePartOfTheFileThatIsThePosting(CheckMojo mojo) throws Exception {
        // Only the <h1> is the posting: the data analyst's statements are outside it, so both files lack them.
        RecordingLog log = logTo(mojo);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("posting-lint: 4 errors "), e.getMessage());
        assertTrue(log.at("ERROR").stream().anyMatch(l -> l.startsWith("src/postings/data-analyst.html:")
                && l.contains("[eeo-statement-present]")), log.lines.toString());
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "content", value = "div[unclosed")
    @MojoParameter(name = "outputDirectory", value = "${project.build.directory}/bad-content")
    void badContentSelectorIsAnExecutionErrorBeforeAnyWork(CheckMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("posting-lint: content: content selector 'div[unclosed' is not a valid CSS selector"),
                e.getMessage());
        assertFalse(Files.exists(mojo.outputDirectory.toPath()));
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "skip", value = "true")
    @MojoParameter(name = "outputDirectory", value = "${project.build.directory}/skipped")
    void skipDoesNothing(CheckMojo mojo) throws Exception {
        RecordingLog log = logTo(mojo);
        mojo.execute();
        assertEquals(List.of("INFO posting-lint: skipped (posting-lint.skip)"), log.lines);
        assertFalse(Files.exists(mojo.outputDirectory.toPath()));
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "sourceDirectories", value = "src/missing")
    @MojoParameter(name = "outputDirectory", value = "${project.build.directory}/missing")
    void aModuleWithoutPostingsIsSkipped(CheckMojo mojo) throws Exception {
        RecordingLog log = logTo(mojo);
        mojo.execute();
        assertEquals(List.of("INFO posting-lint: no postings directory (src/missing), skipping"), log.lines);
        assertFalse(Files.exists(mojo.outputDirectory.toPath()));
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "includes", value = "**/*.md")
    void noMatchingFilesIsSkipped(CheckMojo mojo) throws Exception {
        RecordingLog log = logTo(mojo);
        mojo.execute();
        assertEquals(List.of("INFO posting-lint: no posting files match **/*.md in src/postings, skipping"), log.lines);
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "failOn", value = "sometimes")
    @MojoParameter(name = "outputDirectory", value = "${project.build.directory}/bad-failon")
    void badFailOnIsAnExecutionErrorBeforeAnyWork(CheckMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("posting-lint: failOn must be error, warning, info or never, not 'sometimes'", e.getMessage());
        assertFalse(Files.exists(mojo.outputDirectory.toPath()));
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "formats", value = "json,xml")
    void unknownFormatListsTheKnownOnes(CheckMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("posting-lint: formats: unknown report format 'xml' (known: "), e.getMessage());
        assertTrue(e.getMessage().contains("json"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "asOf", value = "yesterday")
    void badAsOfIsAnExecutionError(CheckMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("posting-lint: asOf must be a date written YYYY-MM-DD, not 'yesterday'", e.getMessage());
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "excludes", value = "[unclosed")
    void badGlobIsAnExecutionError(CheckMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("posting-lint: invalid glob '[unclosed'"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "policies", value = "no-such-policy.yaml")
    void missingPolicyFileIsAnExecutionError(CheckMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("posting-lint: broken policy: "), e.getMessage());
        assertTrue(e.getMessage().contains("policy file not found: " + Path.of(mojo.basedir.getPath(), "no-such-policy.yaml")),
                e.getMessage());
    }
}

package dev.postinglint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.yaml.PolicyException;
import java.nio.file.Files;
import java.util.List;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.reporting.MavenReportException;
import org.junit.jupiter.api.Test;

/**
 * A module whose .posting-lint.yaml has {@code severity: loud} on line 8, column 15, and an unknown
 * rule type on line 13: both are reported in one build.
 */
@MojoTest
@Basedir("/projects/broken-policy")
class BrokenPolicyMojoTest {
    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "outputDirectory", value = "${project.build.directory}/broken")
    void discoveredBrokenPolicyFailsWithItsPlace(CheckMojo mojo) {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().matches("posting-lint: broken policy: (.*/)?\\.posting-lint\\.yaml:8:15: "
                + "severity must be error, warning or info, not 'loud'\n(.*/)?\\.posting-lint\\.yaml:13:11: unknown rule type 'forbidd'.*"),
                e.getMessage());
        List<String> errors = log.at("ERROR");
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).matches("posting-lint: (.*/)?\\.posting-lint\\.yaml:8:15: severity must be .*"), errors.toString());
        assertTrue(errors.get(1).matches("posting-lint: (.*/)?\\.posting-lint\\.yaml:13:11: unknown rule type 'forbidd'; did you mean 'forbid'\\? .*"),
                errors.toString());
        assertTrue(e.getCause() instanceof PolicyException);
        assertFalse(Files.exists(mojo.outputDirectory.toPath()));
    }

    @Test
    @InjectMojo(goal = "report")
    @MojoParameter(name = "filesDirectory", value = "${project.build.directory}/broken-report")
    void theReportGoalFailsOnItToo(ReportMojo mojo) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        assertTrue(mojo.canGenerateReport());
        MavenReportException e = assertThrows(MavenReportException.class, () -> ReportMojoTest.generate(mojo));
        assertTrue(e.getMessage().startsWith("posting-lint: broken policy: "), e.getMessage());
        assertTrue(e.getMessage().contains(".posting-lint.yaml:8:15: "), e.getMessage());
        assertEquals(2, log.at("ERROR").size(), log.lines.toString());
        assertFalse(Files.exists(mojo.filesDirectory.toPath()));
    }
}

package dev.postinglint.maven;

import dev.postinglint.core.report.ReportFormats;
import dev.postinglint.core.session.CheckOutcome;
import dev.postinglint.core.session.CheckRequest;
import dev.postinglint.core.session.FailGate;
import dev.postinglint.core.session.LintSettings;
import dev.postinglint.core.session.Messages;
import dev.postinglint.core.session.Postings;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lints the module's postings and writes report files without ever failing the build on findings:
 * the HTML report when this posting-lint has that format, plus any formats asked for (JSON when
 * there is nothing else to write). Broken policies and unreadable postings still fail it.
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractPostingLintMojo {
    static final String HTML = "html";

    /** Report formats to write besides HTML, comma-separated (e.g. {@code json,sarif}). */
    @Parameter(property = "posting-lint.formats")
    protected String formats;

    private List<String> formatNames;

    @Override
    protected void validate() throws MojoExecutionException {
        formatNames = reportFormats(ReportFormats.names(), option(() -> Options.formats(formats)));
    }

    /** HTML first when available, then the formats asked for; JSON when that leaves nothing. */
    static List<String> reportFormats(List<String> available, List<String> asked) {
        List<String> out = new ArrayList<>();
        if (available.contains(HTML)) {
            out.add(HTML);
        }
        for (String f : asked) {
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        if (out.isEmpty()) {
            out.add("json");
        }
        return List.copyOf(out);
    }

    @Override
    protected void handle(LintSettings settings, Postings postings) throws MojoExecutionException {
        CheckOutcome outcome = check(CheckRequest.of(settings, FailGate.at(null)), postings);
        getLog().info("posting-lint: " + Messages.summary(outcome.report().summary()));
        writeReports(outcome.report(), formatNames);
        failOnUnreadableInput(outcome);
    }
}

package dev.postinglint.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.RelatedPlace;
import dev.postinglint.core.model.ResultStream;
import dev.postinglint.core.model.RunHeader;
import dev.postinglint.core.model.RunTotals;
import dev.postinglint.core.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;

/**
 * GitLab's Code Quality report: the Code Climate issue format, a JSON array with one object per finding
 * ({@code description}, {@code check_name}, {@code fingerprint}, {@code severity}, {@code location.path},
 * {@code location.lines.begin}). GitLab compares fingerprints between the merge request and its target
 * branch to show new and fixed findings, so they are the SARIF ones: path, rule, excerpt and occurrence,
 * never the line, so an edit above a finding does not make it "new".
 */
public final class CodeClimateReporter implements StreamingReporter {

    /** Writes each posting's issues as it comes (fingerprints count occurrences within one posting only). */
    @Override
    public ResultStream open(Writer out) {
        return new ResultStream() {
            private JsonGenerator g;

            @Override
            public void begin(RunHeader header) throws IOException {
                g = ReportSupport.prettyJson(out);
                g.writeStartArray();
            }

            @Override
            public void file(FileResult file) throws IOException {
                Map<String, Integer> occurrences = new HashMap<>();
                for (Finding f : file.findings()) {
                    String excerpt = SarifReporter.normalizeExcerpt(f.fingerprintText());
                    int occurrence = occurrences.merge(f.ruleId() + '\u0000' + excerpt, 1, Integer::sum) - 1;
                    writeIssue(g, file, f, SarifReporter.fingerprint(file.path(), f.ruleId(), excerpt, occurrence));
                }
            }

            @Override
            public void end(RunTotals totals) throws IOException {
                g.writeEndArray();
                g.writeRaw('\n');
                g.close();
            }
        };
    }

    private static void writeIssue(JsonGenerator g, FileResult file, Finding f, String fingerprint) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "issue"); // required by the Code Climate spec, ignored by GitLab
        String message = (f.message().isBlank() ? f.ruleId() : ReportSupport.wellFormed(f.message())) + ReportSupport.placesNote(f);
        g.writeStringField("description", f.waived() ? "[" + ReportSupport.wellFormed(ReportSupport.waiverNote(f.waiver()))
                + "] " + message : message);
        g.writeStringField("check_name", f.ruleId());
        g.writeStringField("fingerprint", fingerprint);
        g.writeStringField("severity", severity(f, file.ioError()));
        g.writeArrayFieldStart("categories");
        g.writeString(file.ioError() ? "Bug Risk" : "Style");
        g.writeEndArray();
        g.writeObjectFieldStart("location");
        g.writeStringField("path", ReportSupport.wellFormed(file.path().replace('\\', '/')));
        g.writeObjectFieldStart("lines");
        int begin = Math.max(1, f.span().start().line());
        g.writeNumberField("begin", begin);
        g.writeNumberField("end", Math.max(begin, f.span().end().line()));
        g.writeEndObject();
        g.writeEndObject();
        if (!f.related().isEmpty()) {
            // The Code Climate spec's other_locations: the other places of a finding reported once per posting.
            g.writeArrayFieldStart("other_locations");
            for (RelatedPlace p : f.related()) {
                g.writeStartObject();
                g.writeStringField("path", ReportSupport.wellFormed(file.path().replace('\\', '/')));
                g.writeObjectFieldStart("lines");
                int from = Math.max(1, p.span().start().line());
                g.writeNumberField("begin", from);
                g.writeNumberField("end", Math.max(from, p.span().end().line()));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /**
     * GitLab's five levels: a posting that could not be read is {@code blocker} (nothing in it was checked),
     * errors {@code major}, warnings {@code minor}, infos and waived findings {@code info}.
     */
    static String severity(Finding f, boolean unreadable) {
        if (unreadable) {
            return "blocker";
        }
        if (f.waived()) {
            return "info";
        }
        return level(f.severity());
    }

    /** The Code Quality level of a finding's severity. */
    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "major";
            case WARNING -> "minor";
            case INFO -> "info";
        };
    }
}

package dev.postinglint.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Fix;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.RelatedPlace;
import dev.postinglint.core.model.ResultStream;
import dev.postinglint.core.model.RunHeader;
import dev.postinglint.core.model.RunTotals;
import dev.postinglint.core.model.ToolInfo;
import dev.postinglint.core.model.Waiver;
import dev.postinglint.core.source.SourceSpan;
import java.io.IOException;
import java.io.Writer;

/**
 * The JSON format, the one later formats and the Maven plugin build on (documented in the README).
 * Written with Jackson's streaming generator, so it escapes correctly and never holds a tree.
 */
public final class JsonReporter implements StreamingReporter {

    /** Writes each posting as it comes (the summary, last in the document, comes with the run's end). */
    @Override
    public ResultStream open(Writer out) {
        return new ResultStream() {
            private JsonGenerator g;

            @Override
            public void begin(RunHeader header) throws IOException {
                g = ReportSupport.prettyJson(out);
                g.writeStartObject();
                g.writeObjectFieldStart("tool");
                g.writeStringField("name", ToolInfo.NAME);
                g.writeStringField("version", header.toolVersion());
                g.writeEndObject();
                g.writeStringField("asOf", header.asOf().toString());
                g.writeArrayFieldStart("policies");
                for (String p : header.policies()) {
                    g.writeString(p);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("files");
            }

            @Override
            public void file(FileResult r) throws IOException {
                g.writeStartObject();
                g.writeStringField("path", r.path());
                g.writeStringField("policy", r.policy());
                if (r.title() != null) {
                    g.writeStringField("title", r.title());
                }
                if (r.location() != null) {
                    g.writeStringField("location", r.location());
                }
                if (r.origin() != null) { // a job of a board export: where its object is in the export
                    g.writeObjectFieldStart("origin");
                    g.writeStringField("file", r.origin().file());
                    g.writeStringField("job", r.origin().jobId());
                    g.writeNumberField("line", r.origin().line());
                    g.writeNumberField("column", r.origin().column());
                    g.writeEndObject();
                }
                g.writeArrayFieldStart("findings");
                for (Finding f : r.findings()) {
                    writeFinding(g, f);
                }
                g.writeEndArray();
                g.writeEndObject();
            }

            @Override
            public void end(RunTotals totals) throws IOException {
                g.writeEndArray();
                g.writeObjectFieldStart("summary");
                writeSummaryCounts(g, totals);
                g.writeEndObject();
                g.writeEndObject();
                g.writeRaw('\n');
                g.close();
            }
        };
    }

    /** The summary's counts, shared with the HTML report's embedded data. */
    static void writeSummaryCounts(JsonGenerator g, LintReport report) throws IOException {
        writeSummaryCounts(g, new RunTotals(report.summary(), report.elapsed(), java.util.List.of()));
    }

    static void writeSummaryCounts(JsonGenerator g, RunTotals totals) throws IOException {
        dev.postinglint.core.model.Summary summary = totals.summary();
        g.writeNumberField("files", summary.files());
        g.writeNumberField("errors", summary.errors());
        g.writeNumberField("warnings", summary.warnings());
        g.writeNumberField("infos", summary.infos());
        g.writeNumberField("waived", summary.waived());
        g.writeNumberField("suppressed", summary.suppressed());
        g.writeNumberField("baselined", summary.baselined());
        g.writeNumberField("durationMs", totals.elapsed().toMillis());
    }

    private static void writeFinding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        g.writeStringField("category", f.category());
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("message", f.message());
        writeRange(g, f.span());
        g.writeStringField("excerpt", f.excerpt());
        if (f.link() == null) {
            g.writeNullField("link");
        } else {
            g.writeStringField("link", f.link());
        }
        writeFix(g, f.fix());
        writeWaiver(g, f.waiver());
        if (f.onePerPosting()) {
            // Reported once per posting: the other places, each with its own edit (the finding's fix is all of them).
            g.writeNumberField("places", f.places());
            g.writeArrayFieldStart("related");
            for (RelatedPlace p : f.related()) {
                g.writeStartObject();
                writeRange(g, p.span());
                g.writeStringField("message", p.message());
                g.writeStringField("excerpt", p.excerpt());
                writeFix(g, p.fix());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeFix(JsonGenerator g, Fix fix) throws IOException {
        if (fix == null) {
            g.writeNullField("fix");
            return;
        }
        g.writeObjectFieldStart("fix");
        writeRange(g, fix.span());
        g.writeNumberField("startOffset", fix.span().startOffset());
        g.writeNumberField("endOffset", fix.span().endOffset());
        g.writeStringField("replacement", fix.replacement());
        g.writeStringField("description", fix.description());
        g.writeEndObject();
    }

    /** {@code "waiver": null}, or who accepted the finding, why, until when, and where the policy says so. */
    static void writeWaiver(JsonGenerator g, Waiver w) throws IOException {
        if (w == null) {
            g.writeNullField("waiver");
            return;
        }
        g.writeObjectFieldStart("waiver");
        g.writeArrayFieldStart("rules");
        for (String r : w.rules()) {
            g.writeString(r);
        }
        g.writeEndArray();
        if (w.files() != null) {
            g.writeStringField("files", w.files());
        } else {
            g.writeStringField("posting", w.posting());
        }
        g.writeStringField("reason", w.reason());
        g.writeStringField("approvedBy", w.approvedBy());
        g.writeStringField("expires", w.expires().toString());
        g.writeStringField("source", w.place().toString());
        g.writeEndObject();
    }

    private static void writeRange(JsonGenerator g, SourceSpan s) throws IOException {
        g.writeNumberField("line", s.start().line());
        g.writeNumberField("column", s.start().column());
        g.writeNumberField("endLine", s.end().line());
        g.writeNumberField("endColumn", s.end().column());
    }
}

package dev.postinglint.core.report;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.ResultStream;
import dev.postinglint.core.model.RunHeader;
import dev.postinglint.core.model.RunTotals;
import java.io.IOException;
import java.io.Writer;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Checkstyle XML, which Jenkins warnings-ng, reviewdog, SonarQube and most CI dashboards read: a
 * {@code <file>} per posting (those without findings too, so the checked set is visible) and an
 * {@code <error>} per finding. {@code source} is {@code posting-lint.CATEGORY.RULE-ID}, so tools that
 * split it at dots (as warnings-ng does) get the rule id as the type and the category above it.
 */
public final class CheckstyleReporter implements StreamingReporter {
    /** The Checkstyle report format version this output follows (the one ESLint and others write). */
    public static final String FORMAT_VERSION = "4.3";

    /** Writes each posting's {@code <file>} element as it comes. */
    @Override
    public ResultStream open(Writer out) {
        return new ResultStream() {
            private XMLStreamWriter x;

            @Override
            public void begin(RunHeader header) throws IOException {
                try {
                    x = ReportSupport.xmlWriter(out);
                    x.writeStartDocument("UTF-8", "1.0");
                    x.writeCharacters("\n");
                    x.writeStartElement("checkstyle");
                    x.writeAttribute("version", FORMAT_VERSION);
                } catch (XMLStreamException e) {
                    throw failed(e);
                }
            }

            @Override
            public void file(FileResult r) throws IOException {
                try {
                    x.writeCharacters("\n  ");
                    x.writeStartElement("file");
                    x.writeAttribute("name", ReportSupport.xmlAttr(r.path()));
                    for (Finding f : r.findings()) {
                        x.writeCharacters("\n    ");
                        x.writeEmptyElement("error");
                        x.writeAttribute("line", Integer.toString(f.span().start().line()));
                        x.writeAttribute("column", Integer.toString(f.span().start().column()));
                        // A waived finding is listed, as an info, so that gates counting errors and warnings pass it.
                        x.writeAttribute("severity", f.waived() ? "info" : f.severity().label());
                        x.writeAttribute("message", ReportSupport.xmlAttr(f.waived()
                                ? "[" + ReportSupport.waiverNote(f.waiver()) + "] " + f.message() + ReportSupport.placesNote(f)
                                : f.message() + ReportSupport.placesNote(f)));
                        x.writeAttribute("source", source(f));
                    }
                    if (!r.findings().isEmpty()) {
                        x.writeCharacters("\n  ");
                    }
                    x.writeEndElement();
                } catch (XMLStreamException e) {
                    throw failed(e);
                }
            }

            @Override
            public void end(RunTotals totals) throws IOException {
                try {
                    ReportSupport.endXmlDocument(x, out);
                } catch (XMLStreamException e) {
                    throw failed(e);
                }
            }
        };
    }

    private static IOException failed(XMLStreamException e) {
        return new IOException("cannot write Checkstyle XML: " + e.getMessage(), e);
    }

    static String source(Finding f) {
        return ReportSupport.xmlAttr("posting-lint." + f.category() + "." + f.ruleId());
    }
}

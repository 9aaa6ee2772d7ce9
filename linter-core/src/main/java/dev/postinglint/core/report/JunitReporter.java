package dev.postinglint.core.report;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.ResultStream;
import dev.postinglint.core.model.RunHeader;
import dev.postinglint.core.model.RunTotals;
import dev.postinglint.core.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML (the Ant/Surefire dialect that Jenkins, GitLab, Azure DevOps and the test-report actions read):
 * one {@code <testsuite>} for the run and one {@code <testcase>} per posting, {@code classname} its path
 * and {@code name} its title (else its path).
 *
 * <p>A posting fails when it has an error-level finding (the CLI's default {@code --fail-on}). Its
 * testcase then carries ONE {@code <failure>} whose {@code message} counts the findings and names the first
 * error, and whose body lists every finding of the posting, one per paragraph. One element rather than
 * one per finding because the JUnit schema allows a single failure per testcase and the common viewers
 * show only the first. A posting with only warnings or infos passes; they are listed in its
 * {@code <system-out>} so viewers still show them. A file that could not be read is an {@code <error>}.
 */
public final class JunitReporter implements StreamingReporter {
    public static final String SUITE_NAME = "posting-lint";

    private final Path tempParent;

    public JunitReporter() {
        this(null);
    }

    /** {@code tempParent}: where the testcases wait until the run ends (null: the system's temporary directory). */
    JunitReporter(Path tempParent) {
        this.tempParent = tempParent;
    }

    /**
     * Streams the run in bounded memory: the suite's counts come first, so each posting's testcase is written to a
     * temporary file as it comes (by the same JDK writer, so escaped the same) and only the counts stay in memory;
     * at the end the head is written and the testcases copied after it.
     */
    @Override
    public ResultStream open(Writer out) {
        return new SpilledStream(tempParent) {
            private RunHeader header;
            private XMLStreamWriter cases;
            private int tests;
            private int errors;
            private int failures;

            @Override
            void start(RunHeader h, ReportSpill spill) throws IOException {
                header = h;
                try {
                    cases = ReportSupport.xmlWriter(spill.writer("testcases.xml"));
                } catch (XMLStreamException e) {
                    throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
                }
            }

            @Override
            void add(FileResult r) throws IOException {
                tests++;
                errors += r.ioError() ? 1 : 0;
                failures += !r.ioError() && !ReportSupport.passes(r) ? 1 : 0;
                try {
                    testcase(cases, r);
                } catch (XMLStreamException e) {
                    throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
                }
            }

            @Override
            void finish(RunTotals totals, ReportSpill spill) throws IOException {
                String time = String.format(Locale.ROOT, "%.3f", totals.elapsed().toNanos() / 1e9);
                try {
                    cases.flush();
                    cases.close();
                    XMLStreamWriter x = ReportSupport.xmlWriter(out);
                    x.writeStartDocument("UTF-8", "1.0");
                    x.writeCharacters("\n");
                    x.writeStartElement("testsuites");
                    x.writeAttribute("name", SUITE_NAME);
                    counts(x, tests, failures, errors, time);
                    x.writeCharacters("\n  ");
                    x.writeStartElement("testsuite");
                    x.writeAttribute("name", SUITE_NAME);
                    counts(x, tests, failures, errors, time);
                    x.writeCharacters("\n    ");
                    x.writeStartElement("properties");
                    property(x, "posting-lint.version", header.toolVersion());
                    property(x, "as-of", header.asOf().toString());
                    for (String p : header.policies()) {
                        property(x, "policy", p);
                    }
                    x.writeCharacters("\n    ");
                    x.writeEndElement();
                    x.flush(); // the properties' end tag is out: the testcases follow it
                    spill.copy("testcases.xml", out);
                    x.writeCharacters("\n  ");
                    x.writeEndElement();
                    ReportSupport.endXmlDocument(x, out);
                } catch (XMLStreamException e) {
                    throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
                }
            }
        };
    }

    private static void counts(XMLStreamWriter x, int tests, int failures, int errors, String time) throws XMLStreamException {
        x.writeAttribute("tests", Integer.toString(tests));
        x.writeAttribute("failures", Integer.toString(failures));
        x.writeAttribute("errors", Integer.toString(errors));
        x.writeAttribute("skipped", "0");
        x.writeAttribute("time", time);
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeCharacters("\n      ");
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        x.writeAttribute("value", ReportSupport.xmlAttr(value));
    }

    private static void testcase(XMLStreamWriter x, FileResult r) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", ReportSupport.xmlAttr(r.path()));
        x.writeAttribute("name", ReportSupport.xmlAttr(testName(r)));
        x.writeAttribute("time", "0");
        if (r.ioError()) {
            Finding first = r.findings().isEmpty() ? null : r.findings().get(0);
            x.writeCharacters("\n      ");
            x.writeStartElement("error");
            x.writeAttribute("message", ReportSupport.xmlAttr(first == null ? "cannot read the posting" : first.message()));
            x.writeAttribute("type", first == null ? "input-error" : ReportSupport.xmlAttr(first.ruleId()));
            x.writeCharacters(ReportSupport.xmlText(body(r, r.findings())));
            x.writeEndElement();
        } else if (!ReportSupport.passes(r)) {
            Finding firstError = r.findings().stream().filter(f -> f.severity() == Severity.ERROR && !f.waived()).findFirst().orElseThrow();
            x.writeCharacters("\n      ");
            x.writeStartElement("failure");
            x.writeAttribute("message", ReportSupport.xmlAttr(failureMessage(r, firstError)));
            x.writeAttribute("type", ReportSupport.xmlAttr(firstError.ruleId()));
            x.writeCharacters(ReportSupport.xmlText(body(r, r.findings())));
            x.writeEndElement();
        } else if (!r.findings().isEmpty()) {
            x.writeCharacters("\n      ");
            x.writeStartElement("system-out");
            x.writeCharacters(ReportSupport.xmlText(body(r, r.findings())));
            x.writeEndElement();
        }
        if (r.ioError() || !r.findings().isEmpty()) {
            x.writeCharacters("\n    ");
        }
        x.writeEndElement();
    }

    /** The testcase's name: the posting's title when known, else its path. */
    static String testName(FileResult r) {
        return r.title() != null && !r.title().isBlank() ? r.title().strip() : r.path();
    }

    static String failureMessage(FileResult r, Finding firstError) {
        List<String> parts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            long n = r.count(s);
            if (n > 0) {
                parts.add(n + " " + s.label() + (n == 1 ? "" : "s"));
            }
        }
        return String.join(", ", parts) + ": [" + firstError.ruleId() + "] " + firstError.message();
    }

    /** Every finding, one paragraph each: where, how serious, which rule, the message, the match and the fix. */
    static String body(FileResult r, List<Finding> findings) {
        StringBuilder b = new StringBuilder("\n");
        for (Finding f : findings) {
            b.append(r.path()).append(':').append(f.span().start().line()).append(':').append(f.span().start().column())
                    .append(": ").append(f.severity().label()).append(" [").append(f.ruleId()).append("] ")
                    .append(f.message()).append(ReportSupport.placesNote(f)).append('\n');
            if (f.excerpt() != null && !f.excerpt().isEmpty()) {
                b.append("    match: ").append(f.excerpt()).append('\n');
            }
            if (f.fix() != null) {
                b.append("    fix: ").append(f.fix().description())
                        .append(f.places() > 1 ? " (at all " + f.places() + " places)" : "").append('\n');
            }
            if (f.link() != null) {
                b.append("    see: ").append(f.link()).append('\n');
            }
            if (f.waived()) {
                b.append("    ").append(ReportSupport.waiverNote(f.waiver())).append('\n');
            }
        }
        return b.toString();
    }
}

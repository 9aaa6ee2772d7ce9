package dev.postinglint.core.report;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.ResultStream;
import dev.postinglint.core.model.RunHeader;
import dev.postinglint.core.model.RunTotals;
import dev.postinglint.core.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The output formats by name, as {@code --format} and the Maven plugin's {@code formats} know them. */
public final class ReportFormats {
    private static final Map<String, Supplier<Reporter>> FORMATS = new LinkedHashMap<>();

    static {
        FORMATS.put("text", TextReporter::new);
        FORMATS.put("json", JsonReporter::new);
        FORMATS.put("sarif", SarifReporter::new);
        FORMATS.put("checkstyle", CheckstyleReporter::new);
        FORMATS.put("junit", JunitReporter::new);
        FORMATS.put("github", GithubReporter::new);
        FORMATS.put("html", HtmlReporter::new);
        FORMATS.put("codeclimate", CodeClimateReporter::new);
    }

    private ReportFormats() {
    }

    public static List<String> names() {
        return List.copyOf(FORMATS.keySet());
    }

    public static Reporter create(String name) {
        Supplier<Reporter> s = FORMATS.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown format '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return s.get();
    }

    /**
     * A format with a display threshold: findings below {@code minimum} are left out of what it lists (text
     * and github also say how many and how to show them); summaries still count every finding.
     */
    public static Reporter create(String name, Severity minimum) {
        return switch (name) {
            case "text" -> new TextReporter(false, minimum);
            case "github" -> new GithubReporter(minimum);
            default -> minimum == Severity.INFO ? create(name) : new AtLeast(create(name), minimum);
        };
    }

    /** A file format with a display threshold: each posting's findings below it left out, the summary unchanged. */
    private record AtLeast(Reporter all, Severity minimum) implements Reporter {
        @Override
        public void write(LintReport report, Writer out) throws IOException {
            all.write(ReportSupport.atLeast(report, minimum), out);
        }

        @Override
        public ResultStream open(Writer out) {
            ResultStream to = all.open(out);
            return new ResultStream() {
                @Override
                public void begin(RunHeader header) throws IOException {
                    to.begin(header);
                }

                @Override
                public void file(FileResult result) throws IOException {
                    to.file(ReportSupport.atLeast(result, minimum));
                }

                @Override
                public void end(RunTotals totals) throws IOException {
                    to.end(totals);
                }
            };
        }
    }

    /**
     * The display threshold a format has when none is given: {@code warning} for what people read in a
     * terminal or a CI log ({@code text}, {@code github}), everything for reports that are files.
     */
    public static Severity defaultMinimum(String name) {
        return name.equals("text") || name.equals("github") ? Severity.WARNING : Severity.INFO;
    }

    public static Reporter text(boolean color, Severity minimum) {
        return new TextReporter(color, minimum);
    }

    /** Text output; {@code verbose}: each finding's citation under it. */
    public static Reporter text(boolean color, Severity minimum, boolean verbose) {
        return new TextReporter(color, minimum, verbose);
    }

    /** The usual file name for a format's report, e.g. {@code posting-lint.json}. */
    public static String defaultFileName(String name) {
        return switch (name) {
            case "text" -> "posting-lint.txt";
            case "checkstyle" -> "posting-lint-checkstyle.xml";
            case "junit" -> "TEST-posting-lint.xml";
            case "github" -> "posting-lint.github.txt";
            case "codeclimate" -> "gl-code-quality-report.json";
            default -> "posting-lint." + name;
        };
    }
}

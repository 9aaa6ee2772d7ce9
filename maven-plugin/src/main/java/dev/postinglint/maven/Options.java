package dev.postinglint.maven;

import dev.postinglint.core.model.Severity;
import dev.postinglint.core.posting.ContentChoice;
import dev.postinglint.core.report.ReportFormats;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the plugin's textual parameters. Each method throws {@link IllegalArgumentException} with a
 * message that names the parameter and says what it accepts; the mojos turn that into a
 * {@code MojoExecutionException}.
 */
final class Options {
    private Options() {
    }

    /** {@code failOn}: a severity, or empty for {@code never}. */
    static Optional<Severity> failOn(String value) {
        return dev.postinglint.core.session.Options.failOn("failOn", value);
    }

    /** {@code minSeverity}: error, warning or info; blank (as an empty property gives it) means warning. */
    static Severity minSeverity(String value) {
        if (value == null || value.isBlank()) {
            return Severity.WARNING;
        }
        return Severity.parse(value).orElseThrow(() -> new IllegalArgumentException(
                "minSeverity must be error, warning or info, not '" + value + "'"));
    }

    /** {@code asOf}: a date written YYYY-MM-DD; blank (as an empty property gives it) means today. */
    static LocalDate asOf(String value, LocalDate today) {
        return dev.postinglint.core.session.Options.asOf("asOf", value == null || value.isBlank() ? null : value, today);
    }

    /**
     * {@code content}: which part of an HTML file is the posting, {@code auto}, {@code whole-file} or a CSS
     * selector; blank (as an empty property gives it) means each policy's {@code content:}, else auto (null).
     */
    static ContentChoice content(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ContentChoice.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("content: " + e.getMessage(), e);
        }
    }

    /** {@code maxAllowedViolations}: zero or more. */
    static int maxAllowedViolations(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("maxAllowedViolations must be 0 or more, not " + value);
        }
        return value;
    }

    /**
     * {@code formats}: a comma-separated list of report format names (case-insensitive, duplicates
     * dropped, order kept), each known to {@link ReportFormats}. {@code none} (or blank) means none.
     */
    static List<String> formats(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("none")) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!ReportFormats.names().contains(name)) {
                throw new IllegalArgumentException("formats: unknown report format '" + part.strip() + "' (known: "
                        + String.join(", ", ReportFormats.names()) + ")");
            }
            out.add(name);
        }
        return List.copyOf(out);
    }

    /** A list parameter with its default when not configured (null, empty, or only blank entries). */
    static List<String> listOr(Collection<String> value, List<String> fallback) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String s : value) {
                if (s != null && !s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out.isEmpty() ? fallback : List.copyOf(out);
    }
}

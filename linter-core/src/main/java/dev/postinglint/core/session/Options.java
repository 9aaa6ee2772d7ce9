package dev.postinglint.core.session;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.posting.ContentChoice;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the option values every face takes as text. Each face names the option its own way
 * ({@code --fail-on}, {@code failOn}), so the caller passes that name and the {@link SessionException}
 * says it.
 */
public final class Options {
    private Options() {
    }

    /** A fail threshold: error, warning or info (any case); empty for {@code never}. */
    public static Optional<Severity> failOn(String option, String value) {
        String v = value == null ? "" : value.strip();
        if (v.equalsIgnoreCase("never")) {
            return Optional.empty();
        }
        return Optional.of(Severity.parse(v).orElseThrow(() -> new SessionException(
                option + " must be error, warning, info or never, not '" + value + "'")));
    }

    /** A day written YYYY-MM-DD; null means {@code today}. */
    public static LocalDate asOf(String option, String value, LocalDate today) {
        if (value == null) {
            return today;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new SessionException(option + " must be a date written YYYY-MM-DD, not '" + value + "'");
        }
    }

    /** Which part of an HTML file is the posting: auto, whole-file or a CSS selector; null means each policy's {@code content:}. */
    public static ContentChoice content(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return ContentChoice.parse(value);
        } catch (IllegalArgumentException e) {
            throw new SessionException(option + ": " + e.getMessage());
        }
    }

    /** A positive size in bytes, with an optional K or M suffix; null means the engine's default. */
    public static long fileSize(String option, String value) {
        if (value == null) {
            return Linter.DEFAULT_MAX_FILE_BYTES;
        }
        String t = value.strip().toUpperCase(Locale.ROOT);
        long mult = 1;
        if (t.endsWith("K")) {
            mult = 1L << 10;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("M")) {
            mult = 1L << 20;
            t = t.substring(0, t.length() - 1);
        }
        try {
            long v = Long.parseLong(t) * mult;
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new SessionException(option + " must be a positive size such as 500K or 32M, not '" + value + "'");
        }
    }
}

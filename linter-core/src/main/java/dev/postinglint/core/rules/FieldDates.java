package dev.postinglint.core.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Dates as boards and front matter write them: {@code 2025-03-01}, or an ISO timestamp with or without offset. */
final class FieldDates {
    private FieldDates() {
    }

    /** The calendar day (in the value's own offset), or null when the value is not a date. */
    static LocalDate parse(String value) {
        String s = value.strip();
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException ignored) {
            // not a plain date; try a timestamp
        }
        try {
            return OffsetDateTime.parse(s).toLocalDate();
        } catch (DateTimeParseException ignored) {
            // no offset
        }
        try {
            return LocalDateTime.parse(s).toLocalDate();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }
}

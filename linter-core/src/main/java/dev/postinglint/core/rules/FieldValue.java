package dev.postinglint.core.rules;

import dev.postinglint.core.source.SourceSpan;

/**
 * A field's value as found in one posting, with where it stands. {@code label} and
 * {@code labelSpan} are null when the field pattern has no {@code label} group.
 */
public record FieldValue(String name, String value, SourceSpan valueSpan, String label, SourceSpan labelSpan,
        SourceSpan matchSpan) {
}

package dev.postinglint.core.model;

import dev.postinglint.core.source.SourceSpan;

/**
 * A machine-readable repair: replace the source text in {@code span} with {@code replacement}
 * (raw HTML, already escaped). {@code description} says what it does, for people.
 */
public record Fix(SourceSpan span, String replacement, String description) {
}

package dev.postinglint.core.model;

import dev.postinglint.core.source.SourceSpan;

/**
 * Another place of a finding that a rule reports once per posting ({@code report: once-per-posting}): where it
 * is, what the rule said there, the text it matched, and its own edit ({@code fix}, null when the rule offers
 * none). Fixing the finding applies the edits of every place.
 */
public record RelatedPlace(SourceSpan span, String message, String excerpt, Fix fix) {
}

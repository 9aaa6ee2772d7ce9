package dev.postinglint.core.model;

import dev.postinglint.core.source.SourceSpan;
import java.util.Objects;

/**
 * Another place of a finding that a rule reports once per posting ({@code report: once-per-posting}): where it
 * is, what the rule said there, the text it matched, and its own edit ({@code fix}, null when the rule offers
 * none). Fixing the finding applies the edits of every place.
 */
public record RelatedPlace(SourceSpan span, String message, String excerpt, Fix fix) {
    // equals and hashCode written out, with the values the generated ones have (31 * h + each component's hash,
    // in order): a record's generated methods are linked by invokedynamic on first use, which cost a cold one-file
    // check tens of ms of CPU (docs/BENCHMARKS.md, "Round 8: cold start on Java 17").
    @Override
    public boolean equals(Object other) {
        return other instanceof RelatedPlace o && Objects.equals(span, o.span)
                && Objects.equals(message, o.message)
                && Objects.equals(excerpt, o.excerpt)
                && Objects.equals(fix, o.fix);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(span);
        h = 31 * h + Objects.hashCode(message);
        h = 31 * h + Objects.hashCode(excerpt);
        h = 31 * h + Objects.hashCode(fix);
        return h;
    }
}

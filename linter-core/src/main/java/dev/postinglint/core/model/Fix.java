package dev.postinglint.core.model;

import dev.postinglint.core.source.SourceSpan;
import java.util.Objects;

/**
 * A machine-readable repair: replace the source text in {@code span} with {@code replacement}
 * (raw HTML, already escaped). {@code description} says what it does, for people.
 */
public record Fix(SourceSpan span, String replacement, String description) {
    // equals and hashCode written out, with the values the generated ones have (31 * h + each component's hash,
    // in order): a record's generated methods are linked by invokedynamic on first use, which cost a cold one-file
    // check tens of ms of CPU (docs/BENCHMARKS.md, "Round 8: cold start on Java 17").
    @Override
    public boolean equals(Object other) {
        return other instanceof Fix o && Objects.equals(span, o.span)
                && Objects.equals(replacement, o.replacement)
                && Objects.equals(description, o.description);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(span);
        h = 31 * h + Objects.hashCode(replacement);
        h = 31 * h + Objects.hashCode(description);
        return h;
    }
}

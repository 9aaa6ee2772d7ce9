package dev.postinglint.core.rules;

import dev.postinglint.core.engine.Fix;
import dev.postinglint.core.source.SourceSpan;

/** Where a rule reports; the engine adds the rule's id, severity, category and link. */
public interface FindingSink {
    void report(SourceSpan span, String message, String excerpt, Fix fix);
}

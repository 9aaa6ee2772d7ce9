package dev.postinglint.core.model;

import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceSpan;
import java.util.Comparator;

/**
 * One problem in one posting. {@code span} is where it is in the source file (1-based lines,
 * 1-based UTF-16 columns, end exclusive); {@code excerpt} is the text that matched, as a reader
 * sees it; {@code fix} is null when the rule offers none; {@code line} is the source line it starts
 * on, for display; {@code waiver} is the policy waiver that accepts this deviation, or null. A waived
 * finding is reported (marked as waived) but counts against no threshold.
 */
public record Finding(String ruleId, String category, Severity severity, String message, SourceSpan span,
        String excerpt, String link, Fix fix, SourceLine line, Waiver waiver) {

    /** Reading order: by position, then rule id, then message, so output never depends on threads. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparingInt((Finding f) -> f.span().startOffset())
            .thenComparingInt(f -> f.span().endOffset())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public Finding(String ruleId, String category, Severity severity, String message, SourceSpan span,
            String excerpt, String link, Fix fix, SourceLine line) {
        this(ruleId, category, severity, message, span, excerpt, link, fix, line, null);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, category, s, message, span, excerpt, link, fix, line, waiver);
    }

    public Finding withWaiver(Waiver w) {
        return new Finding(ruleId, category, severity, message, span, excerpt, link, fix, line, w);
    }

    public boolean waived() {
        return waiver != null;
    }
}

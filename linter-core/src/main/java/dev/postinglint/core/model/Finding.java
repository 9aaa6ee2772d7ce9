package dev.postinglint.core.model;

import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One problem in one posting. {@code span} is where it is in the source file (1-based lines,
 * 1-based UTF-16 columns, end exclusive); {@code excerpt} is the text that matched, as a reader
 * sees it; {@code fix} is null when the rule offers none; {@code line} is the source line it starts
 * on, for display; {@code waiver} is the policy waiver that accepts this deviation, or null. A waived
 * finding is reported (marked as waived) but counts against no threshold.
 *
 * <p>{@code onePerPosting} marks the finding of a rule that reports one problem per posting
 * ({@code report: once-per-posting}): {@code span} is its first place and {@code related} its other places
 * (in reading order, empty when there is one), each with its own edit; the finding's fix is all of them.
 */
public record Finding(String ruleId, String category, Severity severity, String message, SourceSpan span,
        String excerpt, String link, Fix fix, SourceLine line, Waiver waiver, List<RelatedPlace> related,
        boolean onePerPosting) {

    public Finding {
        related = related == null ? List.of() : List.copyOf(related);
    }

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

    public Finding(String ruleId, String category, Severity severity, String message, SourceSpan span,
            String excerpt, String link, Fix fix, SourceLine line, Waiver waiver) {
        this(ruleId, category, severity, message, span, excerpt, link, fix, line, waiver, List.of(), false);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, category, s, message, span, excerpt, link, fix, line, waiver, related, onePerPosting);
    }

    public Finding withWaiver(Waiver w) {
        return new Finding(ruleId, category, severity, message, span, excerpt, link, fix, line, w, related, onePerPosting);
    }

    /** This finding without its fix (every place's edit dropped). */
    public Finding withoutFix() {
        List<RelatedPlace> places = related.stream().map(p -> new RelatedPlace(p.span(), p.message(), p.excerpt(), null)).toList();
        return new Finding(ruleId, category, severity, message, span, excerpt, link, null, line, waiver, places, onePerPosting);
    }

    /**
     * The findings of one rule in one posting (in reading order) as the one finding that stands for them all: the
     * first is the finding, the others its related places.
     */
    public static Finding onePerPosting(List<Finding> places) {
        Finding head = places.get(0);
        List<RelatedPlace> others = new ArrayList<>(places.size() - 1);
        for (Finding f : places.subList(1, places.size())) {
            others.add(new RelatedPlace(f.span(), f.message(), f.excerpt(), f.fix()));
        }
        return new Finding(head.ruleId(), head.category(), head.severity(), head.message(), head.span(), head.excerpt(),
                head.link(), head.fix(), head.line(), head.waiver(), others, true);
    }

    /** Every edit of this finding's fix, first place first: one for most findings, one per place for a grouped one. */
    public List<Fix> fixes() {
        if (fix == null) {
            return List.of();
        }
        if (related.isEmpty()) {
            return List.of(fix);
        }
        List<Fix> all = new ArrayList<>(related.size() + 1);
        all.add(fix);
        for (RelatedPlace p : related) {
            if (p.fix() != null) {
                all.add(p.fix());
            }
        }
        return List.copyOf(all);
    }

    /** How many places this finding stands for (1, or 1 plus its related places). */
    public int places() {
        return 1 + related.size();
    }

    /**
     * The text fingerprints (baseline, SARIF, Code Quality) are computed over: the matched text, or for a finding
     * reported once per posting nothing at all, since rule and posting identify it, so that adding, removing or
     * editing one of its places keeps its fingerprint.
     */
    public String fingerprintText() {
        return onePerPosting ? "" : excerpt;
    }

    public boolean waived() {
        return waiver != null;
    }

    // equals and hashCode written out, with the values the generated ones have (31 * h + each component's hash,
    // in order): a record's generated methods are linked by invokedynamic on first use, which cost a cold one-file
    // check tens of ms of CPU (docs/BENCHMARKS.md, "Round 8: cold start on Java 17").
    @Override
    public boolean equals(Object other) {
        return other instanceof Finding o && Objects.equals(ruleId, o.ruleId)
                && Objects.equals(category, o.category)
                && Objects.equals(severity, o.severity)
                && Objects.equals(message, o.message)
                && Objects.equals(span, o.span)
                && Objects.equals(excerpt, o.excerpt)
                && Objects.equals(link, o.link)
                && Objects.equals(fix, o.fix)
                && Objects.equals(line, o.line)
                && Objects.equals(waiver, o.waiver)
                && Objects.equals(related, o.related)
                && onePerPosting == o.onePerPosting;
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(ruleId);
        h = 31 * h + Objects.hashCode(category);
        h = 31 * h + Objects.hashCode(severity);
        h = 31 * h + Objects.hashCode(message);
        h = 31 * h + Objects.hashCode(span);
        h = 31 * h + Objects.hashCode(excerpt);
        h = 31 * h + Objects.hashCode(link);
        h = 31 * h + Objects.hashCode(fix);
        h = 31 * h + Objects.hashCode(line);
        h = 31 * h + Objects.hashCode(waiver);
        h = 31 * h + Objects.hashCode(related);
        h = 31 * h + Boolean.hashCode(onePerPosting);
        return h;
    }
}

package dev.postinglint.core.model;

import dev.postinglint.core.text.DiffToken;
import java.util.List;

/**
 * One boilerplate block (an About Us paragraph, an EEO statement ...) across the postings of a run:
 * the reference text (the approved text, or the majority variant when there is no approved one) and
 * every variant found, with the postings that use it and a word diff against the reference.
 * Produced by corpus-level rules; reports show it as the drift view.
 */
public record DriftGroup(String ruleId, String block, String referenceText, ReferenceKind referenceKind,
        List<Variant> variants) {

    public enum ReferenceKind { APPROVED, MAJORITY }

    public DriftGroup {
        variants = List.copyOf(variants);
    }

    /** A variant's text, the postings (paths) that use it, and its word diff against the reference. */
    public record Variant(String text, List<String> postings, double similarity, List<DiffToken> diff) {
        public Variant {
            postings = List.copyOf(postings);
            diff = List.copyOf(diff);
        }

        public boolean isReference() {
            return diff.stream().allMatch(t -> t.kind() == DiffToken.Kind.SAME);
        }
    }
}

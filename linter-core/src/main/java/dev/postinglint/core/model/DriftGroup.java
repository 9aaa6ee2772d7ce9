package dev.postinglint.core.model;

import dev.postinglint.core.text.DiffToken;
import java.util.List;

/**
 * One boilerplate block (an About Us paragraph, an EEO statement ...) across the postings of a run:
 * the reference text (the approved text, or the majority or newest variant when there is no approved one) and
 * every variant found, with the postings that use it and a word diff against the reference.
 * Produced by corpus-level rules; reports show it as the drift view.
 */
public record DriftGroup(String ruleId, String block, String referenceText, ReferenceKind referenceKind,
        List<Variant> variants) {

    /**
     * What the reference is: the approved text, the variant most postings use, or (where the postings'
     * dates are known) the variant of postings newer than every posting of the majority, which is an
     * update the others have not had yet.
     */
    public enum ReferenceKind { APPROVED, MAJORITY, NEWEST }

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

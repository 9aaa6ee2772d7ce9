package dev.postinglint.core.filter;

import dev.postinglint.core.model.FileResult;

/**
 * One step on a posting's findings' way from the rules to the reports: suppression comments, the
 * policy's waivers, a baseline. Each takes a file's result and returns what stays (with its counts:
 * suppressed, waived, baselined); the engine chains them per posting, in that order.
 */
@FunctionalInterface
public interface FindingFilter {
    /** Lets every finding through. */
    FindingFilter NONE = r -> r;

    FileResult apply(FileResult result);

    /** This filter, then {@code next}. */
    default FindingFilter then(FindingFilter next) {
        return r -> next.apply(apply(r));
    }
}

package dev.postinglint.core.model;

import dev.postinglint.core.source.FilePlace;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A deviation compliance accepted on the record: findings of {@code rules} (or every policy rule, for
 * {@code *}) in the postings that {@code files} (a glob relative to {@code baseDir}, the directory of the
 * policy file that declares the waiver) or {@code posting} (a file name without its extension) names, with
 * the reason, who approved it, and the last day it holds ({@code expires}, inclusive). {@code place} is
 * where the policy declares it.
 */
public record Waiver(List<String> rules, String files, String posting, String reason, String approvedBy,
        LocalDate expires, FilePlace place, Path baseDir) {

    public Waiver {
        rules = List.copyOf(rules);
        if ((files == null) == (posting == null)) {
            throw new IllegalArgumentException("a waiver names either files or a posting");
        }
    }

    public boolean coversRule(String ruleId) {
        return rules.contains("*") || rules.contains(ruleId);
    }


    /** Expired when the as-of day is after the last day the waiver holds. */
    public boolean expiredOn(LocalDate asOf) {
        return asOf.isAfter(expires);
    }

    /** "files postings/legacy/*.html" or "posting 004_a3a6": what the waiver covers, for messages. */
    public String target() {
        return files != null ? "files " + files : "posting " + posting;
    }
}

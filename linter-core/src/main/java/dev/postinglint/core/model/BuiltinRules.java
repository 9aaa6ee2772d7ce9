package dev.postinglint.core.model;

import java.util.List;
import java.util.Optional;

/**
 * The rules that no policy declares: findings about the linter's own machinery (a file that is not a
 * posting, an expired waiver, a suppression comment that is wrong or unused). One registry, so that
 * filters, fixes, {@code rules} and {@code explain} agree on them.
 */
public final class BuiltinRules {
    public static final String INPUT_ERROR = "input-error";
    public static final String EXPIRED_WAIVER = "expired-waiver";
    public static final String SUPPRESSION_WITHOUT_REASON = "suppression-without-reason";
    public static final String UNUSED_SUPPRESSION = "unused-suppression";
    public static final String INVALID_SUPPRESSION = "invalid-suppression";
    public static final String DUPLICATE_JOB_ID = "duplicate-job-id";

    /** One built-in rule: its id, category, the severity its findings have, and what it reports. */
    public record BuiltinRule(String id, String category, Severity severity, String description) {
    }

    private static final List<BuiltinRule> ALL = List.of(
            new BuiltinRule(INPUT_ERROR, "input", Severity.ERROR,
                    "A file that cannot be linted as a posting: binary, not UTF-8, UTF-16, larger than --max-file-size, "
                            + "malformed JSON or front matter, or unreadable. The rest of the run goes on."),
            new BuiltinRule(EXPIRED_WAIVER, "waiver", Severity.WARNING,
                    "A policy waiver whose 'expires' day has passed: the findings it waived count again. Renew it or "
                            + "remove it."),
            new BuiltinRule(SUPPRESSION_WITHOUT_REASON, "suppression", Severity.ERROR,
                    "A posting-lint-disable comment that gives no reason after '--'. The suppression still works."),
            new BuiltinRule(UNUSED_SUPPRESSION, "suppression", Severity.WARNING,
                    "A posting-lint-disable comment (or one rule id of it) that suppressed nothing: remove it."),
            new BuiltinRule(INVALID_SUPPRESSION, "suppression", Severity.ERROR,
                    "A comment that starts with 'posting-lint-' but is not a directive the linter understands."),
            new BuiltinRule(DUPLICATE_JOB_ID, "input", Severity.WARNING,
                    "A job of a board export whose id an earlier job of the export already has. It is checked, named "
                            + "FILE#ID~2 (~3, ...) so that every posting has a name of its own; as that name depends on the "
                            + "jobs' order, give each job an id of its own before baselining or waiving it."));

    private BuiltinRules() {
    }

    public static List<BuiltinRule> all() {
        return ALL;
    }

    public static Optional<BuiltinRule> find(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Findings of built-in rules are about the linter's machinery: never suppressed, waived, baselined or fixed. */
    public static boolean isBuiltin(String ruleId) {
        return find(ruleId).isPresent();
    }
}

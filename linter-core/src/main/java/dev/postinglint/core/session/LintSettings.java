package dev.postinglint.core.session;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.policy.PolicyResolver;
import dev.postinglint.core.posting.ContentChoice;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * How postings are linted: which policies ({@code FILE} or {@code builtin:NAME}, relative to
 * {@code policyBase}, used together; none: each posting's nearest {@code .posting-lint.yaml}, else the
 * default pack), as of which day, on how many threads, refusing files above which size; which part of an
 * HTML file is the posting ({@code --content}; null: each policy's {@code content:}).
 */
public record LintSettings(List<String> policies, Path policyBase, LocalDate asOf, int threads, long maxFileBytes,
        ContentChoice content) {
    public LintSettings {
        policies = List.copyOf(policies);
    }

    /** Each policy's own {@code content:} choice. */
    public LintSettings(List<String> policies, Path policyBase, LocalDate asOf, int threads, long maxFileBytes) {
        this(policies, policyBase, asOf, threads, maxFileBytes, null);
    }

    /** All cores. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Loads the policies now: a broken one throws {@link dev.postinglint.core.yaml.PolicyException}. */
    public PolicyResolver resolver() {
        return resolver(policies, policyBase);
    }

    /** The given policies merged, or nearest-config discovery for each file when none are given. */
    public static PolicyResolver resolver(List<String> policies, Path base) {
        PolicyLoader loader = new PolicyLoader();
        return policies.isEmpty() ? PolicyResolver.discovering(loader) : PolicyResolver.fixed(loader.load(policies, base));
    }

    public Linter linter() {
        return new Linter(asOf, threads, maxFileBytes, content);
    }
}

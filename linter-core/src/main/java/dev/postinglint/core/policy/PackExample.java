package dev.postinglint.core.policy;

import dev.postinglint.core.rules.Company;
import dev.postinglint.core.source.FilePlace;
import java.time.LocalDate;
import java.util.List;

/**
 * A whole-posting example in a policy's top-level {@code examples:}: the rules in {@code flag} must
 * report something on it, the rules in {@code pass} must report nothing. {@code as-of} and
 * {@code company} (facts laid over the policy's) let an example exercise dated and company rules.
 */
public record PackExample(String name, String html, LocalDate asOf, Company company, List<String> flag, List<String> pass,
        String origin, FilePlace place) {
}

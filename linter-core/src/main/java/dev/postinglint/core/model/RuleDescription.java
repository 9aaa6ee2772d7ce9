package dev.postinglint.core.model;

/**
 * What a run's policies say about one rule, for reports that describe rules (SARIF's {@code tool.driver.rules}):
 * its id, category, the severity the policy gives it, its {@code description} and {@code link} (null when the
 * policy gives none), its message template as written, and the policy that defined it.
 */
public record RuleDescription(String id, String category, Severity severity, String description, String link,
        String message, String origin) {
}

package dev.postinglint.core.policy;

import dev.postinglint.core.jurisdiction.Gazetteer;
import dev.postinglint.core.jurisdiction.ProsePlaces;
import dev.postinglint.core.model.Waiver;
import dev.postinglint.core.posting.ContentChoice;
import dev.postinglint.core.regex.PolicyMatcher;
import dev.postinglint.core.regex.PolicyPattern;
import dev.postinglint.core.rules.Company;
import dev.postinglint.core.rules.FieldSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An effective policy: every file it extends merged in order, overrides applied, all patterns and
 * selectors compiled; the waivers of every file, in order; the gazetteer its jurisdiction rules
 * resolve locations with ({@link Gazetteer#EMPTY} when no rule needs one); the {@code ignore:} globs of
 * every file; {@code content}, which part of an HTML file is the posting (the last file that says wins). Immutable; shared by all worker threads. {@code origins} says where each rule, field and
 * fact was defined and what it overrides.
 */
public record Policy(String name, String version, List<String> sources, Company company,
        Map<String, FieldSpec> fields, List<PolicyRule> rules, List<PackExample> examples, List<Waiver> waivers,
        Gazetteer gazetteer, Origins origins, List<IgnoreGlobs> ignores, ContentChoice content, PolicyMatcher matcher) {

    /** A policy with the {@link PolicyMatcher} of its enabled rules' and its fields' patterns, built here once. */
    public Policy(String name, String version, List<String> sources, Company company,
            Map<String, FieldSpec> fields, List<PolicyRule> rules, List<PackExample> examples, List<Waiver> waivers,
            Gazetteer gazetteer, Origins origins, List<IgnoreGlobs> ignores, ContentChoice content) {
        this(name, version, sources, company, fields, rules, examples, waivers, gazetteer, origins, ignores, content,
                matcher(rules, fields));
    }

    private static PolicyMatcher matcher(List<PolicyRule> rules, Map<String, FieldSpec> fields) {
        List<PolicyPattern> patterns = new java.util.ArrayList<>();
        for (PolicyRule r : rules) {
            if (r.enabled()) {
                patterns.addAll(r.rule().searchedPatterns());
            }
        }
        for (FieldSpec f : fields.values()) {
            if (f.pattern() != null) {
                patterns.add(f.pattern());
            }
            if (f.scope() != null) {
                patterns.addAll(f.scope().searchedPatterns());
            }
        }
        // Places read from prose look their cue words up in the same pass as the patterns' literals.
        boolean prose = fields.values().stream().anyMatch(FieldSpec::placesInProse);
        return PolicyMatcher.of(patterns, prose ? ProsePlaces.cueWords() : List.of());
    }

    public Policy {
        ignores = List.copyOf(ignores);
        sources = List.copyOf(sources);
        fields = Map.copyOf(fields);
        rules = List.copyOf(rules);
        examples = List.copyOf(examples);
        waivers = List.copyOf(waivers);
    }

    /** The same policy with these {@code ignore:} globs. */
    public Policy withIgnores(List<IgnoreGlobs> globs) {
        return new Policy(name, version, sources, company, fields, rules, examples, waivers, gazetteer, origins, globs, content, matcher);
    }

    /** The same policy with another choice of content ({@code --content} on the command line). */
    public Policy withContent(ContentChoice choice) {
        return new Policy(name, version, sources, company, fields, rules, examples, waivers, gazetteer, origins, ignores, choice, matcher);
    }

    /** Whether one of the policy's {@code ignore:} globs says {@code file} is not a posting. */
    public boolean ignores(java.nio.file.Path file) {
        return ignores.stream().anyMatch(i -> i.matches(file));
    }

    public List<PolicyRule> enabledRules() {
        return rules.stream().filter(PolicyRule::enabled).toList();
    }

    public Optional<PolicyRule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** "name" or "name version", as reports show it. */
    public String label() {
        return version == null || version.isBlank() ? name : name + " " + version;
    }
}

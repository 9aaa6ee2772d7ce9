package dev.postinglint.core.rules;

import dev.postinglint.core.model.Fix;
import dev.postinglint.core.regex.PolicyPattern;
import dev.postinglint.core.source.SourceSpan;
import dev.postinglint.core.yaml.YamlMap;
import dev.postinglint.core.yaml.YamlValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code type: substitute}: {@code swap:} maps a wrong term to the preferred one. Keys are phrases
 * (case-insensitive, any spacing) unless {@code regex: true}. Each occurrence is a finding with a fix
 * that replaces it, keeping the original's capitalization, when the match is plain text in the
 * source (a match that spans tags gets no fix, since replacing it would drop markup).
 * {@code unless-block:} excuses a match whose paragraph matches that pattern, as for {@code forbid}
 * (e.g. "Recent Graduates" as the name of the federal Pathways program, not an age preference).
 */
final class SubstituteRule implements Rule {
    private final RuleInfo info;
    private final List<PolicyPattern> wrong;
    private final List<String> preferred;
    private final PolicyPattern unlessBlock;

    SubstituteRule(RuleInfo info, List<PolicyPattern> wrong, List<String> preferred, PolicyPattern unlessBlock) {
        this.info = info;
        this.wrong = wrong;
        this.preferred = preferred;
        this.unlessBlock = unlessBlock;
    }

    /** True when the paragraph holding the match says why it is fine. */
    private boolean excused(RuleContext ctx, MatchPatterns.Match m) {
        if (unlessBlock == null) {
            return false;
        }
        var block = ctx.posting().blockAt(m.region().start() + m.start());
        return unlessBlock.matcher(block != null ? block.text() : m.region().text()).find();
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public List<PolicyPattern> ownPatterns() {
        return wrong;
    }

    @Override
    public void check(RuleContext ctx, FindingSink sink) {
        for (int i = 0; i < wrong.size(); i++) {
            // One pattern at a time, so each match knows its replacement.
            for (MatchPatterns.Match m : new MatchPatterns(List.of(wrong.get(i))).findAll(ctx.regions(info.scope()), ctx.index())) {
                if (excused(ctx, m)) {
                    continue;
                }
                String replacement = matchCase(m.text(), preferred.get(i));
                SourceSpan span = m.region().sourceSpan(m.start(), m.end());
                Fix fix = TextFixes.isPlainText(ctx.posting().source().text(), span, m.text())
                        ? new Fix(span, TextFixes.escapeText(replacement), "Replace '" + m.text() + "' with '" + replacement + "'")
                        : null;
                sink.report(span, ctx.render(info.message(), Map.of("match", m.text(), "replacement", replacement)),
                        m.text(), fix);
            }
        }
    }

    /** "Rockstar" -> "Skilled", "ROCKSTAR" -> "SKILLED": keep what the writer did with case. */
    static String matchCase(String original, String replacement) {
        if (replacement.isEmpty() || original.isEmpty()) {
            return replacement;
        }
        boolean hasLetters = original.chars().anyMatch(Character::isLetter);
        if (hasLetters && original.length() > 1 && original.equals(original.toUpperCase(Locale.ROOT))) {
            return replacement.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(original.charAt(0)) && Character.isLowerCase(replacement.charAt(0))) {
            return Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
        }
        return replacement;
    }

    static final class Type implements RuleType {
        @Override
        public String name() {
            return "substitute";
        }

        @Override
        public Set<String> variables() {
            return Set.of("match", "replacement");
        }

        @Override
        public String defaultMessage() {
            return "Use '{replacement}' instead of '{match}'";
        }

        @Override
        public Rule create(RuleInfo info, YamlMap spec) {
            boolean regex = spec.get("regex").map(v -> v.asBoolean("'regex'")).orElse(false);
            YamlMap swap = spec.require("swap").asMap("'swap'");
            Map<String, YamlValue> entries = new LinkedHashMap<>();
            for (String key : swap.keys()) {
                entries.put(key, swap.get(key).orElseThrow());
            }
            if (entries.isEmpty()) {
                throw swap.error("'swap' must map at least one term to its replacement");
            }
            List<PolicyPattern> wrong = new ArrayList<>();
            List<String> preferred = new ArrayList<>();
            for (Map.Entry<String, YamlValue> e : entries.entrySet()) {
                YamlValue at = e.getValue();
                wrong.add(regex ? PolicyPattern.compile(e.getKey(), at, "'swap' pattern") : PolicyPattern.phrase(e.getKey(), at, "'swap' term"));
                preferred.add(at.asString("replacement for '" + e.getKey() + "'"));
            }
            PolicyPattern unless = spec.get("unless-block").map(v -> PolicyPattern.compile(v, "'unless-block'")).orElse(null);
            return new SubstituteRule(info, List.copyOf(wrong), List.copyOf(preferred), unless);
        }
    }
}

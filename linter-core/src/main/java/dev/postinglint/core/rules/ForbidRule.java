package dev.postinglint.core.rules;

import dev.postinglint.core.model.Fix;
import dev.postinglint.core.regex.PolicyPattern;
import dev.postinglint.core.source.SourceSpan;
import dev.postinglint.core.yaml.YamlMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code type: forbid}: a pattern must not occur in scope; every occurrence is a finding, except
 * matches listed in {@code allow:} (compared ignoring case; an entry {@code {company.KEY}} allows
 * that company fact's values, e.g. the right accommodation contact). {@code replace:} offers a fix
 * replacing each match; {@code raw: true} matches the raw source instead of the readable text;
 * {@code unless-block:} excuses a match whose paragraph matches that pattern (the reason it is fine).
 */
final class ForbidRule implements Rule {
    private final RuleInfo info;
    private final MatchPatterns patterns;
    private final List<String> allow;
    private final boolean raw;
    private final String replace;
    private final PolicyPattern unlessBlock;

    ForbidRule(RuleInfo info, MatchPatterns patterns, List<String> allow, boolean raw, String replace,
            PolicyPattern unlessBlock) {
        this.info = info;
        this.patterns = patterns;
        this.allow = allow;
        this.raw = raw;
        this.replace = replace;
        this.unlessBlock = unlessBlock;
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public List<PolicyPattern> ownPatterns() {
        if (unlessBlock == null) {
            return patterns.patterns();
        }
        List<PolicyPattern> out = new java.util.ArrayList<>(patterns.patterns());
        out.add(unlessBlock); // its paragraphs are searched through the posting's literal index (MatchPatterns.BlockExcuse)
        return out;
    }

    @Override
    public void check(RuleContext ctx, FindingSink sink) {
        if (raw) {
            checkRaw(ctx, sink);
            return;
        }
        String source = ctx.posting().source().text();
        Set<String> allowed = allowed(ctx);
        // A paragraph that says why its matches are fine (unless-block: the law that requires it) excuses them.
        MatchPatterns.BlockExcuse excuse = unlessBlock == null ? null : new MatchPatterns.BlockExcuse(unlessBlock, ctx);
        for (MatchPatterns.Match m : patterns.findAll(ctx.regions(info.scope()), ctx.index())) {
            if (allowed.contains(m.text().strip().toLowerCase(Locale.ROOT)) || excuse != null && excuse.excuses(m)) {
                continue;
            }
            SourceSpan span = m.region().sourceSpan(m.start(), m.end());
            Fix fix = replace != null && TextFixes.isPlainText(source, span, m.text())
                    ? new Fix(span, TextFixes.escapeText(replace), replace.isEmpty() ? "Remove '" + m.text() + "'" : "Replace with '" + replace + "'")
                    : null;
            sink.report(span, ctx.render(info.message(), Map.of("match", m.text())), m.text(), fix);
        }
    }

    /**
     * Matches the raw source (markup and entities included), for what the readable text cannot
     * show, such as {@code &nbsp;} padding. A group named {@code match} narrows the finding (and the
     * fix) to part of the match.
     */
    private void checkRaw(RuleContext ctx, FindingSink sink) {
        var src = ctx.posting().source();
        String text = src.text();
        for (PolicyPattern p : patterns.patterns()) {
            // Speed: skip the scan when the pattern's required literals are absent (see PolicyPattern),
            // looked for in the source as it is: a folded copy of the whole markup cost more than the search.
            if (!p.mayMatchUnfolded(text)) {
                continue;
            }
            com.google.re2j.Matcher m = p.matcher(text);
            boolean narrowed = p.namedGroups().containsKey("match");
            while (m.find()) {
                int s = narrowed ? m.start("match") : m.start();
                int e = narrowed ? m.end("match") : m.end();
                if (s < 0 || e <= s) {
                    continue;
                }
                String found = text.substring(s, e);
                SourceSpan span = src.span(s, e);
                Fix fix = replace != null && found.indexOf('<') < 0 && found.indexOf('>') < 0
                        ? new Fix(span, replace, replace.isEmpty() ? "Remove '" + found + "'" : "Replace '" + found + "' with '" + replace + "'")
                        : null;
                sink.report(span, ctx.render(info.message(), Map.of("match", found)), found, fix);
            }
        }
    }

    /** The allowed matches, with {@code {company.KEY}} entries expanded to that fact's values. */
    private Set<String> allowed(RuleContext ctx) {
        if (allow.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        for (String a : allow) {
            if (a.startsWith("{company.") && a.endsWith("}")) {
                ctx.company().values(a.substring(9, a.length() - 1)).forEach(v -> out.add(v.strip().toLowerCase(Locale.ROOT)));
            } else {
                out.add(a.strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    static final class Type implements RuleType {
        @Override
        public String name() {
            return "forbid";
        }

        @Override
        public Set<String> variables() {
            return Set.of("match");
        }

        @Override
        public String defaultMessage() {
            return "'{match}' is not allowed here";
        }

        @Override
        public Rule create(RuleInfo info, YamlMap spec) {
            List<String> allow = spec.get("allow").map(v -> v.asStringList("'allow'")).orElse(List.of());
            boolean raw = spec.get("raw").map(v -> v.asBoolean("'raw'")).orElse(false);
            String replace = spec.get("replace").map(v -> v.asString("'replace'")).orElse(null);
            if (raw && !info.scope().isWhole()) {
                throw spec.require("raw").error("'raw: true' matches the whole source file; it cannot have a scope");
            }
            var unless = spec.get("unless-block").map(v -> PolicyPattern.compile(v, "'unless-block'")).orElse(null);
            if (raw && unless != null) {
                throw spec.require("unless-block").error("'unless-block' needs the readable text; it cannot go with 'raw: true'");
            }
            return new ForbidRule(info, MatchPatterns.read(spec), List.copyOf(allow), raw, replace, unless);
        }
    }
}

package dev.postinglint.core.rules;

import dev.postinglint.core.model.DriftGroup;
import dev.postinglint.core.model.Fix;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceSpan;
import dev.postinglint.core.text.WordDiff;
import dev.postinglint.core.text.Words;
import dev.postinglint.core.yaml.YamlMap;
import dev.postinglint.core.yaml.YamlValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;

import java.util.Map;
import java.util.Set;

/**
 * {@code type: canonical}: an approved text block (an EEO statement, an About Us) must appear in
 * scope. Compared word by word after normalizing white space, entities, markup, quotes and dashes:
 * <ul>
 * <li>exact: no finding;</li>
 * <li>drifted (similarity at least {@code threshold}): one finding with the similarity and a word
 *     diff, and a fix that puts the approved text back;</li>
 * <li>a retired version ({@code supersedes:}): named as such, with the same fix;</li>
 * <li>missing: a finding at {@code missing-severity} (default error).</li>
 * </ul>
 * Across a run it also reports the variants in use, for the drift view of reports.
 */
final class CanonicalRule implements CorpusRule<CanonicalRule.Seen> {
    private static final int EXCERPT = 300;

    record Version(String name, List<String> tokens, int paragraphs) {
    }

    private final RuleInfo info;
    private final String block;
    private final String approvedText;
    private final Version approved;
    private final String approvedHtml;
    private final List<Version> retired;
    private final double threshold;
    private final Severity missingSeverity;
    /** What check found in a posting, for observe. */
    private final RuleContext.Slot<Found> found = new RuleContext.Slot<>(Found.class);

    CanonicalRule(RuleInfo info, String block, String approvedText, String approvedHtml, List<Version> retired,
            double threshold, Severity missingSeverity) {
        this.info = info;
        this.block = block;
        this.approvedText = approvedText;
        this.approved = version("approved", approvedText);
        this.approvedHtml = approvedHtml;
        this.retired = retired;
        this.threshold = threshold;
        this.missingSeverity = missingSeverity;
    }

    static Version version(String name, String text) {
        int paragraphs = text.strip().split("\\n\\s*\\n").length;
        return new Version(name, Words.norms(Words.tokenize(text)), paragraphs);
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    /** What was found in one posting: the run closest to the approved text, or null. */
    private record Found(BlockRun run, Version retiredMatch, BlockRun retiredRun) {
    }

    @Override
    public void check(RuleContext ctx, FindingSink sink) {
        var candidates = ctx.blocks(info.scope());
        BlockRun run = BlockRun.best(ctx, candidates, approved.tokens(), approved.paragraphs() + 3);
        if (run != null && run.diff().identical()) {
            ctx.put(found, new Found(run, null, null));
            return;
        }
        Version retiredMatch = null;
        BlockRun retiredRun = null;
        for (Version v : retired) {
            BlockRun r = BlockRun.best(ctx, candidates, v.tokens(), v.paragraphs() + 3);
            if (r != null && r.diff().similarity() >= threshold
                    && (retiredRun == null || r.diff().similarity() > retiredRun.diff().similarity())) {
                retiredMatch = v;
                retiredRun = r;
            }
        }
        double current = run == null ? 0 : run.diff().similarity();
        if (retiredRun != null && retiredRun.diff().similarity() >= current) {
            ctx.put(found, new Found(retiredRun, retiredMatch, retiredRun));
            String how = retiredRun.diff().identical() ? "" : " (" + retiredRun.diff().percent() + "% similar to it)";
            String problem = block + " is the retired version '" + retiredMatch.name() + "'" + how
                    + "; use the approved text";
            WordDiff toApproved = WordDiff.of(approved.tokens(), retiredRun.tokens());
            report(ctx, sink, retiredRun, problem, toApproved, retiredMatch.name(), null);
            return;
        }
        if (run != null && current >= threshold) {
            ctx.put(found, new Found(run, null, null));
            String problem = block + " differs from the approved text (" + run.diff().percent() + "% similar): "
                    + run.diff().summary(3);
            report(ctx, sink, run, problem, run.diff(), "", null);
            return;
        }
        ctx.put(found, null);
        var regions = ctx.regions(info.scope());
        SourceSpan at = regions.isEmpty() ? ctx.posting().source().span(0, 0)
                : regions.get(0).sourceSpan(0, Math.min(1, regions.get(0).end() - regions.get(0).start()));
        String problem = block + " is missing: nothing in " + info.scope() + " is at least "
                + Math.round(threshold * 100) + "% similar to the approved text";
        Map<String, String> vars = vars(problem, run == null ? 0 : run.diff().percent(), "", "");
        sink.report(at, ctx.render(info.message(), vars), "", null, missingSeverity);
    }

    private void report(RuleContext ctx, FindingSink sink, BlockRun run, String problem, WordDiff diff, String retiredName,
            Severity severity) {
        // Markdown's tags were rendered: no element span in the file to replace.
        SourceSpan elements = ctx.posting().markupIsSource() ? run.elementSpan(ctx.posting().source()) : null;
        Fix fix = elements == null ? null : new Fix(elements, approvedHtml, "Replace the " + block + " with the approved text");
        String text = run.text();
        String excerpt = text.length() <= EXCERPT ? text : text.substring(0, EXCERPT - 1) + "…";
        sink.report(run.textSpan(), ctx.render(info.message(), vars(problem, diff.percent(), diff.summary(5), retiredName)),
                excerpt, fix, severity);
    }

    private Map<String, String> vars(String problem, int percent, String diff, String retiredName) {
        Map<String, String> vars = new HashMap<>();
        vars.put("problem", problem);
        vars.put("block", block);
        vars.put("similarity", percent + "%");
        vars.put("diff", diff);
        vars.put("retired", retiredName);
        return vars;
    }

    /** Per posting: the normalized text of the block as found. */
    record Seen(String norm, String text, SourceSpan span, SourceLine line) {
    }

    @Override
    public Run<Seen> startRun() {
        return new Run<>() {
            @Override
            public Seen observe(RuleContext ctx) {
                Found f = ctx.get(found);
                return f == null ? null : new Seen(String.join(" ", f.run().tokens()), f.run().text(), f.run().textSpan(),
                        SourceLine.around(ctx.posting().source(), f.run().textSpan().start()));
            }

            @Override
            public void finish(List<Observation<Seen>> observations, Workers workers, CorpusSink sink) {
                reportVariants(observations, sink);
            }
        };
    }

    /** Every variant in use, most used first, for the drift view. */
    private void reportVariants(List<Observation<Seen>> observations, CorpusSink sink) {
        Map<String, List<String>> postingsByText = new LinkedHashMap<>();
        Map<String, String> display = new HashMap<>();
        for (Observation<Seen> o : observations) {
            postingsByText.computeIfAbsent(o.data().norm(), k -> new ArrayList<>()).add(o.path());
            display.putIfAbsent(o.data().norm(), o.data().text());
        }
        if (postingsByText.isEmpty()) {
            return;
        }
        List<DriftGroup.Variant> variants = new ArrayList<>();
        postingsByText.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                .forEach(e -> {
                    WordDiff d = WordDiff.of(approved.tokens(), List.of(e.getKey().split(" ")));
                    variants.add(new DriftGroup.Variant(display.get(e.getKey()), e.getValue(), d.similarity(), d.tokens()));
                });
        sink.drift(new DriftGroup(info.id(), block, approvedText, DriftGroup.ReferenceKind.APPROVED, variants));
    }

    static final class Type implements RuleType {
        @Override
        public String name() {
            return "canonical";
        }

        @Override
        public Set<String> variables() {
            return Set.of("problem", "block", "similarity", "diff", "retired");
        }

        @Override
        public String defaultMessage() {
            return "{problem}";
        }

        @Override
        public Rule create(RuleInfo info, YamlMap spec) {
            String block = spec.string("block").orElse(info.id());
            String text = spec.requireString("text").strip();
            String html = spec.string("html").map(String::strip).orElse(null);
            double threshold = spec.get("threshold").map(v -> v.asDouble("'threshold'", 0.05, 1.0)).orElse(0.6);
            Severity missing = spec.get("missing-severity").map(v -> Severity.parse(v.asString("'missing-severity'"))
                    .orElseThrow(() -> v.error("'missing-severity' must be error, warning or info"))).orElse(Severity.ERROR);
            List<Version> retired = new ArrayList<>();
            spec.get("supersedes").ifPresent(v -> {
                for (YamlValue e : v.asList("'supersedes'")) {
                    YamlMap m = e.asMap("a retired version");
                    String name = m.requireString("name");
                    String t = m.requireString("text");
                    m.finish();
                    retired.add(version(name, t));
                }
            });
            if (Words.tokenize(text).size() < 3) {
                throw spec.require("text").error("the approved text is too short to compare (fewer than 3 words)");
            }
            return new CanonicalRule(info, block, text, html == null ? paragraphsAsHtml(text) : html, List.copyOf(retired),
                    threshold, missing);
        }

        /** The approved text as HTML paragraphs, for fixes when no {@code html:} is given. */
        static String paragraphsAsHtml(String text) {
            List<String> out = new ArrayList<>();
            for (String p : text.split("\\n\\s*\\n")) {
                out.add("<p>" + TextFixes.escapeText(p.strip().replaceAll("\\s+", " ")) + "</p>");
            }
            return String.join("\n", out);
        }
    }

}

package dev.postinglint.core.rules;

import dev.postinglint.core.engine.DriftGroup;
import dev.postinglint.core.policy.YamlMap;
import dev.postinglint.core.posting.Heading;
import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.posting.TextRegion;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceSpan;
import dev.postinglint.core.text.WordDiff;
import dev.postinglint.core.text.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code type: consistency}: with no approved text at all, finds the same block across every posting
 * of a run and reports the postings whose variant is in the minority, with the majority variant, how
 * many postings use it and a word diff. Blocks are grouped by {@code group-by}:
 * <ul>
 * <li>{@code scope}: the text in the rule's scope is one block (e.g. {@code .content-intro});</li>
 * <li>{@code heading}: the content under each heading, grouped by the heading's text;</li>
 * <li>{@code leading-words}: each paragraph, grouped by its first {@code leading-words} words.</li>
 * </ul>
 * A variant counts as drift only when it is at least {@code threshold} similar to the majority
 * (otherwise it is different content, such as each job's own duties). Per posting it keeps only the
 * normalized text (shared between postings that use the same text) and where the block is.
 */
final class ConsistencyRule implements CorpusRule {
    enum GroupBy { SCOPE, HEADING, LEADING_WORDS }

    /** Compiled once (String.replaceAll compiles its regex on every call). */
    private static final java.util.regex.Pattern NOT_LETTER_OR_DIGIT = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    private final RuleInfo info;
    private final String block;
    private final GroupBy groupBy;
    private final int leadingWords;
    private final int minPostings;
    private final int minWords;
    private final double threshold;
    private final Map<String, String> interned = new ConcurrentHashMap<>();

    ConsistencyRule(RuleInfo info, String block, GroupBy groupBy, int leadingWords, int minPostings, int minWords, double threshold) {
        this.info = info;
        this.block = block;
        this.groupBy = groupBy;
        this.leadingWords = leadingWords;
        this.minPostings = minPostings;
        this.minWords = minWords;
        this.threshold = threshold;
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public void check(RuleContext ctx, FindingSink sink) {
        // Nothing to say about one posting alone: see finish().
    }

    /** One block of one posting: its group key and label, normalized text, and place. */
    private record Seen(String key, String label, String norm, String text, SourceSpan span, SourceLine line) {
    }

    @Override
    public Object observe(RuleContext ctx) {
        List<Seen> out = new ArrayList<>();
        Posting posting = ctx.posting();
        switch (groupBy) {
            case SCOPE -> {
                List<Posting.Block> blocks = ctx.blocks(info.scope());
                add(ctx, out, "", block, blocks);
            }
            case HEADING -> {
                List<TextRegion> scope = ctx.regions(info.scope());
                List<Heading> headings = posting.headings();
                for (int i = 0; i < headings.size(); i++) {
                    Heading h = headings.get(i);
                    TextRegion section = posting.section(i);
                    if (scope.stream().noneMatch(r -> r.contains(section))) {
                        continue;
                    }
                    List<Posting.Block> blocks = blocksIn(posting.blocks(), section);
                    String key = NOT_LETTER_OR_DIGIT.matcher(h.text().toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
                    add(ctx, out, key, h.text().strip(), blocks);
                }
            }
            case LEADING_WORDS -> {
                for (Posting.Block b : ctx.blocks(info.scope())) {
                    // Speed: the key from the block's cached normalized tokens (the same tokens'
                    // norms that tokenizing the text again would give).
                    String key = Words.leadingNorms(ctx.tokens(b), leadingWords);
                    if (key != null) {
                        add(ctx, out, key, key, List.of(b));
                    }
                }
            }
        }
        return out.isEmpty() ? null : out;
    }

    /**
     * The blocks a section contains, in order. Speed: leaf blocks never nest, so their regions are
     * disjoint and in reading order; a binary search finds the first one at or after the section's
     * start, and none starting at or after its end can be inside it. (Testing every block for every
     * heading grew with the square of a posting's size.)
     */
    static List<Posting.Block> blocksIn(List<Posting.Block> all, TextRegion section) {
        int lo = 0;
        int hi = all.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (all.get(mid).region().start() < section.start()) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        List<Posting.Block> out = new ArrayList<>();
        for (int i = lo; i < all.size() && all.get(i).region().start() < section.end(); i++) {
            if (section.contains(all.get(i).region())) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    private void add(RuleContext ctx, List<Seen> out, String key, String label, List<Posting.Block> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        List<String> tokens = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Posting.Block b : blocks) {
            tokens.addAll(ctx.tokens(b));
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(b.text().strip());
        }
        long words = tokens.stream().filter(t -> Character.isLetterOrDigit(t.charAt(0))).count();
        if (words < minWords) {
            return;
        }
        for (Seen s : out) {
            if (s.key().equals(key)) {
                return; // one block per key per posting: the first
            }
        }
        String norm = interned.computeIfAbsent(String.join(" ", tokens), k -> k);
        TextRegion first = blocks.get(0).region();
        TextRegion last = blocks.get(blocks.size() - 1).region();
        SourceSpan span = first.view().sourceSpan(first.start(), last.end());
        out.add(new Seen(key, label, norm, text.toString(), span, SourceLine.around(ctx.posting().source(), span.start())));
    }

    private record Occurrence(String path, Seen seen) {
    }

    @Override
    public void finish(List<Observation> observations, CorpusSink sink) {
        Map<String, Map<String, List<Occurrence>>> groups = new LinkedHashMap<>();
        for (Observation o : observations) {
            @SuppressWarnings("unchecked")
            List<Seen> seen = (List<Seen>) o.data();
            for (Seen s : seen) {
                groups.computeIfAbsent(s.key(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(s.norm(), k -> new ArrayList<>()).add(new Occurrence(o.path(), s));
            }
        }
        // Speed: groups are judged independently, on all cores; what each reports is recorded and
        // replayed in group order, so the output is the same as judging them one after another.
        List<Map<String, List<Occurrence>>> all = new ArrayList<>(groups.values());
        @SuppressWarnings("unchecked")
        List<Runnable>[] reports = new List[all.size()];
        java.util.stream.IntStream.range(0, all.size()).parallel().forEach(i -> {
            List<Runnable> recorded = new ArrayList<>();
            judge(all.get(i), new CorpusSink() {
                @Override
                public void report(String path, SourceSpan span, SourceLine line, String message, String excerpt,
                        dev.postinglint.core.engine.Fix fix) {
                    recorded.add(() -> sink.report(path, span, line, message, excerpt, fix));
                }

                @Override
                public void drift(DriftGroup group) {
                    recorded.add(() -> sink.drift(group));
                }
            });
            reports[i] = recorded;
        });
        for (List<Runnable> r : reports) {
            r.forEach(Runnable::run);
        }
        interned.clear();
    }

    private void judge(Map<String, List<Occurrence>> variants, CorpusSink sink) {
        int total = variants.values().stream().mapToInt(List::size).sum();
        if (total < minPostings || variants.size() < 2) {
            return;
        }
        List<Map.Entry<String, List<Occurrence>>> sorted = new ArrayList<>(variants.entrySet());
        // Most used first; ties broken by text so the outcome never depends on file order.
        sorted.sort((a, b) -> a.getValue().size() != b.getValue().size()
                ? Integer.compare(b.getValue().size(), a.getValue().size()) : a.getKey().compareTo(b.getKey()));
        List<Occurrence> majority = sorted.get(0).getValue();
        if (majority.size() < 2 || majority.size() == sorted.get(1).getValue().size()) {
            return; // no clear majority: nothing to call drift
        }
        List<String> reference = List.of(sorted.get(0).getKey().split(" "));
        Seen ref = majority.get(0).seen();
        List<DriftGroup.Variant> drifted = new ArrayList<>();
        drifted.add(new DriftGroup.Variant(ref.text(), paths(majority), 1.0, WordDiff.of(reference, reference).tokens()));
        Map<String, Integer> referenceCounts = null;
        for (Map.Entry<String, List<Occurrence>> v : sorted.subList(1, sorted.size())) {
            List<String> variant = List.of(v.getKey().split(" "));
            // Speed: the diff (Myers, quadratic when texts differ a lot) is skipped when even the
            // words the two texts share, in any order, could not reach the threshold: a bound on the
            // similarity WordDiff would compute, so the outcome is the same.
            // The shorter text bounds the words the two can share: no need to count words then.
            int shorter = Math.min(reference.size(), variant.size());
            if (2.0 * shorter / (reference.size() + variant.size()) < threshold) {
                continue;
            }
            if (referenceCounts == null) {
                referenceCounts = counts(reference);
            }
            if (similarityBound(referenceCounts, reference.size(), variant) < threshold) {
                continue;
            }
            WordDiff d = WordDiff.of(reference, variant);
            if (d.similarity() < threshold) {
                continue;
            }
            drifted.add(new DriftGroup.Variant(v.getValue().get(0).seen().text(), paths(v.getValue()), d.similarity(), d.tokens()));
            for (Occurrence o : v.getValue()) {
                String label = o.seen().label();
                String problem = label + " differs from the version used by " + majority.size() + " of " + total
                        + " postings (" + d.percent() + "% similar): " + d.summary(3);
                Map<String, String> vars = new HashMap<>();
                vars.put("problem", problem);
                vars.put("block", label);
                vars.put("count", String.valueOf(majority.size()));
                vars.put("total", String.valueOf(total));
                vars.put("similarity", d.percent() + "%");
                vars.put("diff", d.summary(5));
                String text = o.seen().text();
                sink.report(o.path(), o.seen().span(), o.seen().line(), info.message().render(vars),
                        text.length() <= 300 ? text : text.substring(0, 299) + "…", null);
            }
        }
        if (drifted.size() > 1) {
            sink.drift(new DriftGroup(info.id(), ref.label(), ref.text(), DriftGroup.ReferenceKind.MAJORITY, drifted));
        }
    }

    private static Map<String, Integer> counts(List<String> words) {
        Map<String, Integer> out = new HashMap<>();
        for (String w : words) {
            out.merge(w, 1, Integer::sum);
        }
        return out;
    }

    /**
     * An upper bound of {@link WordDiff#similarity()}: the words common to both (as multisets) bound
     * the longest common subsequence that the diff keeps, and the bound is computed the same way.
     */
    static double similarityBound(Map<String, Integer> referenceCounts, int referenceSize, List<String> variant) {
        int total = referenceSize + variant.size();
        if (total == 0) {
            return 1.0;
        }
        // Common words as multisets: for each word, the smaller of its two counts.
        Map<String, Integer> variantCounts = counts(variant);
        int common = 0;
        for (Map.Entry<String, Integer> e : variantCounts.entrySet()) {
            Integer c = referenceCounts.get(e.getKey());
            if (c != null) {
                common += Math.min(c, e.getValue());
            }
        }
        return 2.0 * common / total;
    }

    private static List<String> paths(List<Occurrence> occ) {
        return occ.stream().map(Occurrence::path).toList();
    }

    static final class Type implements RuleType {
        @Override
        public String name() {
            return "consistency";
        }

        @Override
        public Set<String> variables() {
            return Set.of("problem", "block", "count", "total", "similarity", "diff");
        }

        @Override
        public String defaultMessage() {
            return "{problem}";
        }

        @Override
        public Rule create(RuleInfo info, YamlMap spec) {
            String by = spec.string("group-by").orElse("scope");
            GroupBy groupBy = switch (by) {
                case "scope" -> GroupBy.SCOPE;
                case "heading" -> GroupBy.HEADING;
                case "leading-words" -> GroupBy.LEADING_WORDS;
                default -> throw spec.require("group-by").error("'group-by' is scope, heading or leading-words, not '" + by + "'");
            };
            int leading = spec.get("leading-words").map(v -> v.asInt("'leading-words'", 2, 50)).orElse(6);
            int minPostings = spec.get("min-postings").map(v -> v.asInt("'min-postings'", 2, 1_000_000)).orElse(3);
            int minWords = spec.get("min-words").map(v -> v.asInt("'min-words'", 1, 10_000)).orElse(8);
            double threshold = spec.get("threshold").map(v -> v.asDouble("'threshold'", 0.05, 1.0)).orElse(0.5);
            String block = spec.string("block").orElse(info.id());
            if (groupBy == GroupBy.SCOPE && info.scope().isWhole()) {
                throw spec.error("group-by: scope needs a 'scope' (comparing whole postings finds only their differences)");
            }
            return new ConsistencyRule(info, block, groupBy, leading, minPostings, minWords, threshold);
        }
    }
}

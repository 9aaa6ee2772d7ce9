package dev.postinglint.core.rules;

import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.posting.TextRegion;
import dev.postinglint.core.regex.PolicyPattern;
import dev.postinglint.core.yaml.YamlMap;
import dev.postinglint.core.yaml.YamlValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The text a rule looks for: exactly one of {@code pattern} (an RE2 regex), {@code patterns} (a list),
 * {@code phrase} or {@code phrases} (literal words, case-insensitive, any spacing).
 */
record MatchPatterns(List<PolicyPattern> patterns) {

    static MatchPatterns read(YamlMap m) {
        var pattern = m.get("pattern");
        var patterns = m.get("patterns");
        var phrase = m.get("phrase");
        var phrases = m.get("phrases");
        int given = (pattern.isPresent() ? 1 : 0) + (patterns.isPresent() ? 1 : 0) + (phrase.isPresent() ? 1 : 0)
                + (phrases.isPresent() ? 1 : 0);
        if (given != 1) {
            throw m.error(m.what() + " needs exactly one of 'pattern', 'patterns', 'phrase' or 'phrases'");
        }
        List<PolicyPattern> out = new ArrayList<>();
        pattern.ifPresent(v -> out.add(PolicyPattern.compile(v, "'pattern'")));
        patterns.ifPresent(v -> {
            for (YamlValue p : v.asList("'patterns'")) {
                out.add(PolicyPattern.compile(p, "'patterns' entry"));
            }
        });
        phrase.ifPresent(v -> out.add(PolicyPattern.phrase(v.asNonBlank("'phrase'"), v, "'phrase'")));
        phrases.ifPresent(v -> {
            for (YamlValue p : v.asList("'phrases'")) {
                out.add(PolicyPattern.phrase(p.asNonBlank("'phrases' entry"), p, "'phrases' entry"));
            }
        });
        if (out.isEmpty()) {
            throw m.error(m.what() + " has an empty pattern list");
        }
        return new MatchPatterns(List.copyOf(out));
    }

    /** A match inside a region, with offsets relative to the region. */
    record Match(TextRegion region, int start, int end, String text) {
    }

    /**
     * Every non-empty match of every pattern, in reading order, overlapping matches dropped.
     * {@code whole} is the regions' text view, or its {@link RuleContext#index() index}.
     */
    List<Match> findAll(List<TextRegion> regions, PolicyPattern.Text whole) {
        return findAll(regions, whole, null);
    }

    /**
     * Some non-empty match, or none: for a rule that only asks whether there is one (a {@code require} with
     * {@code min: 1} and no {@code max}), the search stops at the first match any pattern reports instead of
     * finding every match of every pattern. Empty exactly when {@link #findAll(List, PolicyPattern.Text)} is.
     */
    List<Match> findAny(List<TextRegion> regions, PolicyPattern.Text whole) {
        return findAny(regions, whole, ANY);
    }

    private static final java.util.function.Predicate<Match> ANY = m -> true;

    /**
     * Some non-empty match that {@code counts}, or none: empty exactly when no match of
     * {@link #findAll(List, PolicyPattern.Text)} counts. Only for a single pattern, whose matches in a
     * region (one {@code find()} loop) never overlap, so findAll drops none of them: with several,
     * a match that counts may be one findAll drops for overlapping another that does not.
     */
    List<Match> findAny(List<TextRegion> regions, PolicyPattern.Text whole, java.util.function.Predicate<Match> counts) {
        if (counts != ANY && patterns.size() != 1) {
            throw new IllegalStateException("a filtered search needs a single pattern");
        }
        try {
            findAll(regions, whole, counts);
        } catch (Found f) {
            return List.of(f.match);
        }
        return List.of();
    }

    /** Ends a search at its first match (no stack trace: it is control flow, thrown once per search). */
    private static final class Found extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Match match;

        Found(Match match) {
            super(null, null, false, false);
            this.match = match;
        }
    }

    /** {@code stopAt}: null to find every match; else the search ends (throwing {@link Found}) at the first match it accepts. */
    private List<Match> findAll(List<TextRegion> regions, PolicyPattern.Text whole, java.util.function.Predicate<Match> stopAt) {
        List<Match> all = new ArrayList<>();
        if (regions.isEmpty()) {
            return all;
        }
        // Speed: a pattern that certainly has no match in the posting, or in a region, is not run
        // there; where it runs, PolicyPattern finds exactly the matches of a plain find() loop.
        var view = regions.get(0).view();
        if (whole instanceof dev.postinglint.core.regex.MatchIndex index ? index.text() != view : whole != view) {
            whole = view; // regions of another text: search it as it is
        }
        PolicyPattern.Search[] searches = new PolicyPattern.Search[patterns.size()];
        boolean any = false;
        int length = view.length();
        for (int k = 0; k < searches.length; k++) {
            PolicyPattern.Search s = patterns.get(k).search(whole);
            if (s.mayMatch(0, length)) {
                searches[k] = s;
                any = true;
            }
        }
        if (!any && regions.stream().allMatch(r -> r.view() == view)) {
            return all;
        }
        for (TextRegion region : regions) {
            String text = null;
            List<Match> here = null;
            for (int k = 0; k < searches.length; k++) {
                PolicyPattern.Search s = searches[k];
                // (Regions of another view, which callers never pass, are simply scanned.)
                boolean sameView = region.view() == view;
                if (sameView && (s == null || !s.mayMatch(region.start(), region.end()))) {
                    continue;
                }
                if (text == null) {
                    text = region.text();
                    here = new ArrayList<>();
                }
                String t = text;
                List<Match> h = here;
                PolicyPattern.MatchSink sink = stopAt != null
                        ? (st, e) -> {
                            Match found = new Match(region, st, e, t.substring(st, e));
                            if (stopAt.test(found)) {
                                throw new Found(found);
                            }
                        }
                        : (st, e) -> h.add(new Match(region, st, e, t.substring(st, e)));
                if (sameView) {
                    s.findAll(text, region.start(), sink);
                } else {
                    patterns.get(k).findAll(text, sink);
                }
            }
            if (here == null || here.isEmpty()) {
                continue;
            }
            here.sort(Comparator.comparingInt(Match::start).thenComparing(Comparator.comparingInt(Match::end).reversed()));
            int lastEnd = -1;
            for (Match mt : here) {
                if (mt.start() >= lastEnd) {
                    all.add(mt);
                    lastEnd = mt.end();
                }
            }
        }
        return all;
    }

    /**
     * A rule's {@code unless-block} for one check: whether the paragraph (leaf block) holding a match
     * excuses it, as {@code find()} on the paragraph's text answers, asked once per paragraph. A
     * paragraph of the posting's view is searched through the posting's literal index (the rule lists
     * the pattern among its own, so the index holds its literals): without them it is not searched at
     * all, and with them only anchored around them.
     */
    static final class BlockExcuse {
        private final PolicyPattern pattern;
        private final RuleContext ctx;
        private final java.util.Map<Posting.Block, Boolean> answers = new java.util.IdentityHashMap<>();
        private PolicyPattern.Search search;

        BlockExcuse(PolicyPattern pattern, RuleContext ctx) {
            this.pattern = pattern;
            this.ctx = ctx;
        }

        boolean excuses(Match m) {
            Posting.Block block = ctx.posting().blockAt(m.region().start() + m.start());
            if (block == null) {
                return pattern.matcher(m.region().text()).find();
            }
            Boolean known = answers.get(block);
            if (known != null) {
                return known;
            }
            TextRegion r = block.region();
            boolean answer;
            if (r.view() == ctx.posting().view()) {
                if (search == null) {
                    search = pattern.search(ctx.index());
                }
                answer = search.mayMatch(r.start(), r.end()) && search.firstGroups(r.text(), r.start()) != null;
            } else {
                answer = pattern.matcher(r.text()).find();
            }
            answers.put(block, answer);
            return answer;
        }
    }
}

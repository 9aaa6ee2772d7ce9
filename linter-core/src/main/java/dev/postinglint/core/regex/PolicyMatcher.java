package dev.postinglint.core.regex;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ahocorasick.trie.PayloadTrie;

/**
 * Every literal that a policy's patterns need (the literals one of which each match must contain,
 * and those a match must start with: see {@link RegexPrefilter} and {@link AnchoredScan}) in one
 * Aho-Corasick automaton, built once when the policy loads. One pass of it over a posting's folded
 * text ({@link #index}) finds every occurrence of every literal, so the rules' patterns no longer each
 * scan the posting for their own literals: they look their occurrences up and run RE2/J only there.
 * A pattern compiled outside the policy (not given to {@link #of}) is simply not indexed and searches
 * as before. Immutable; shared by all worker threads.
 */
public final class PolicyMatcher {
    /** A matcher that knows no literal: every pattern searches on its own. */
    public static final PolicyMatcher NONE = new PolicyMatcher(List.of());

    /**
     * Shorter literals ("a", "/", "is") occur all over a posting: recording every occurrence costs more
     * than the searches' own lazy {@code indexOf}, which stops at the first one in a region. They stay unindexed.
     */
    static final int MIN_LENGTH = 3;

    private final Map<String, Integer> ids;
    private final List<String> literals;
    /** The automaton over the folded literals (null when there are none); the payload is the literal's id. */
    private final PayloadTrie<Integer> trie;

    private PolicyMatcher(Collection<String> literals) {
        this.literals = List.copyOf(literals);
        this.ids = new HashMap<>();
        PayloadTrie.PayloadTrieBuilder<Integer> b = PayloadTrie.builder();
        for (String l : this.literals) {
            ids.put(l, ids.size());
            b.addKeyword(l, ids.get(l));
        }
        this.trie = this.literals.isEmpty() ? null : b.build();
    }

    /** The matcher of every literal these patterns' speed-ups look for. */
    public static PolicyMatcher of(Collection<PolicyPattern> patterns) {
        Set<String> all = new LinkedHashSet<>();
        for (PolicyPattern p : patterns) {
            for (String l : p.indexedLiterals()) {
                if (l.length() >= MIN_LENGTH) {
                    all.add(l);
                }
            }
        }
        return all.isEmpty() ? NONE : new PolicyMatcher(all);
    }

    /** How many distinct literals the automaton holds. */
    public int size() {
        return literals.size();
    }

    /** The literal's id, or -1 when it is not in the automaton. */
    int id(String literal) {
        Integer id = ids.get(literal);
        return id == null ? -1 : id;
    }

    /**
     * Where each literal occurs in {@code text} (in its {@link PolicyPattern.Text#folded folded} copy):
     * the automaton runs once, when the index is first asked.
     */
    public MatchIndex index(PolicyPattern.Text text) {
        return new MatchIndex(this, text);
    }

    /** Every occurrence of every literal in {@code folded}: per literal id, the sorted start offsets (null: none). */
    int[][] occurrences(String folded) {
        int[][] out = new int[literals.size()][];
        if (trie == null) {
            return out;
        }
        int[] counts = new int[literals.size()];
        trie.parseText(folded, emit -> {
            int id = emit.getPayload();
            int[] o = out[id];
            if (o == null) {
                o = new int[4];
                out[id] = o;
            } else if (counts[id] == o.length) {
                o = java.util.Arrays.copyOf(o, o.length * 2);
                out[id] = o;
            }
            o[counts[id]++] = emit.getStart();
            return true;
        });
        for (int i = 0; i < out.length; i++) {
            if (out[i] != null && out[i].length != counts[i]) {
                out[i] = java.util.Arrays.copyOf(out[i], counts[i]);
            }
        }
        return out;
    }
}

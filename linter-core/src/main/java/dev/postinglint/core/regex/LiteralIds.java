package dev.postinglint.core.regex;

import java.util.List;

/**
 * A fixed list of folded literals (a pattern's required literals, or its prefixes) with their ids in a
 * {@link PolicyMatcher}, looked up once per matcher instead of once per search: a policy's matcher binds
 * its patterns' lists when the policy loads ({@link PolicyMatcher#of}), and a search through that
 * policy's {@link MatchIndex} reads the ids as they are. A list searched through another matcher (a
 * pattern shared by two policies) is bound again, to the latest; the binding is one immutable record,
 * so threads never see half of one.
 */
final class LiteralIds {
    private final List<String> literals;
    private volatile Bound bound;

    private record Bound(PolicyMatcher matcher, int[] ids) {
    }

    LiteralIds(List<String> literals) {
        this.literals = literals;
    }

    List<String> literals() {
        return literals;
    }

    /** Per literal, its id in {@code matcher} (-1: not in it, so not indexed). The array is shared: callers must not change it. */
    int[] in(PolicyMatcher matcher) {
        Bound b = bound;
        if (b == null || b.matcher != matcher) {
            int[] ids = new int[literals.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = matcher.id(literals.get(i));
            }
            b = new Bound(matcher, ids);
            bound = b;
        }
        return b.ids;
    }

    /**
     * Per literal, its occurrences in {@code whole} where it is a {@link MatchIndex} that indexes the literal,
     * else null (the search finds the literal itself); a fresh array of shared occurrence arrays.
     */
    int[][] occurrences(PolicyPattern.Text whole) {
        int[][] out = new int[literals.size()][];
        if (whole instanceof MatchIndex index) {
            int[] ids = in(index.matcher());
            for (int i = 0; i < out.length; i++) {
                out[i] = ids[i] < 0 ? null : index.occurrences(ids[i]);
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = whole.occurrences(literals.get(i));
            }
        }
        return out;
    }
}

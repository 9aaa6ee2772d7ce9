package dev.postinglint.core.posting;

/**
 * An upper estimate, in linear time, of how many characters commonmark-java's inline parser scans
 * for one block's inline content. Two of its constructs scan ahead without a bound: each {@code <}
 * looks for the next {@code >} (an autolink or inline HTML), and each {@code ]} takes the text back
 * to its {@code [} as a link label. Ordinary prose costs about its own length; a paragraph of
 * 400,000 unclosed {@code <} or of 100,000 nested brackets costs billions, and is refused instead of
 * parsed (see {@link MarkdownParser#MAX_INLINE_COST_FACTOR}).
 */
final class InlineCost {
    private InlineCost() {
    }

    /** The estimated scan length; {@code budget + 1} as soon as the budget is passed. */
    static long of(CharSequence s, long budget) {
        long cost = s.length();
        int n = s.length();
        // '<': distance to the next '>' (or the end), found by one backward pass.
        int nextGt = n;
        for (int i = n - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == '>') {
                nextGt = i;
            } else if (c == '<') {
                cost += nextGt - i;
                if (cost > budget) {
                    return budget + 1;
                }
            }
        }
        // ']': distance back to the '[' it closes (a stack of open brackets' offsets).
        int[] open = new int[16];
        int depth = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                if (depth == open.length) {
                    open = java.util.Arrays.copyOf(open, depth * 2);
                }
                open[depth++] = i;
            } else if (c == ']' && depth > 0) {
                cost += i - open[--depth];
                if (cost > budget) {
                    return budget + 1;
                }
            }
        }
        return cost;
    }
}

package dev.postinglint.core.rules;

import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.source.SourceSpan;
import dev.postinglint.core.text.WordDiff;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;

/**
 * A run of consecutive leaf blocks (paragraphs) in a posting, the closest to a reference text, with
 * its word diff. Found in two steps: a cheap bag-of-words overlap picks the run, then one real diff
 * measures it, so a long posting costs one diff per reference rather than one per candidate.
 */
record BlockRun(List<Posting.Block> blocks, List<String> tokens, WordDiff diff) {

    /** The best run of at most {@code maxBlocks} blocks, or null when no block shares a word with the reference. */
    static BlockRun best(RuleContext ctx, List<Posting.Block> candidates, List<String> reference, int maxBlocks) {
        Map<String, Integer> want = new HashMap<>();
        for (String t : reference) {
            want.merge(t, 1, Integer::sum);
        }
        int bestI = -1;
        int bestJ = -1;
        double bestScore = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Map<String, Integer> have = new HashMap<>();
            int overlap = 0;
            int length = 0;
            for (int j = i; j < candidates.size() && j < i + maxBlocks; j++) {
                for (String t : ctx.tokens(candidates.get(j))) {
                    int n = have.merge(t, 1, Integer::sum);
                    if (n <= want.getOrDefault(t, 0)) {
                        overlap++;
                    }
                    length++;
                }
                double score = 2.0 * overlap / (reference.size() + length);
                if (score > bestScore) {
                    bestScore = score;
                    bestI = i;
                    bestJ = j;
                }
            }
        }
        if (bestI < 0) {
            return null;
        }
        List<Posting.Block> run = candidates.subList(bestI, bestJ + 1);
        List<String> tokens = new ArrayList<>();
        for (Posting.Block b : run) {
            tokens.addAll(ctx.tokens(b));
        }
        return new BlockRun(List.copyOf(run), tokens, WordDiff.of(reference, tokens));
    }

    /** From the first character of the first block to the end of the last one. */
    SourceSpan textSpan() {
        var first = blocks.get(0).region();
        var last = blocks.get(blocks.size() - 1).region();
        return first.view().sourceSpan(first.start(), last.end());
    }

    /** The readable text of the run, paragraphs separated by blank lines. */
    String text() {
        StringBuilder b = new StringBuilder();
        for (Posting.Block bl : blocks) {
            if (b.length() > 0) {
                b.append("\n\n");
            }
            b.append(bl.text().strip());
        }
        return b.toString();
    }

    /**
     * The source span of the run's elements, start tag of the first to end tag of the last, when
     * replacing it keeps the markup balanced: consecutive siblings with tracked, explicit end tags.
     * Null otherwise (then no fix is offered).
     */
    SourceSpan elementSpan(dev.postinglint.core.source.SourceText source) {
        Element first = blocks.get(0).element();
        Element last = blocks.get(blocks.size() - 1).element();
        if (first.parent() == null || first.parent() != last.parent()) {
            return null;
        }
        for (int i = 1; i < blocks.size(); i++) {
            if (blocks.get(i).element().parent() != first.parent()) {
                return null;
            }
        }
        Range start = first.sourceRange();
        Range end = last.endSourceRange();
        if (!start.isTracked() || !end.isTracked() || end.end().pos() <= start.start().pos()) {
            return null;
        }
        return source.span(start.start().pos(), end.end().pos());
    }
}

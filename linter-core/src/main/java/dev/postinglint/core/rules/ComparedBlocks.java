package dev.postinglint.core.rules;

import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.posting.TextRegion;
import dev.postinglint.core.regex.PolicyPattern;
import dev.postinglint.core.source.Position;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceSpan;
import dev.postinglint.core.text.Words;
import java.util.List;

/**
 * A posting's leaf blocks as the consistency rules with one list of {@code ignore:} patterns compare
 * them: each block's text without what those patterns match, its normalized tokens, how many of them
 * are words, and its display text. Made at most once per block and posting, however many of those
 * rules there are (the default pack's {@code section-drift} and {@code paragraph-drift} share one),
 * and only for the blocks they ask about.
 *
 * <p>Speed: most blocks hold nothing an {@code ignore:} pattern matches. Which blocks may is found in
 * one pass over the posting per pattern, from the literals its matches need (looked up in the policy's
 * literal index, {@link RuleContext#index()}), with RE2/J run only around them; the others are known
 * unchanged without running the pattern over their text. Where a pattern does match, the text is made
 * exactly as before (each pattern in turn on what the ones before it left).
 */
final class ComparedBlocks {
    private final RuleContext ctx;
    private final List<Posting.Block> blocks;
    private final List<PolicyPattern> ignore;
    /** Per block: some ignore pattern matches its text (so it may change); false: it certainly does not. */
    private final boolean[] matched;
    /** Per block: its text was searched in the posting's indexed text, so {@link #hits} says which patterns match it. */
    private final boolean[] searched;
    /** Per pattern and searched block: the pattern matches the block's own text (known up to the first pattern that does). */
    private final boolean[][] hits;
    /** Per pattern: its search over the posting's indexed text. */
    private final PolicyPattern.Search[] searches;
    /**
     * Per searched block that a pattern needing a literal matches: the first such pattern's matches in the block's
     * own text, start and end in turn (found once, when the search found the block, and replaced from there).
     */
    private final int[][] ownMatches;
    /** Per block, once asked: its text without what the patterns match, or the text itself when nothing matched. */
    private final String[] kept;
    private final String[] display;
    /** Per block, once asked: its display text, the copy the first rule's group keeps ({@link #shown}). */
    private final String[] shown;
    /** Per block, once asked: its source span, and the source line around a span's start that is the block's. */
    private final SourceSpan[] spans;
    private final SourceLine[] lines;
    private final Position[] lineAt;
    private final List<String>[] norms;
    /** Per block, once counted to its end: how many of its normalized tokens are words; -1 until then. */
    private final int[] words;
    /** Per block: at least this many of its tokens are words (a count that stopped there). */
    private final int[] atLeast;
    /** Per block: where a count that stopped at {@link #atLeast} words stopped (it goes on from there). */
    private final int[] countedTo;
    /** Per block: where its region starts, for the binary searches (without reading each block's region). */
    private final int[] starts;
    /**
     * The posting's text as an array, made at the first word count: the word cursor reads it many times (every block's
     * words, the six-word keys) without {@code String.charAt}'s checks of index and encoding on each character.
     */
    private char[] chars;

    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of lists: its elements are List<String>
    ComparedBlocks(RuleContext ctx, List<PolicyPattern> ignore) {
        this.ctx = ctx;
        this.ignore = ignore;
        this.blocks = ctx.posting().blocks();
        int n = blocks.size();
        this.matched = new boolean[n];
        this.searched = new boolean[n];
        this.hits = new boolean[ignore.size()][n];
        this.searches = new PolicyPattern.Search[ignore.size()];
        this.ownMatches = new int[n][];
        this.spans = new SourceSpan[n];
        this.lines = new SourceLine[n];
        this.lineAt = new Position[n];
        this.kept = new String[n];
        this.display = new String[n];
        this.shown = new String[n];
        this.norms = new List[n];
        this.words = new int[n];
        this.atLeast = new int[n];
        this.countedTo = new int[n];
        java.util.Arrays.fill(words, -1);
        this.starts = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = blocks.get(i).region().start();
        }
        if (!ignore.isEmpty()) {
            findMatched();
        }
    }

    /** Marks the blocks that some ignore pattern matches: one search of each pattern over the posting, block by block. */
    private void findMatched() {
        Posting posting = ctx.posting();
        for (int k = 0; k < ignore.size(); k++) {
            PolicyPattern.Search search = ignore.get(k).search(ctx.index());
            searches[k] = search;
            for (int i = 0; i < blocks.size(); i++) {
                if (matched[i]) {
                    continue;
                }
                Posting.Block b = blocks.get(i);
                int start = b.region().start();
                int end = b.region().end();
                if (b.region().view() != posting.view()) {
                    matched[i] = true; // not in the indexed text: judged by the patterns themselves, below
                    continue;
                }
                searched[i] = true;
                if (search.mayMatch(start, end)) {
                    if (ignore.get(k).filters()) {
                        // Speed: every match at once, kept for replacing them (its matches are never empty).
                        ownMatches[i] = matchesOf(search, b.text(), start);
                        hits[k][i] = ownMatches[i] != null;
                    } else {
                        hits[k][i] = search.firstGroups(b.text(), start) != null;
                    }
                    matched[i] = hits[k][i];
                }
            }
        }
    }

    /** The non-empty matches of a search in a block's text at {@code offset}, start and end in turn; null when none. */
    private static int[] matchesOf(PolicyPattern.Search search, String text, int offset) {
        int[][] found = {new int[4]};
        int[] n = {0};
        search.findAll(text, offset, (s, e) -> {
            if (n[0] + 2 > found[0].length) {
                found[0] = java.util.Arrays.copyOf(found[0], found[0].length * 2);
            }
            found[0][n[0]++] = s;
            found[0][n[0]++] = e;
        });
        return n[0] == 0 ? null : java.util.Arrays.copyOf(found[0], n[0]);
    }

    /** The block's index in the posting's blocks ({@code b} is one of them). */
    int indexOf(Posting.Block b) {
        for (int i = firstAtOrAfter(b.region().start()); i < blocks.size(); i++) {
            if (blocks.get(i) == b) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a block of this posting");
    }

    /** The index of the first block that starts at or after {@code offset} (the blocks' count when none does). */
    private int firstAtOrAfter(int offset) {
        int lo = 0;
        int hi = starts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The indexes of the blocks a section contains, in order. Speed: leaf blocks never nest, so their regions are
     * disjoint and in reading order; a binary search finds the first one at or after the section's start, and none
     * starting at or after its end can be inside it. (Testing every block for every heading grew with the square of a
     * posting's size.)
     */
    int[] indexesIn(TextRegion section) {
        int lo = firstAtOrAfter(section.start());
        int end = lo;
        while (end < starts.length && starts[end] < section.end()) {
            end++;
        }
        int[] out = new int[end - lo];
        int n = 0;
        for (int i = lo; i < end; i++) {
            if (section.contains(blocks.get(i).region())) {
                out[n++] = i;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** Whether an ignore pattern changed block {@code i}'s text (its normalized tokens are then not the block's own). */
    boolean changed(int i) {
        return keptText(i) != null;
    }

    /** The text without what the patterns match, or null when no pattern matches at all (not even empty). */
    private String keptText(int i) {
        if (!matched[i]) {
            return null;
        }
        if (kept[i] == null) {
            String text = blocks.get(i).text();
            boolean changed = false;
            for (int k = 0; k < ignore.size(); k++) {
                PolicyPattern p = ignore.get(k);
                if (!changed && searched[i]) {
                    // The block's own text: the search said whether the pattern matches it.
                    if (hits[k][i]) {
                        text = replaceOwn(k, text, i);
                        changed = true;
                    }
                } else if (p.find(text)) {
                    text = p.matcher(text).replaceAll(" ");
                    changed = true;
                }
            }
            // A block that no pattern matched is one the search found wrongly: never, but then it is unchanged.
            matched[i] = changed;
            kept[i] = text;
        }
        return matched[i] ? kept[i] : null;
    }

    /**
     * {@code text} (block {@code i}'s own) with every match of pattern {@code k} replaced by a space, as RE2/J's
     * {@code replaceAll(" ")}. Where the pattern needs a literal, its matches are never empty, so they are the
     * search's (found from the literals' places, {@link #ownMatches}), not a scan of the whole text.
     */
    private String replaceOwn(int k, String text, int i) {
        PolicyPattern p = ignore.get(k);
        if (!p.filters()) {
            return p.matcher(text).replaceAll(" ");
        }
        int[] found = ownMatches[i];
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (int m = 0; m < found.length; m += 2) {
            out.append(text, last, found[m]).append(' ');
            last = found[m + 1];
        }
        return out.append(text, last, text.length()).toString();
    }

    /** Block {@code i}'s normalized tokens after the ignore patterns (the block's own, shared with every rule, when none matched). */
    List<String> norms(int i) {
        if (norms[i] == null) {
            String k = keptText(i);
            norms[i] = k == null ? ctx.tokens(blocks.get(i)) : Words.norms(k, 0, k.length());
        }
        return norms[i];
    }

    /**
     * How many of {@link #norms} are words (start with a letter or digit), not punctuation, but at most
     * {@code limit}: a rule only needs to know whether a block has its {@code min-words}, and most blocks
     * have many more.
     */
    int words(int i, int limit) {
        if (words[i] < 0 && atLeast[i] < limit) {
            String k = keptText(i);
            if (k != null) {
                words[i] = Words.countWords(k, 0, k.length()); // counted without making the tokens
            } else {
                // Speed: counted in the posting's text, without making the tokens (most blocks never need them),
                // and on from where a lower limit stopped (section-drift asks for 12 words, paragraph-drift 20).
                TextRegion r = blocks.get(i).region();
                int from = atLeast[i] > 0 ? countedTo[i] : r.start();
                long counted = r.view() == ctx.posting().view()
                        ? Words.countWordsFrom(chars(), from, r.end(), limit - atLeast[i])
                        : Words.countWordsFrom(r.view().text(), from, r.end(), limit - atLeast[i]);
                int n = atLeast[i] + (int) counted;
                if (n < limit) {
                    words[i] = n;
                } else {
                    atLeast[i] = n;
                    countedTo[i] = (int) (counted >>> 32);
                }
            }
        }
        return words[i] >= 0 ? Math.min(words[i], limit) : limit;
    }

    /**
     * Whether block {@code i} has at least {@code n} words ({@link #words}). Speed: where it has not been counted, a
     * bound from where its words may start rules most short blocks out without tokenizing them.
     */
    boolean hasWords(int i, int n) {
        if (words[i] >= 0 || atLeast[i] >= n) {
            return words(i, n) >= n;
        }
        TextRegion r = blocks.get(i).region();
        if (!matched[i] && r.view() == ctx.posting().view() && Words.wordStartsAtMost(chars(), r.start(), r.end(), n) < n) {
            return false;
        }
        return words(i, n) >= n;
    }

    /**
     * The lower-cased key of block {@code i}'s first {@code n} words in its own text ({@link Words#leadingWords}), or null
     * when it has fewer: made without copying the block's text or making all its tokens.
     */
    String leadingWords(int i, int n) {
        TextRegion r = blocks.get(i).region();
        return r.view() == ctx.posting().view()
                ? Words.leadingWords(chars(), r.start(), r.end(), n)
                : Words.leadingWords(r.view().text(), r.start(), r.end(), n);
    }

    private char[] chars() {
        if (chars == null) {
            chars = ctx.posting().view().text().toCharArray();
        }
        return chars;
    }

    /**
     * Block {@code i}'s text as compared: without what the ignore patterns match, or its display text when none
     * matched (the same tokens: strip() removes only white space).
     */
    String comparedText(int i) {
        String k = keptText(i);
        return k != null ? k : display(i);
    }

    /** The source span of blocks {@code first} to {@code last}, made once for a single block (both rules may keep it). */
    SourceSpan span(int first, int last) {
        if (first == last && spans[first] != null) {
            return spans[first];
        }
        TextRegion from = blocks.get(first).region();
        SourceSpan span = from.view().sourceSpan(from.start(), blocks.get(last).region().end());
        if (first == last) {
            spans[first] = span;
        }
        return span;
    }

    /**
     * {@link SourceLine#around} the start of {@code span}, a span of blocks from {@code first}: made once for spans that
     * start at the same place (a section's and its first paragraph's).
     */
    SourceLine line(int first, SourceSpan span) {
        if (lines[first] == null || !lineAt[first].equals(span.start())) {
            lines[first] = SourceLine.around(ctx.posting().source(), span.start());
            lineAt[first] = span.start();
        }
        return lines[first];
    }

    /** The block's text as shown: stripped of surrounding white space. */
    String display(int i) {
        if (display[i] == null) {
            // Speed: cut once from the posting's text, as text().strip() (no white space is outside the BMP).
            TextRegion r = blocks.get(i).region();
            String text = r.view().text();
            int from = r.start();
            int to = r.end();
            while (from < to && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            display[i] = text.substring(from, to);
        }
        return display[i];
    }

    /**
     * {@link #display}, {@code group}'s copy. The first rule to ask gets its group's copy; the other looks that copy
     * up in its own group, which then keeps the same object where it had no equal text yet (a one-paragraph section
     * and that paragraph share one copy of its text for the run).
     */
    String shown(int i, GroupTexts group) {
        if (shown[i] == null) {
            shown[i] = group.keep(display(i));
            return shown[i];
        }
        return group.keep(shown[i]);
    }
}

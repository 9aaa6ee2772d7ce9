package dev.postinglint.core.regex;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.postinglint.core.regex.PolicyPattern.MatchSink;
import dev.postinglint.core.regex.RegexSyntax.Alt;
import dev.postinglint.core.regex.RegexSyntax.Assert;
import dev.postinglint.core.regex.RegexSyntax.Cat;
import dev.postinglint.core.regex.RegexSyntax.Cls;
import dev.postinglint.core.regex.RegexSyntax.Lit;
import dev.postinglint.core.regex.RegexSyntax.Node;
import dev.postinglint.core.regex.RegexSyntax.Repeat;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the matches of a pattern that can only start with one of a few literals (for
 * {@code (?i)\b(?:rock\s?stars?|ninjas?)\b}: "rock" or "ninja") without running RE2/J's NFA over the
 * whole text: the literals' occurrences are the only places a match can start, so RE2/J is run
 * anchored ({@code lookingAt}) at each of them, on a small window. The result is exactly what
 * {@code while (matcher.find())} over the whole text reports, for these reasons:
 * <ul>
 * <li>every match starts with a literal of the {@linkplain #prefixes prefix set} (compared on
 * {@linkplain PolicyPattern#fold folded} text, which only finds more places), so no match is missed;</li>
 * <li>candidates are tried in order from where the previous match ended, as {@code find()} does; the
 * first that matches is the leftmost match, and anchored at its start RE2/J picks the same
 * (leftmost-first) alternative as the unanchored search;</li>
 * <li>the window holds the character before the candidate (matched by a leading {@code (?s:.)}, so
 * {@code \b} sees its real context) and extends one character past the longest match the pattern
 * can have in this text ({@link #maxLength}), so nothing a match depends on is cut off (nor is
 * what {@code ^} and {@code $} under {@code (?m)} look at: the character before and after). An end
 * anchor ({@code \z}, {@code $} without {@code (?m)}) reads a window's end as the text's end, but no
 * match reaches it: a window runs past the longest match, or to the text's end. Patterns with a start
 * anchor ({@code \A}, {@code ^} without {@code (?m)}), or whose longest match is unbounded, are not
 * handled here.</li>
 * </ul>
 * A pattern that no literal starts but every match of which starts at a line's start ({@code (?m)^\s*location:})
 * is tried the same way at the line starts (the region's start and every character after a {@code \n}) that
 * have a required literal within the longest match's reach.
 * Matches are never empty (every match holds a literal), so {@code find()}'s empty-match step does
 * not arise.
 */
final class AnchoredScan {
    /** Beyond this longest-match length the windows would be large: scan normally instead. */
    private static final long MAX_WINDOW = 4_000;

    private final Program program;
    /** The pattern after one character of context, compiled on first use (a cold run needs few). */
    private volatile Pattern shifted;
    /** The literals (folded) one of which every match starts with; null: scan windows around the required literals. */
    private final List<String> prefixes;
    /** The prefixes with their ids in the policy's matcher; null with the prefixes. */
    private final LiteralIds prefixIds;
    /** Per prefix: a {@code \b} precedes it in every way the pattern can start with it. */
    private final boolean[] boundary;
    /**
     * Per prefix: in every way the pattern starts with it, the character after it is never an ASCII word character
     * (white space, punctuation, or a {@code \b} after its last letter): an occurrence followed by one ("work" in
     * "working" for {@code \bwork\s+}) cannot start a match ({@link #nonWordAfter}). Worked out on first use, as a cold
     * run uses few patterns and the policy's load is its critical path.
     */
    private volatile boolean[] wordEnd;
    private final Node tree;
    private final RegexPrefilter prefilter;
    /** Every match starts at a line's start ({@code (?m)^} leads every branch): the candidates are the line starts. */
    private final boolean lineStarts;
    /** What only a search uses, worked out on first use, since a cold run searches with few patterns ({@link #limits()}). */
    private volatile Limits limits;

    /**
     * {@code bound}: the tree's longest match as an expression of the text's runs; {@code needs}: literal sets a
     * match holds one of each of, besides its prefix ({@link #needs}).
     */
    private record Limits(Bound bound, RegexPrefilter[] needs) {
    }
    /**
     * The branches of a top-level alternation, tried at a candidate only where they can match: worked out on
     * first use ({@link Dispatch#NONE}: not an alternation that can be), since a cold run uses few patterns.
     */
    private volatile Dispatch dispatch;

    private AnchoredScan(Program program, Map<String, Boolean> prefixes, Node tree, RegexPrefilter prefilter, boolean lineStarts,
            Dispatch dispatch) {
        this.program = program;
        this.lineStarts = lineStarts;
        this.dispatch = dispatch;
        this.prefixes = prefixes == null ? null : List.copyOf(prefixes.keySet());
        this.prefixIds = this.prefixes == null ? null : new LiteralIds(this.prefixes);
        this.boundary = new boolean[this.prefixes == null ? 0 : this.prefixes.size()];
        for (int k = 0; k < boundary.length; k++) {
            boundary[k] = prefixes.get(this.prefixes.get(k));
        }
        this.tree = tree;
        this.prefilter = prefilter;
    }

    /** Two threads may both work them out; either result is the same, and each sees a whole record. */
    private Limits limits() {
        Limits l = limits;
        if (l == null) {
            l = new Limits(Bound.of(tree), needs(tree, prefixes));
            limits = l;
        }
        return l;
    }

    /** Whether a candidate is tried with only the branches of the alternation that can match there. */
    boolean dispatches() {
        return prefixes != null && dispatch() != Dispatch.NONE;
    }

    private Dispatch dispatch() {
        Dispatch d = dispatch;
        if (d == null) {
            d = Dispatch.of(program);
            dispatch = d;
        }
        return d;
    }

    private boolean[] wordEnd() {
        boolean[] w = wordEnd;
        if (w == null) {
            Map<String, Boolean> ends = nonWordAfter(tree, false);
            w = new boolean[prefixes.size()];
            for (int k = 0; k < w.length; k++) {
                String p = prefixes.get(k);
                // Read only after a prefix that ends with an ASCII word character (where a \b after it says the next is not one).
                w[k] = ends != null && asciiWord(p.charAt(p.length() - 1)) && Boolean.TRUE.equals(ends.get(p));
            }
            wordEnd = w;
        }
        return w;
    }

    private Pattern shifted() {
        Pattern p = shifted;
        if (p == null) {
            p = Pattern.compile("(?s:.)(" + program.regex() + ")", program.flags());
            shifted = p;
        }
        return p;
    }

    /** The scan for a pattern with its syntax tree and prefilter, or null when it cannot be scanned this way. */
    static AnchoredScan of(Program program, Node tree, RegexPrefilter prefilter) {
        if (hasTextStart(tree)) {
            return null;
        }
        Map<String, Boolean> p = prefixes(tree, false);
        if (p == null || p.isEmpty() || p.containsKey("")) {
            // No literal starts every match: try the line starts where every match starts at one, else scan
            // windows around the required literals.
            return prefilter.isNone() ? null : new AnchoredScan(program, null, tree, prefilter, startsAtLineStart(tree), Dispatch.NONE);
        }
        return new AnchoredScan(program, p, tree, prefilter, false, tree instanceof Alt || startsWithAlt(tree) ? null : Dispatch.NONE);
    }

    List<String> prefixes() {
        return prefixes;
    }

    /** Binds the ids of the literals the scan looks up ({@link PolicyPattern#bind}). */
    void bind(PolicyMatcher matcher) {
        if (prefixIds != null) {
            prefixIds.in(matcher);
        }
        Limits l = limits; // not worked out yet: bound on first use instead (LiteralIds)
        if (l != null) {
            for (RegexPrefilter n : l.needs()) {
                n.ids().in(matcher);
            }
        }
    }

    /**
     * The longest match the pattern can have in {@code text}, whose longest runs of {@code \s}
     * characters, digits and word characters are at most {@code runs} ({@link PolicyPattern#runs}),
     * in UTF-16 units; {@link Long#MAX_VALUE} when unbounded.
     */
    long maxLength(String text, int[] runs) {
        return limits().bound().of(new Runs(runs, text));
    }

    /** As {@link #maxLength(String, int[])} for a text in {@code whole}, whose index keeps the longest runs of a set ({@link MatchIndex#longestRun}). */
    private long maxLength(String text, int[] runs, PolicyPattern.Text whole) {
        return limits().bound().of(new Runs(runs, text, whole));
    }

    /**
     * What bounds a run of one kind of character in the text being scanned: the longest runs of
     * white space, digits and word characters (given), and of any small set of characters (counted on demand).
     */
    static final class Runs {
        final int space;
        final int digit;
        /** Unbounded when the text did not count them. */
        final long word;
        private final String text;
        /**
         * Where the text is part of an indexed one: the whole text's longest runs of a set, counted once per
         * posting (a bound for every part of it), instead of once per search of a region.
         */
        private final MatchIndex index;
        private Map<String, Integer> sets;

        Runs(int[] runs, String text) {
            this(runs, text, null);
        }

        /** {@code whole}: the text {@code text} is part of; a set's runs are counted once on it where it is indexed. */
        Runs(int[] runs, String text, PolicyPattern.Text whole) {
            this.space = runs[0];
            this.digit = runs[1];
            this.word = runs.length > 2 ? runs[2] : Long.MAX_VALUE;
            this.text = text;
            this.index = whole instanceof MatchIndex i ? i : null;
        }

        int run(String set) {
            if (index != null) {
                return index.longestRun(set);
            }
            if (sets == null) {
                sets = new java.util.HashMap<>();
            }
            return sets.computeIfAbsent(set, k -> longestRun(text, k));
        }

        /** The longest run in {@code text} of characters of {@code set}. */
        static int longestRun(String text, String set) {
            // ASCII members as a bit mask ([\d,.] has 12): one test per character instead of a search of the set.
            long low = 0;
            long high = 0;
            for (int j = 0; j < set.length(); j++) {
                char c = set.charAt(j);
                if (c < 64) {
                    low |= 1L << c;
                } else if (c < 128) {
                    high |= 1L << (c - 64);
                }
            }
            int best = 0;
            int cur = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean in = c < 64 ? (low & (1L << c)) != 0 : c < 128 ? (high & (1L << (c - 64))) != 0 : set.indexOf(c) >= 0;
                cur = in ? cur + 1 : 0;
                best = Math.max(best, cur);
            }
            return best;
        }
    }

    /**
     * Reports every match in {@code text} as {@code while (find())} would, or returns false (having
     * reported nothing) when this text needs a normal scan. {@code whole} is the text that contains
     * {@code text} at {@code offset} (its folded copy, its runs, and where it is a {@link MatchIndex}
     * the literals' occurrences); {@code runs} bound the runs of white space, digits and word
     * characters in {@code text} ({@link PolicyPattern#runs}).
     */
    boolean findAll(String text, PolicyPattern.Text whole, int offset, int[] runs, MatchSink sink) {
        return scan(text, whole, offset, runs, sink, null) != NEEDS_SCAN_CODE;
    }

    /**
     * The first match in {@code text} (what {@code find()} would report first) with its groups, null
     * when there is none, or {@link #NEEDS_SCAN} when this text needs a normal scan.
     */
    PolicyPattern.Groups first(String text, PolicyPattern.Text whole, int offset, int[] runs) {
        PolicyPattern.Groups[] first = new PolicyPattern.Groups[1];
        int r = scan(text, whole, offset, runs, (s, e) -> { }, first);
        return r == NEEDS_SCAN_CODE ? NEEDS_SCAN : first[0];
    }

    /** What {@link #first} returns when the text needs a normal scan. */
    static final PolicyPattern.Groups NEEDS_SCAN = new PolicyPattern.Groups(new int[0]);

    private static final int NEEDS_SCAN_CODE = -2;

    /**
     * Scans for matches: each goes to {@code sink}, or, when {@code first} is given, only the first,
     * stored there with its groups. Returns -2 when the text needs a normal scan.
     */
    private int scan(String text, PolicyPattern.Text whole, int offset, int[] runs, MatchSink sink,
            PolicyPattern.Groups[] first) {
        if (prefixes == null && !lineStarts) {
            return windows(text, whole, offset, maxLength(text, runs, whole), sink, first);
        }
        int[] candidates = lineStarts ? lineStarts(text) : candidates(text, whole, offset, offset + text.length());
        if (candidates.length == 0) {
            return -1; // most texts, for most patterns: the bound on a match's length is not needed
        }
        long max = maxLength(text, runs, whole);
        // Without a bound on a match's length the window is the rest of the text: still exact, and
        // cheap for a few candidates (an anchored run stops adding work once its threads die).
        if (max > MAX_WINDOW && candidates.length > MAX_UNBOUNDED_CANDIDATES) {
            return NEEDS_SCAN_CODE;
        }
        RegexPrefilter[] needs = limits().needs();
        RegexPrefilter.Cursor[] cursors = new RegexPrefilter.Cursor[needs.length];
        int textEnd = offset + text.length();
        // Groups are numbered across the whole pattern: where they are wanted, every branch is tried.
        Dispatch d = candidates.length == 0 || (first != null && program.get().groupCount() > 0) ? Dispatch.NONE : dispatch();
        Dispatch.Live live = d == Dispatch.NONE ? null : d.live(text, whole, offset, runs);
        int pos = 0;
        for (int c : candidates) {
            if (c < pos || !holds(needs, cursors, whole, offset + c, reach(offset + c, max, textEnd))) {
                continue;
            }
            Dispatch.Sub sub = null; // null: the whole pattern
            if (live != null) {
                long mask = live.at(c);
                if (mask == 0) {
                    continue;
                }
                sub = d.sub(mask);
            }
            int end = max > MAX_WINDOW ? text.length() : (int) Math.min(text.length(), c + max + 1);
            int s;
            int e;
            Matcher m;
            int shift;
            if (c == 0) {
                m = (sub == null ? program.get() : sub.plain()).matcher(new Slice(text, 0, end));
                if (!m.lookingAt()) {
                    continue;
                }
                shift = 0;
                s = m.start();
                e = m.end();
            } else {
                m = (sub == null ? shifted() : sub.shifted()).matcher(new Slice(text, c - 1, end));
                if (!m.lookingAt()) {
                    continue;
                }
                shift = 1;
                // Group 1 is the pattern after the context character, so it starts at c and ends with the match.
                // Asking RE2/J for it would run the match again, with groups; the match's end costs nothing.
                // (The context character is one UTF-16 unit: a candidate is where a literal starts, and no literal
                // starts with a low surrogate, or a line start, after '\n'.)
                s = c;
                e = c - 1 + m.end();
            }
            if (e > s) {
                if (first != null) {
                    // The shifted pattern's group 1 is the whole match, its group g + 1 the pattern's group g.
                    first[0] = PolicyPattern.Groups.of(m, c == 0 ? 0 : c - 1, shift);
                    return s;
                }
                sink.match(s, e);
                pos = e;
            }
        }
        return -1;
    }

    private static final int MAX_UNBOUNDED_CANDIDATES = 32;

    /**
     * The branches of a top-level alternation ({@code \bequal\s+opportunity\s+employer\b|\bEOE\b|\b(?:is|are|as)\s+an?\s+EEO\b}),
     * so that a candidate is tried with only the branches that can match there: one of the branch's own
     * prefixes starts at the candidate (after a word character only when the branch allows it), and one
     * literal of each of its required sets ({@link #needs}) lies within its longest match from there. No other
     * branch can match at the candidate, so leaving them out changes nothing: anchored there, RE2/J's
     * leftmost-first alternation reports the first branch, in the pattern's order, that matches, and the
     * alternation of the live branches keeps that order. A candidate with no live branch is not tried at
     * all. Before this, every "is", "as" and "our" of a posting ran the whole EEO or location alternation
     * through RE2/J's NFA; now "is" runs nothing unless "eeo" follows within the branch's reach.
     */
    private static final class Dispatch {
        /** Not an alternation whose branches can be told apart at a candidate. */
        static final Dispatch NONE = new Dispatch(List.of(), List.of(), List.of(), 0);
        /** At most this many branches (a mask per candidate is a long). */
        private static final int MAX_BRANCHES = 62;
        /** Live-branch combinations compiled per pattern; beyond this a candidate runs the whole pattern. */
        private static final int MAX_COMPILED = 64;

        /** Each branch's source, its syntax tree, its prefixes (folded) with their boundary flags, its required literal sets. */
        private final String[] sources;
        private final Node[] trees;
        /** Each branch's longest match ({@link Bound}). */
        private final Bound[] bounds;
        private final String[][] prefixes;
        private final boolean[][] boundary;
        private final RegexPrefilter[][] needs;
        private final int flags;
        private final long all;
        /**
         * The combinations compiled so far, looked up at every candidate that has live branches: an immutable hash
         * table of longs replaced whole when one is added (at most {@link #MAX_COMPILED}), so a lookup is a probe or
         * two with no lock and no boxing (a ConcurrentHashMap keyed by Long cost a lint ~3% in its get alone).
         */
        private volatile Compiled compiled = Compiled.EMPTY;

        /**
         * Live-branch masks and their alternations, open addressing: a mask at the slot its hash gives or the next
         * free one after it (0, which no live mask is, marks a free slot); the table is at least twice the entries.
         */
        private record Compiled(long[] masks, Sub[] subs, int size) {
            static final Compiled EMPTY = new Compiled(new long[4], new Sub[4], 0);

            Sub get(long mask) {
                long[] m = masks;
                int last = m.length - 1;
                for (int i = slot(mask, last); ; i = (i + 1) & last) {
                    long k = m[i];
                    if (k == mask) {
                        return subs[i];
                    }
                    if (k == 0) {
                        return null;
                    }
                }
            }

            Compiled with(long mask, Sub sub) {
                int capacity = masks.length;
                while (capacity < 2 * (size + 1)) {
                    capacity *= 2;
                }
                long[] m = new long[capacity];
                Sub[] s = new Sub[capacity];
                for (int i = 0; i < masks.length; i++) {
                    if (masks[i] != 0) {
                        put(m, s, masks[i], subs[i]);
                    }
                }
                put(m, s, mask, sub);
                return new Compiled(m, s, size + 1);
            }

            private static void put(long[] m, Sub[] s, long mask, Sub sub) {
                int last = m.length - 1;
                int i = slot(mask, last);
                while (m[i] != 0) {
                    i = (i + 1) & last;
                }
                m[i] = mask;
                s[i] = sub;
            }

            private static int slot(long mask, int last) {
                return (int) ((mask * 0x9E3779B97F4A7C15L) >>> 40) & last;
            }
        }

        /** A live-branch alternation, plain and after one character of context (as {@link AnchoredScan#shifted}). */
        record Sub(Pattern plain, Pattern shifted) {
        }

        private Dispatch(List<String> sources, List<Node> trees, List<Map<String, Boolean>> prefixes, int flags) {
            int n = sources.size();
            this.sources = sources.toArray(String[]::new);
            this.trees = trees.toArray(Node[]::new);
            this.bounds = new Bound[n];
            this.prefixes = new String[n][];
            this.boundary = new boolean[n][];
            this.needs = new RegexPrefilter[n][];
            for (int b = 0; b < n; b++) {
                Map<String, Boolean> p = prefixes.get(b);
                this.prefixes[b] = p.keySet().toArray(String[]::new);
                this.boundary[b] = new boolean[this.prefixes[b].length];
                for (int k = 0; k < this.prefixes[b].length; k++) {
                    this.boundary[b][k] = p.get(this.prefixes[b][k]);
                }
                this.needs[b] = AnchoredScan.needs(this.trees[b], p.keySet());
                this.bounds[b] = Bound.of(this.trees[b]);
            }
            this.flags = flags;
            this.all = (1L << n) - 1; // n is at most MAX_BRANCHES
        }

        /**
         * The dispatch of an alternation whose every branch starts with known literals, or of a group of such an
         * alternation after assertions only ({@code \b(?:USAJOBS|competitive\s+service|...)\b}, read as the
         * alternation {@code \b(?:USAJOBS)\b|\b(?:competitive\s+service)\b|...}: {@link RegexSyntax#groupBranches}), or
         * {@link #NONE}. Worked out on the pattern's first search, which needs its program anyway.
         */
        static Dispatch of(Program program) {
            List<String> sources = RegexSyntax.topLevelBranches(program.regex());
            if (sources == null && program.get().groupCount() == 0) {
                sources = RegexSyntax.groupBranches(program.regex());
            }
            if (sources == null || sources.size() < 2 || sources.size() > MAX_BRANCHES) {
                return NONE;
            }
            List<Node> trees = new java.util.ArrayList<>();
            List<Map<String, Boolean>> prefixes = new java.util.ArrayList<>();
            for (String b : sources) {
                Node t;
                try {
                    t = RegexSyntax.parse(b);
                } catch (RuntimeException | StackOverflowError e) {
                    return NONE;
                }
                Map<String, Boolean> p = prefixes(t, false);
                if (p == null || p.isEmpty() || p.containsKey("") || hasTextStart(t)) {
                    return NONE;
                }
                trees.add(t);
                prefixes.add(p);
            }
            return new Dispatch(sources, trees, prefixes, program.flags());
        }

        /** The alternation of the branches in {@code mask}, or null for all of them (the pattern itself) or too many combinations. */
        Sub sub(long mask) {
            if (mask == all) {
                return null;
            }
            Sub s = compiled.get(mask);
            if (s == null) {
                if (compiled.size() >= MAX_COMPILED) {
                    return null;
                }
                StringBuilder body = new StringBuilder();
                for (int b = 0; b < sources.length; b++) {
                    if ((mask & (1L << b)) != 0) {
                        // A group of its own: a branch's leading flags ((?i)) stay within it.
                        body.append(body.length() == 0 ? "" : "|").append("(?:").append(sources[b]).append(')');
                    }
                }
                try {
                    s = new Sub(Pattern.compile(body.toString(), flags), Pattern.compile("(?s:.)(" + body + ")", flags));
                } catch (RuntimeException e) {
                    return null; // cannot happen for branches of a valid pattern; the whole pattern is always right
                }
                s = add(mask, s);
            }
            return s;
        }

        /** Adds a compiled combination unless another thread added the same one first (whose alternation is then used). */
        private synchronized Sub add(long mask, Sub sub) {
            Sub had = compiled.get(mask);
            if (had != null) {
                return had;
            }
            compiled = compiled.with(mask, sub);
            return sub;
        }

        Live live(String text, PolicyPattern.Text whole, int offset, int[] runs) {
            return new Live(text, whole, offset, runs);
        }

        /** The live branches at the candidates of one text, visited in increasing order. */
        final class Live {
            private final String text;
            private final String folded;
            private final PolicyPattern.Text whole;
            private final int offset;
            private final Runs runs;
            /** Per branch: its longest match in this text, worked out with its cursors, when a candidate first needs them. */
            private final long[] max;
            private final RegexPrefilter.Cursor[][] cursors;

            Live(String text, PolicyPattern.Text whole, int offset, int[] runs) {
                this.text = text;
                this.folded = whole.folded();
                this.whole = whole;
                this.offset = offset;
                this.runs = new Runs(runs, text, whole);
                this.max = new long[trees.length];
                this.cursors = new RegexPrefilter.Cursor[trees.length][];
            }

            /** The branches that can match at {@code c} (relative to the text), as a mask. */
            long at(int c) {
                long mask = 0;
                int at = offset + c;
                int end = offset + text.length();
                boolean afterWord = c > 0 && asciiWord(text.charAt(c - 1)) && asciiWord(text.charAt(c));
                for (int b = 0; b < prefixes.length; b++) {
                    String[] p = prefixes[b];
                    boolean starts = false;
                    for (int k = 0; k < p.length && !starts; k++) {
                        starts = at + p[k].length() <= end && folded.startsWith(p[k], at) && !(boundary[b][k] && afterWord);
                    }
                    if (!starts) {
                        continue;
                    }
                    if (needs[b].length > 0) {
                        if (cursors[b] == null) {
                            cursors[b] = new RegexPrefilter.Cursor[needs[b].length];
                            max[b] = bounds[b].of(runs);
                        }
                        if (!holds(needs[b], cursors[b], whole, at, reach(at, max[b], end))) {
                            continue;
                        }
                    }
                    mask |= 1L << b;
                }
                return mask;
            }
        }
    }

    /**
     * What a match starting at a candidate must hold besides the prefix it starts with: each set of
     * literals every match contains one of ({@link RegexPrefilter#requiredSets}), leaving out a set that
     * holds every prefix (the candidate's own prefix is one of them). A match is at most the longest
     * match long, so a candidate without one of each set that close cannot start one: "in" is tried for
     * {@code \b(?:in|at)\s+[A-Z][a-z]+,\s+[A-Z]{2}} only where a comma follows within its reach, a phrase
     * "abilities analytical" only where "analytical" does.
     */
    static RegexPrefilter[] needs(Node tree, java.util.Collection<String> prefixes) {
        List<RegexPrefilter> out = new java.util.ArrayList<>();
        for (Set<String> set : RegexPrefilter.requiredSets(tree)) {
            if (prefixes == null || !set.containsAll(prefixes)) {
                out.add(RegexPrefilter.ofLiterals(set));
            }
        }
        return out.toArray(RegexPrefilter[]::new);
    }

    /** Where a match starting at {@code at} and at most {@code max} long (Long.MAX_VALUE: unbounded) ends at the latest. */
    private static int reach(int at, long max, int end) {
        return max >= end - at ? end : (int) (at + max);
    }

    /** Whether one literal of each of {@code needs} lies within {@code [from, to)} of the whole text (cursors made on first use). */
    static boolean holds(RegexPrefilter[] needs, RegexPrefilter.Cursor[] cursors, PolicyPattern.Text whole, int from, int to) {
        for (int k = 0; k < needs.length; k++) {
            if (cursors[k] == null) {
                cursors[k] = needs[k].cursor(whole);
            }
            if (!cursors[k].mayMatch(from, to)) {
                return false;
            }
        }
        return true;
    }

    /**
     * For patterns whose required literals ({@link RegexPrefilter}) may stand anywhere in a match:
     * every match contains an occurrence of one and, being at most {@code max} long, lies within
     * {@code max} characters of it. So find() runs only on windows around the occurrences, merged,
     * and widened until the character outside each end is not an ASCII word character (so {@code \b}
     * and {@code \B} at a window's edge read as in the whole text; text anchors never reach here).
     * A match cannot cross from one window to another (its own window would contain both), so the
     * matches are those of find() over the whole text, in the same order. Nor can the window's edge
     * make a match that the whole text does not have, by {@code ^} or {@code $} under {@code (?m)} (or
     * {@code \b}) reading the edge as the text's end: such a match would hold a literal within
     * {@code max} of the edge, whose own window reaches past it. The same holds for an end anchor
     * ({@code \z}, {@code $} without {@code (?m)}) at a window's end before the text's end.
     */
    private int windows(String text, PolicyPattern.Text whole, int offset, long max, MatchSink sink, PolicyPattern.Groups[] first) {
        List<String> literals = prefilter.literals();
        int n = text.length();
        if (max > MAX_WINDOW || literals.isEmpty()) {
            return NEEDS_SCAN_CODE;
        }
        long[] spans = new long[16];
        int count = 0;
        int[][] indexed = prefilter.ids().occurrences(whole);
        for (int j = 0; j < literals.size(); j++) {
            String l = literals.get(j);
            Occurrences at = new Occurrences(whole, l, indexed[j], offset, offset + n);
            for (int o = at.next(); o >= 0; o = at.next()) {
                int rel = o - offset;
                int a = (int) Math.max(0, rel - max);
                int b = (int) Math.min(n, rel + l.length() + max);
                if (count == spans.length) {
                    spans = Arrays.copyOf(spans, count * 2);
                }
                spans[count++] = ((long) a << 32) | b;
            }
        }
        if (count == 0) {
            return -1;
        }
        Arrays.sort(spans, 0, count);
        int pos = 0;
        int i = 0;
        long covered = 0;
        int[] ws = new int[count];
        int[] we = new int[count];
        int w = 0;
        while (i < count) {
            int a = (int) (spans[i] >>> 32);
            int b = (int) spans[i];
            i++;
            while (true) {
                while (a > 0 && asciiWord(text.charAt(a - 1))) {
                    a--;
                }
                while (b < n && asciiWord(text.charAt(b))) {
                    b++;
                }
                if (i < count && (int) (spans[i] >>> 32) <= b) {
                    b = Math.max(b, (int) spans[i]);
                    i++;
                    continue;
                }
                break;
            }
            if (w > 0 && a <= we[w - 1]) {
                we[w - 1] = Math.max(we[w - 1], b);
            } else {
                ws[w] = a;
                we[w] = b;
                w++;
            }
        }
        for (int k = 0; k < w; k++) {
            covered += we[k] - ws[k];
        }
        if (covered > n / 2) {
            return NEEDS_SCAN_CODE; // windows cover most of the text: a plain scan is as cheap
        }
        for (int k = 0; k < w; k++) {
            if (we[k] <= pos) {
                continue;
            }
            int a = ws[k];
            Matcher m = program.get().matcher(new Slice(text, a, we[k]));
            boolean found = m.find(Math.max(a, pos) - a);
            while (found) {
                if (m.end() > m.start()) {
                    if (first != null) {
                        first[0] = PolicyPattern.Groups.of(m, a, 0);
                        return a + m.start();
                    }
                    sink.match(a + m.start(), a + m.end());
                }
                pos = a + m.end();
                found = m.find();
            }
        }
        return -1;
    }

    /** A part of a string as a CharSequence, without copying it. */
    private record Slice(String s, int from, int to) implements CharSequence {
        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            return s.charAt(from + index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.substring(from + start, from + end);
        }

        @Override
        public String toString() {
            return s.substring(from, to);
        }
    }

    /** Where the lines of {@code text} start: 0 and every offset after a {@code \n} (the text's end included). */
    private static int[] lineStarts(String text) {
        int[] out = new int[16];
        out[0] = 0;
        int n = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = i + 1;
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Offsets (relative to {@code from}) where a prefix occurs entirely within {@code [from, to)},
     * sorted. Where the pattern puts {@code \b} before a prefix that starts with an ASCII word
     * character, an occurrence right after another ASCII word character cannot start a match
     * (RE2's {@code \b} is ASCII) and is left out; one at the text's start always stays in.
     */
    private int[] candidates(String text, PolicyPattern.Text whole, int from, int to) {
        int[] out = new int[16];
        int n = 0;
        int contributing = 0;
        int[][] indexed = prefixIds.occurrences(whole);
        boolean[] ends = wordEnd();
        for (int k = 0; k < prefixes.size(); k++) {
            String p = prefixes.get(k);
            int before = n;
            int[] occ = indexed[k];
            if (occ != null) { // the index's occurrences, read in place
                for (int i = MatchIndex.firstAtOrAfter(occ, from); i < occ.length && occ[i] + p.length() <= to; i++) {
                    int rel = occ[i] - from;
                    if (!(boundary[k] && rel > 0 && asciiWord(text.charAt(rel)) && asciiWord(text.charAt(rel - 1)))
                            && !(ends[k] && wordAfter(text, rel + p.length()))) {
                        if (n == out.length) {
                            out = Arrays.copyOf(out, n * 2);
                        }
                        out[n++] = rel;
                    }
                }
            } else {
                Occurrences at = new Occurrences(whole, p, null, from, to);
                for (int o = at.next(); o >= 0; o = at.next()) {
                    int rel = o - from;
                    if (!(boundary[k] && rel > 0 && asciiWord(text.charAt(rel)) && asciiWord(text.charAt(rel - 1)))
                            && !(ends[k] && wordAfter(text, rel + p.length()))) {
                        if (n == out.length) {
                            out = Arrays.copyOf(out, n * 2);
                        }
                        out[n++] = rel;
                    }
                }
            }
            contributing += n > before ? 1 : 0;
        }
        if (contributing < 2) {
            return Arrays.copyOf(out, n); // one prefix's occurrences: already in order, each once
        }
        Arrays.sort(out, 0, n);
        int m = 0; // a prefix of another prefix ("rock", "rockstar") gives the same candidate twice: try it once
        for (int i = 0; i < n; i++) {
            if (m == 0 || out[m - 1] != out[i]) {
                out[m++] = out[i];
            }
        }
        return Arrays.copyOf(out, m);
    }

    /**
     * The occurrences of a folded literal that lie entirely within {@code [from, to)} of a text, in
     * order: looked up where the text is indexed, else found with {@code indexOf}.
     */
    private static final class Occurrences {
        private final String folded;
        private final String literal;
        private final int to;
        private final int[] indexed;
        private int k;
        private int at;

        /** {@code indexed}: the literal's occurrences in {@code whole}'s index, or null when it has none. */
        Occurrences(PolicyPattern.Text whole, String literal, int[] indexed, int from, int to) {
            this.literal = literal;
            this.to = to;
            this.indexed = indexed;
            this.folded = indexed == null ? whole.folded() : null;
            if (indexed != null) {
                k = MatchIndex.firstAtOrAfter(indexed, from);
            } else {
                at = folded.indexOf(literal, from);
            }
        }

        /** The next occurrence's offset in the whole text, or -1. */
        int next() {
            int o;
            if (indexed != null) {
                o = k < indexed.length ? indexed[k++] : -1;
            } else {
                o = at;
                if (o >= 0) {
                    at = folded.indexOf(literal, o + 1);
                }
            }
            return o >= 0 && o + literal.length() <= to ? o : -1;
        }
    }

    /** Whether an ASCII word character ends at {@code end} and another follows it: RE2's {@code \b} does not hold there. */
    private static boolean wordAfter(String text, int end) {
        return end < text.length() && asciiWord(text.charAt(end)) && asciiWord(text.charAt(end - 1));
    }

    private static boolean asciiWord(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    // ---- what the syntax tree tells: the literals a match starts with, and its longest length ----

    private static Map<String, Boolean> one(String literal, boolean boundary) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        // The flag is only useful (and only used) when the literal starts with an ASCII word character.
        m.put(literal, boundary && asciiWord(literal.charAt(0)));
        return m;
    }

    /** Both sets of prefixes; a literal keeps its boundary flag only if every way to it has one. */
    /** The union of {@code each}'s maps for every item, in order; null when any is null (unknown). */
    private static <T> Map<String, Boolean> unionAll(Iterable<T> items, java.util.function.Function<T, Map<String, Boolean>> each) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (T x : items) {
            Map<String, Boolean> p = each.apply(x);
            if (p == null) {
                return null;
            }
            out = union(out, p);
        }
        return out;
    }

    /** The folded characters of the run of literal parts from {@code i} on (one character per part). */
    private static String literalRun(List<Node> parts, int i) {
        StringBuilder run = new StringBuilder();
        for (; i < parts.size() && RegexPrefilter.literal(parts.get(i)); i++) {
            run.append(RegexPrefilter.foldChar((char) ((Lit) parts.get(i)).cp()));
        }
        return run.toString();
    }

    private static Map<String, Boolean> union(Map<String, Boolean> a, Map<String, Boolean> b) {
        Map<String, Boolean> out = new LinkedHashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Boolean::logicalAnd));
        return out;
    }

    /**
     * Literals one of which every match of {@code n} starts with, each with whether a {@code \b}
     * certainly precedes it ({@code boundary}: one was seen just before this node); null when unknown.
     */
    static Map<String, Boolean> prefixes(Node n, boolean boundary) {
        if (n instanceof Lit l) {
            return RegexPrefilter.literal(l) ? one(String.valueOf(RegexPrefilter.foldChar((char) l.cp())), boundary) : null;
        }
        if (n instanceof Cat c) {
            return prefixesFrom(c.parts(), 0, boundary);
        }
        if (n instanceof Alt a) {
            return unionAll(a.alternatives(), x -> prefixes(x, boundary));
        }
        if (n instanceof Repeat r) {
            return r.min() >= 1 ? prefixes(r.inner(), boundary) : null;
        }
        Set<String> set = RegexPrefilter.smallSet(n);
        if (set != null) { // [$€£]: a match starts with one of a few characters, as with an alternation of literals
            return unionAll(set, c -> one(c, boundary));
        }
        return null; // another class or an assertion
    }

    /**
     * What the parts from {@code i} on start with: a run of literals; or, after an optional part
     * such as {@code (?:u\.?s\.?\s+)?}, either what that part starts with or what follows it.
     */
    private static Map<String, Boolean> prefixesFrom(List<Node> parts, int i, boolean boundary) {
        while (i < parts.size() && zeroWidth(parts.get(i))) {
            if (parts.get(i) instanceof Assert a && a.wordBoundary()) {
                boundary = true;
            }
            i++;
        }
        if (i == parts.size()) {
            return null;
        }
        if (RegexPrefilter.literal(parts.get(i))) {
            return one(literalRun(parts, i), boundary);
        }
        if (parts.get(i) instanceof Repeat r && r.min() == 0) {
            Map<String, Boolean> inner = zeroWidth(r.inner()) ? null : prefixes(r.inner(), boundary);
            Map<String, Boolean> rest = prefixesFrom(parts, i + 1, boundary);
            return inner == null || rest == null ? null : union(inner, rest);
        }
        return prefixes(parts.get(i), boundary);
    }

    /**
     * The prefixes of {@link #prefixes} (the same literals, found the same way), each with whether, in every way the
     * pattern starts with it, the first character after it is certainly not an ASCII word character, or a {@code \b}
     * comes first (which, after a prefix that ends with an ASCII word character, says the same). {@code after}: whether
     * that holds for what follows {@code n}. Null where {@link #prefixes} is.
     */
    static Map<String, Boolean> nonWordAfter(Node n, boolean after) {
        if (n instanceof Lit l) {
            return RegexPrefilter.literal(l) ? one(String.valueOf(RegexPrefilter.foldChar((char) l.cp())), after) : null;
        }
        if (n instanceof Cat c) {
            return nonWordAfterFrom(c.parts(), 0, after);
        }
        if (n instanceof Alt a) {
            return unionAll(a.alternatives(), x -> nonWordAfter(x, after));
        }
        if (n instanceof Repeat r) {
            // After the inner part's prefix: the rest of that part, then another repetition or what follows.
            return r.min() >= 1 ? nonWordAfter(r.inner(), r.max() == 1 ? after : after && nonWordFirst(r.inner(), after)) : null;
        }
        Set<String> set = RegexPrefilter.smallSet(n);
        if (set != null) {
            return unionAll(set, c -> one(c, after));
        }
        return null;
    }

    /** As {@link #prefixesFrom}, for {@link #nonWordAfter}. */
    private static Map<String, Boolean> nonWordAfterFrom(List<Node> parts, int i, boolean after) {
        while (i < parts.size() && zeroWidth(parts.get(i))) {
            i++;
        }
        if (i == parts.size()) {
            return null;
        }
        if (RegexPrefilter.literal(parts.get(i))) {
            String run = literalRun(parts, i);
            return one(run, nonWordFirst(parts, i + run.length(), after)); // one character per literal part
        }
        if (parts.get(i) instanceof Repeat r && r.min() == 0) {
            Map<String, Boolean> inner = zeroWidth(r.inner()) ? null
                    : nonWordAfter(r.inner(), r.max() == 1 && nonWordFirst(parts, i + 1, after));
            Map<String, Boolean> rest = nonWordAfterFrom(parts, i + 1, after);
            return inner == null || rest == null ? null : union(inner, rest);
        }
        return nonWordAfter(parts.get(i), nonWordFirst(parts, i + 1, after));
    }

    /**
     * Whether the first character matched from part {@code i} of {@code parts} on (then, if they can all match
     * nothing, whatever follows: {@code after}) is certainly not an ASCII word character, or a {@code \b} is met first.
     */
    private static boolean nonWordFirst(List<Node> parts, int i, boolean after) {
        if (i == parts.size()) {
            return after;
        }
        Node p = parts.get(i);
        if (p instanceof Assert a) {
            return a.wordBoundary() || nonWordFirst(parts, i + 1, after);
        }
        if (zeroWidth(p)) {
            return nonWordFirst(parts, i + 1, after);
        }
        return nonWordFirst(p, nonWordFirst(parts, i + 1, after));
    }

    /** As {@link #nonWordFirst(List, int, boolean)} for one node followed by what {@code after} describes. */
    private static boolean nonWordFirst(Node n, boolean after) {
        if (n instanceof Lit l) {
            int c = l.fold() && l.cp() < 0x10000 ? RegexPrefilter.foldChar((char) l.cp()) : l.cp();
            return !(l.fold() && l.cp() >= 0x10000) && !(c < 128 && asciiWord((char) c));
        }
        if (n instanceof Cls c) {
            return switch (c.kind()) {
                case SPACE -> true;
                case SET -> c.set().chars().noneMatch(x -> x < 128 && asciiWord((char) x));
                case DIGIT, WORD, OTHER -> false;
            };
        }
        if (n instanceof Cat c) {
            return nonWordFirst(c.parts(), 0, after);
        }
        if (n instanceof Alt a) {
            return a.alternatives().stream().allMatch(x -> nonWordFirst(x, after));
        }
        if (n instanceof Repeat r) {
            return nonWordFirst(r.inner(), after) && (r.min() >= 1 || after);
        }
        return n instanceof Assert a && a.wordBoundary() || after; // another assertion: what follows it
    }

    /** Whether {@code n} is a sequence whose first part of any width is an alternation ({@code \b(?:a|b)c}). */
    private static boolean startsWithAlt(Node n) {
        if (n instanceof Cat c) {
            for (Node p : c.parts()) {
                if (!zeroWidth(p)) {
                    return p instanceof Alt;
                }
            }
        }
        return false;
    }

    /** Whether {@code n} matches only the empty string (assertions). */
    private static boolean zeroWidth(Node n) {
        if (n instanceof Cat c) {
            return c.parts().stream().allMatch(AnchoredScan::zeroWidth);
        }
        if (n instanceof Alt a) {
            return a.alternatives().stream().allMatch(AnchoredScan::zeroWidth);
        }
        return n instanceof Assert || (n instanceof Repeat r && zeroWidth(r.inner()));
    }

    /** Whether every match of {@code n} starts at a line's start: a {@code (?m)^} before anything of width leads every branch. */
    static boolean startsAtLineStart(Node n) {
        if (n instanceof Assert a) {
            return a.line() == '^';
        }
        if (n instanceof Cat c) {
            for (Node p : c.parts()) {
                if (startsAtLineStart(p)) {
                    return true;
                }
                if (!zeroWidth(p)) {
                    return false;
                }
            }
            return false;
        }
        if (n instanceof Alt a) {
            return a.alternatives().stream().allMatch(AnchoredScan::startsAtLineStart);
        }
        return n instanceof Repeat r && r.min() >= 1 && startsAtLineStart(r.inner());
    }

    /** Whether {@code n} tests the text's start ({@code \A}, {@code ^} without {@code (?m)}); end anchors are fine (see {@link #windows}). */
    private static boolean hasTextStart(Node n) {
        // Loops, not streams: every pattern of a policy is asked when it loads, in a cold JVM.
        if (n instanceof Cat c) {
            for (Node p : c.parts()) {
                if (hasTextStart(p)) {
                    return true;
                }
            }
            return false;
        }
        if (n instanceof Alt a) {
            for (Node p : a.alternatives()) {
                if (hasTextStart(p)) {
                    return true;
                }
            }
            return false;
        }
        return n instanceof Assert a ? a.textAnchor() && !a.textEnd() : n instanceof Repeat r && hasTextStart(r.inner());
    }

    /** The longest match of {@code n} in UTF-16 units, given the text's runs; Long.MAX_VALUE when unbounded. */
    static long max(Node n, Runs runs) {
        if (n instanceof Lit l) {
            // Under (?i) a letter outside ASCII might fold to a supplementary character: count two.
            return l.cp() >= 0x10000 || (l.fold() && l.cp() >= 128) ? 2 : 1;
        }
        if (n instanceof Cls c) {
            return c.width();
        }
        if (n instanceof Cat c) {
            long sum = 0;
            for (Node p : c.parts()) {
                long m = max(p, runs);
                if (m == Long.MAX_VALUE) {
                    return m;
                }
                sum += m;
            }
            return sum;
        }
        if (n instanceof Alt a) {
            long m = 0;
            for (Node x : a.alternatives()) {
                m = Math.max(m, max(x, runs));
            }
            return m;
        }
        if (n instanceof Repeat r) {
            if (r.max() >= 0) {
                long m = max(r.inner(), runs);
                return m == Long.MAX_VALUE ? m : m * r.max();
            }
            return run(r.inner(), runs);
        }
        return 0; // an assertion
    }

    /**
     * The longest match of a syntax tree ({@link #max}) as an expression of the text's runs, put together once
     * when the pattern is analysed: the constant parts are added up then, so that a search evaluates a
     * handful of nodes ({@code \b(?:is|are|as)\s+an?\s+EEO\b} is 9 plus twice the longest run of white space)
     * instead of walking the whole tree, which it did for every region and every branch of an alternation.
     * Gives exactly what {@link #max} gives.
     */
    sealed interface Bound {
        long of(Runs runs);

        /** The bound of {@code n}. */
        static Bound of(Node n) {
            if (n instanceof Cat c) {
                long sum = 0;
                List<Bound> parts = new java.util.ArrayList<>();
                for (Node p : c.parts()) {
                    Bound b = of(p);
                    if (b instanceof Const k) {
                        if (k.value == Long.MAX_VALUE) {
                            return k;
                        }
                        sum += k.value;
                    } else {
                        parts.add(b);
                    }
                }
                return parts.isEmpty() ? new Const(sum) : new Sum(sum, parts.toArray(Bound[]::new));
            }
            if (n instanceof Alt a) {
                long most = 0;
                List<Bound> parts = new java.util.ArrayList<>();
                for (Node x : a.alternatives()) {
                    Bound b = of(x);
                    if (b instanceof Const k) {
                        most = Math.max(most, k.value);
                    } else {
                        parts.add(b);
                    }
                }
                return most == Long.MAX_VALUE || parts.isEmpty() ? new Const(most) : new Most(most, parts.toArray(Bound[]::new));
            }
            if (n instanceof Repeat r) {
                if (r.max() < 0) {
                    return runBound(r.inner());
                }
                Bound inner = of(r.inner());
                if (inner instanceof Const k) {
                    return new Const(k.value == Long.MAX_VALUE ? k.value : k.value * r.max());
                }
                return new Times(r.max(), inner);
            }
            if (n instanceof Lit || n instanceof Cls) {
                return new Const(max(n, null)); // independent of the text
            }
            return new Const(0); // an assertion
        }

        /** As {@link #run}: the longest run of one kind of character, read from the text's runs. */
        private static Bound runBound(Node n) {
            if (n instanceof Cls c) {
                return switch (c.kind()) {
                    case SPACE -> new SpaceRun();
                    case DIGIT -> new DigitRun();
                    case SET -> new SetRun(c.set());
                    case WORD -> new WordRun();
                    case OTHER -> new Const(Long.MAX_VALUE);
                };
            }
            if (n instanceof Lit l && l.cp() < 0x10000 && RegexPrefilter.caseless((char) l.cp())) {
                char c = (char) l.cp();
                return " \n\t\r\f".indexOf(c) >= 0 ? new SpaceRun() : c >= '0' && c <= '9' ? new DigitRun() : new SetRun(String.valueOf(c));
            }
            if (n instanceof Lit l && l.cp() < 128 && asciiWord((char) l.cp())) {
                return new WordRun();
            }
            return new Const(Long.MAX_VALUE);
        }

        record Const(long value) implements Bound {
            @Override
            public long of(Runs runs) {
                return value;
            }
        }

        /** {@code constant} plus each part's bound; unbounded when one is. */
        record Sum(long constant, Bound[] parts) implements Bound {
            @Override
            public long of(Runs runs) {
                long sum = constant;
                for (Bound p : parts) {
                    long m = p.of(runs);
                    if (m == Long.MAX_VALUE) {
                        return m;
                    }
                    sum += m;
                }
                return sum;
            }
        }

        /** The largest of {@code constant} and the parts' bounds. */
        record Most(long constant, Bound[] parts) implements Bound {
            @Override
            public long of(Runs runs) {
                long m = constant;
                for (Bound p : parts) {
                    m = Math.max(m, p.of(runs));
                }
                return m;
            }
        }

        /** {@code times} copies of the inner bound. */
        record Times(long times, Bound inner) implements Bound {
            @Override
            public long of(Runs runs) {
                long m = inner.of(runs);
                return m == Long.MAX_VALUE ? m : m * times;
            }
        }

        record SpaceRun() implements Bound {
            @Override
            public long of(Runs runs) {
                return runs.space;
            }
        }

        record DigitRun() implements Bound {
            @Override
            public long of(Runs runs) {
                return runs.digit;
            }
        }

        record WordRun() implements Bound {
            @Override
            public long of(Runs runs) {
                return runs.word;
            }
        }

        record SetRun(String set) implements Bound {
            @Override
            public long of(Runs runs) {
                return runs.run(set);
            }
        }
    }

    /** The longest run of {@code n} (a single character) in the text: a run of one kind is no longer than the text's. */
    private static long run(Node n, Runs runs) {
        if (n instanceof Cls c) {
            return switch (c.kind()) {
                case SPACE -> runs.space;
                case DIGIT -> runs.digit;
                case SET -> runs.run(c.set());
                case WORD -> runs.word;
                case OTHER -> Long.MAX_VALUE;
            };
        }
        if (n instanceof Lit l && l.cp() < 0x10000 && RegexPrefilter.caseless((char) l.cp())) {
            char c = (char) l.cp();
            return " \n\t\r\f".indexOf(c) >= 0 ? runs.space : c >= '0' && c <= '9' ? runs.digit : runs.run(String.valueOf(c));
        }
        if (n instanceof Lit l && l.cp() < 128 && asciiWord((char) l.cp())) {
            return runs.word; // an ASCII letter and its (?i) partners are word characters
        }
        return Long.MAX_VALUE;
    }
}

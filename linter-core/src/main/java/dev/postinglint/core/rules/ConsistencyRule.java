package dev.postinglint.core.rules;

import dev.postinglint.core.model.DriftGroup;
import dev.postinglint.core.posting.Heading;
import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.posting.TextRegion;
import dev.postinglint.core.regex.PolicyPattern;
import dev.postinglint.core.source.Position;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceSpan;
import dev.postinglint.core.text.WordDiff;
import dev.postinglint.core.text.Words;
import dev.postinglint.core.yaml.YamlMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * (otherwise it is different content, such as each job's own duties); {@code ignore:} patterns are
 * removed before comparing (recruiter tags, pay figures). Per posting it keeps only a compact
 * {@link Seen}: the display text (shared between postings that use the same text), the normalized text only
 * where it cannot be made again from the display text, and where the block is.
 */
final class ConsistencyRule implements CorpusRule<List<ConsistencyRule.Seen>> {
    enum GroupBy { SCOPE, HEADING, LEADING_WORDS }

    private final RuleInfo info;
    private final String block;
    private final GroupBy groupBy;
    private final int leadingWords;
    private final int minPostings;
    private final int minWords;
    private final double threshold;
    private final List<PolicyPattern> ignore;
    private final SharedBlocks shared;

    ConsistencyRule(RuleInfo info, String block, GroupBy groupBy, int leadingWords, int minPostings, int minWords, double threshold,
            List<PolicyPattern> ignore) {
        this.ignore = ignore;
        this.shared = new SharedBlocks(ignore);
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

    /** The ignore patterns: each posting's blocks are searched for them through the policy's literal index. */
    @Override
    public List<PolicyPattern> ownPatterns() {
        return ignore;
    }

    @Override
    public void check(RuleContext ctx, FindingSink sink) {
        // Nothing to say about one posting alone: see finish().
    }

    /**
     * One block of one posting: its group key and label, display text, place, and when the board or front matter
     * says so, the day the posting was last updated. A whole-corpus run keeps about 112,000 of these until its
     * end, so they are compact: strings are shared between postings (one copy per group for the run, {@link GroupTexts}); the text compared
     * is kept ({@code ownText}: the blocks' texts with the pattern's matches replaced, joined by white space) only
     * when an {@code ignore:} pattern changed it, since otherwise it is the display text; either is normalized
     * ({@link Words#normalized}) only when judging, for the groups that can report; the span and the date are
     * plain numbers, not objects.
     */
    record Seen(String key, String label, String text, String ownText, int startOffset, int endOffset, int startLine, int startColumn,
            int endLine, int endColumn, SourceLine line, long updatedDay) {
        static final long UNDATED = Long.MIN_VALUE;

        SourceSpan span() {
            return new SourceSpan(startOffset, endOffset, new Position(startLine, startColumn), new Position(endLine, endColumn));
        }

        /** The day the posting was last updated, or null when not known. */
        LocalDate updated() {
            return updatedDay == UNDATED ? null : LocalDate.ofEpochDay(updatedDay);
        }
    }

    @Override
    public Run<List<Seen>> startRun() {
        // Each group keeps one copy of each of its texts, for this run only. Presized: a run of a few thousand postings
        // makes thousands of groups and heading names, and each doubling of a map rehashes every key (a cache miss
        // each); an empty map's table is made at its first key, 64 KB at this size.
        Map<String, GroupTexts> groups = new ConcurrentHashMap<>(INITIAL_GROUPS);
        Map<String, GroupName> headingNames = new ConcurrentHashMap<>(INITIAL_GROUPS);
        return new Run<>() {
            @Override
            public List<Seen> observe(RuleContext ctx) {
                return ConsistencyRule.this.observe(ctx, groups, headingNames);
            }

            @Override
            public void finish(List<Observation<List<Seen>>> observations, Workers workers, CorpusSink sink) {
                judgeAll(observations, null, workers, sink);
            }

            @Override
            public void finish(List<Observation<List<Seen>>> observations, Set<String> only, Workers workers, CorpusSink sink) {
                judgeAll(observations, only, workers, sink); // groups are judged independently: only theirs matter
            }
        };
    }

    /** The groups (and heading names) a run's maps hold before they first grow. */
    private static final int INITIAL_GROUPS = 8192;

    /** The key under which the consistency rules with these {@code ignore:} patterns share a posting's {@link ComparedBlocks}. */
    private record SharedBlocks(List<PolicyPattern> ignore) {
        // Written out, with the generated values: a record's generated equals and hashCode are linked by
        // invokedynamic on first use, which costs a cold one-file check about 40 ms of CPU (docs/BENCHMARKS.md,
        // "Round 8: cold start on Java 17"); this key is the first record a lint hashes.
        @Override
        public boolean equals(Object other) {
            return other instanceof SharedBlocks o && java.util.Objects.equals(ignore, o.ignore);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hashCode(ignore);
        }
    }

    /** A heading's group and label (one copy of each for the run). */
    private record GroupName(GroupTexts group, String label) {
    }

    /** The run's group of {@code key}, made by the first posting that has it. */
    private static GroupTexts group(Map<String, GroupTexts> groups, String key) {
        GroupTexts g = groups.get(key); // Speed: lock-free; most keys are there
        return g != null ? g : groups.computeIfAbsent(key, GroupTexts::new);
    }

    /**
     * The group key of a heading's text: its letters and numbers, lower case, other runs as one space (none at either
     * end): {@code [^\p{L}\p{N}]+} replaced by a space in the lower-cased text, stripped. Speed: code point by code
     * point, not a regular expression (made once per distinct heading of a run: most postings have headings of their own).
     */
    static String headingKey(String heading) {
        String lower = heading.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            if (isLetterOrNumber(cp)) {
                if (gap && b.length() > 0) {
                    b.append(' ');
                }
                gap = false;
                b.appendCodePoint(cp);
            } else {
                gap = true;
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    private List<Seen> observe(RuleContext ctx, Map<String, GroupTexts> groups, Map<String, GroupName> headingNames) {
        List<Seen> out = new ArrayList<>();
        Posting posting = ctx.posting();
        ComparedBlocks compared = ctx.shared(shared, ComparedBlocks.class, () -> new ComparedBlocks(ctx, ignore));
        Observing o = new Observing(ctx, compared, out);
        // Speed: a block's words are counted (which stops at min-words) before its group key is made: most
        // sections and paragraphs are too short, and then no key is made at all.
        switch (groupBy) {
            case SCOPE -> {
                List<Posting.Block> blocks = ctx.blocks(info.scope());
                int[] at = new int[blocks.size()];
                for (int k = 0; k < at.length; k++) {
                    at[k] = compared.indexOf(blocks.get(k));
                }
                at = enoughWords(compared, at);
                if (at != null) {
                    add(o, group(groups, ""), block, at);
                }
            }
            case HEADING -> {
                List<TextRegion> scope = ctx.regions(info.scope());
                List<Heading> headings = posting.headings();
                for (int i = 0; i < headings.size(); i++) {
                    Heading h = headings.get(i);
                    TextRegion section = posting.section(i);
                    if (!inScope(scope, section)) {
                        continue;
                    }
                    int[] at = enoughWords(compared, compared.indexesIn(section));
                    if (at != null) {
                        // Speed: a heading's group and label found once per run, not per posting (most postings of
                        // a run share their headings).
                        GroupName name = headingNames.get(h.text());
                        if (name == null) {
                            name = headingNames.computeIfAbsent(h.text(), t -> {
                                GroupTexts g = group(groups, headingKey(t));
                                String label = t.strip();
                                return new GroupName(g, label.equals(g.key()) ? g.key() : label);
                            });
                        }
                        add(o, name.group(), name.label(), at);
                    }
                }
            }
            case LEADING_WORDS -> {
                List<Posting.Block> blocks = ctx.blocks(info.scope());
                boolean all = blocks == posting.blocks(); // the whole posting: a block's index is its place
                for (int k = 0; k < blocks.size(); k++) {
                    int i = all ? k : compared.indexOf(blocks.get(k));
                    if (!compared.hasWords(i, minWords)) {
                        continue;
                    }
                    // Speed: the key from the block's first words in the posting's text, without copying the
                    // block's text or making all its tokens.
                    String key = compared.leadingWords(i, leadingWords);
                    if (key != null) {
                        GroupTexts g = group(groups, key);
                        add(o, g, g.key(), new int[] {i});
                    }
                }
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static boolean inScope(List<TextRegion> scope, TextRegion section) {
        for (TextRegion r : scope) {
            if (r.contains(section)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code at} (blocks' indexes in the shared blocks) when together they have at least {@code min-words} words, else
     * null. Counted from each block's tokens before anything is built, and only as far as {@code min-words}.
     */
    private int[] enoughWords(ComparedBlocks compared, int[] at) {
        int words = 0;
        for (int k = 0; k < at.length && words < minWords; k++) {
            words += compared.words(at[k], minWords - words);
        }
        return at.length == 0 || words < minWords ? null : at;
    }

    /** One rule's observation of one posting while it is made: what {@link #add} needs besides the blocks. */
    private static final class Observing {
        final RuleContext ctx;
        final ComparedBlocks compared;
        final List<Seen> out;
        /**
         * The groups of {@code out}: one block per group (key) per posting. Speed: a group is one object per key for the
         * run, so the set compares identities (the group's, whose fields {@link #add} reads anyway) and never hashes or
         * compares a key's characters.
         */
        final Set<GroupTexts> groups = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        private long updatedDay;
        private boolean dated;

        Observing(RuleContext ctx, ComparedBlocks compared, List<Seen> out) {
            this.ctx = ctx;
            this.compared = compared;
            this.out = out;
        }

        /** The posting's {@link #updated} day, read from its metadata once. */
        long updatedDay() {
            if (!dated) {
                LocalDate d = updated(ctx.posting());
                updatedDay = d == null ? Seen.UNDATED : d.toEpochDay();
                dated = true;
            }
            return updatedDay;
        }
    }

    /**
     * Keeps the blocks {@code at} (enough words, {@link #enoughWords}) in {@code group}, unless the posting has a
     * block there already; {@code label} is the run's copy.
     */
    private void add(Observing o, GroupTexts group, String label, int[] at) {
        ComparedBlocks compared = o.compared;
        if (!o.groups.add(group)) {
            return; // one block per key per posting: the first
        }
        boolean ignoredSome = false;
        for (int i : at) {
            ignoredSome |= compared.changed(i);
        }
        // What is compared is the normalized text (Words.normalized) of the blocks' texts after the ignore: patterns,
        // joined by white space, which the tokenizer skips and never joins a token across (and strip() removes only
        // white space). Where no pattern matched, that is the display text's, so nothing more is kept; else the
        // changed texts are kept joined. Speed: either is normalized only when judging, and only for the groups that
        // can report (most paragraphs with a pay figure are a job's own and never are).
        String ownText = null;
        if (ignoredSome) {
            String[] parts = new String[at.length];
            for (int k = 0; k < at.length; k++) {
                parts[k] = compared.comparedText(at[k]);
            }
            ownText = group.keep(parts.length == 1 ? parts[0] : String.join("\n\n", parts));
        }
        String text;
        if (at.length == 1) {
            text = compared.shown(at[0], group); // the group's copy, shared with the other rule's where it has the block
        } else {
            // Speed: String.join sizes the result and picks its encoding once; a StringBuilder widened itself to
            // UTF-16 at the first block with a character beyond Latin-1 and narrowed the result again.
            String[] parts = new String[at.length];
            for (int k = 0; k < at.length; k++) {
                parts[k] = compared.display(at[k]);
            }
            text = group.keep(String.join("\n\n", parts));
        }
        SourceSpan span = compared.span(at[0], at[at.length - 1]);
        // Shared between postings: an editor's workspace index keeps every posting's observations, and so does a
        // whole-corpus run until its end.
        o.out.add(new Seen(group.key(), label, text, ownText,
                span.startOffset(), span.endOffset(), span.start().line(), span.start().column(), span.end().line(), span.end().column(),
                compared.line(at[0], span), o.updatedDay()));
    }

    /** Metadata keys that date a posting, first found wins: board exports' update time, front matter's. */
    private static final List<String> DATE_KEYS = List.of("updated", "published", "date");

    /** The day a posting was last updated, from its metadata (an ISO date or date-time); null when not known. */
    static LocalDate updated(Posting posting) {
        for (String key : DATE_KEYS) {
            String v = posting.metadata().value(key);
            if (v != null && v.length() >= 10) {
                try {
                    return LocalDate.parse(v.substring(0, 10));
                } catch (java.time.format.DateTimeParseException e) {
                    // not a date this rule can read: try the next key
                }
            }
        }
        return null;
    }

    private record Occurrence(String path, Seen seen) {
    }

    /** A variant close enough to the reference to be the same block, and its diff from the reference. */
    private record Close(Map.Entry<String, List<Occurrence>> variant, WordDiff diff) {
    }

    /** Judges every group, or with {@code only} just the groups those postings are in. */
    private void judgeAll(List<Observation<List<Seen>>> observations, Set<String> only, Workers workers, CorpusSink sink) {
        Map<String, List<Occurrence>> groups = new LinkedHashMap<>();
        // With only some postings wanted, only their groups are built (the others cannot report on them).
        Set<String> keys = only == null ? null : new HashSet<>();
        if (only != null) {
            for (Observation<List<Seen>> o : observations) {
                if (only.contains(o.path())) {
                    o.data().forEach(seen -> keys.add(seen.key()));
                }
            }
        }
        for (Observation<List<Seen>> o : observations) {
            for (Seen s : o.data()) {
                if (keys != null && !keys.contains(s.key())) {
                    continue;
                }
                groups.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(new Occurrence(o.path(), s));
            }
        }
        // A group of fewer blocks than min-postings can never report (its cluster is at most its size): most
        // groups (a paragraph of one job's own) end here, without their normalized texts being made.
        List<List<Occurrence>> all = new ArrayList<>();
        for (List<Occurrence> g : groups.values()) {
            if (g.size() >= minPostings && (only == null || g.stream().anyMatch(o -> only.contains(o.path())))) {
                all.add(g);
            }
        }
        // Speed: groups are judged independently, on the engine's workers; what each reports is
        // recorded and replayed in group order, so the output is the same as judging them in turn.
        List<List<Runnable>> reports = workers.map(all.size(), i -> {
            List<Runnable> recorded = new ArrayList<>();
            judge(variants(all.get(i)), new CorpusSink() {
                @Override
                public void report(String path, SourceSpan span, SourceLine line, String message, String excerpt,
                        dev.postinglint.core.model.Fix fix) {
                    recorded.add(() -> sink.report(path, span, line, message, excerpt, fix));
                }

                @Override
                public void drift(DriftGroup group) {
                    recorded.add(() -> sink.drift(group));
                }
            });
            return recorded;
        });
        for (List<Runnable> r : reports) {
            r.forEach(Runnable::run);
        }
    }

    /** A group's blocks by normalized text, in order of first use; each distinct display text is normalized once. */
    private static Map<String, List<Occurrence>> variants(List<Occurrence> group) {
        Map<String, List<Occurrence>> variants = new LinkedHashMap<>();
        Map<String, String> norms = new java.util.IdentityHashMap<>(); // a group keeps one object per text (GroupTexts)
        for (Occurrence o : group) {
            Seen s = o.seen();
            String norm = norms.computeIfAbsent(s.ownText() != null ? s.ownText() : s.text(), Words::normalized);
            variants.computeIfAbsent(norm, k -> new ArrayList<>()).add(o);
        }
        return variants;
    }

    private void judge(Map<String, List<Occurrence>> variants, CorpusSink sink) {
        if (variants.size() < 2) {
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
        // Speed: each variant's normalized text split into tokens once, and only where a bound needs them.
        Map<String, List<String>> split = new java.util.IdentityHashMap<>();
        java.util.function.Function<String, List<String>> tokensOf = k -> split.computeIfAbsent(k, t -> List.of(t.split(" ")));
        List<String> majorityTokens = tokensOf.apply(sorted.get(0).getKey());
        // Only variants close to the majority are the same block; the others (another company's
        // "About Us", another job's duties) are different content and do not count.
        // Speed: a list, not a map keyed by the variants (an entry's hash is its list's: every block's record hashed whole).
        List<Close> close = new ArrayList<>();
        int cluster = majority.size();
        Map<String, int[]> referenceBag = bag(majorityTokens);
        int variantNumber = 0;
        for (Map.Entry<String, List<Occurrence>> v : sorted.subList(1, sorted.size())) {
            // Cheap upper bounds first: most variants are other content, and a diff costs
            // O(n * d). Similarity can never exceed the length ratio or the shared-word ratio.
            int size = tokenCount(v.getKey()); // the length bound without splitting the text
            if (2.0 * Math.min(size, majorityTokens.size()) / (size + majorityTokens.size()) < threshold) {
                continue;
            }
            List<String> tokens = tokensOf.apply(v.getKey());
            if (2.0 * overlap(referenceBag, tokens, ++variantNumber) / (tokens.size() + majorityTokens.size()) < threshold) {
                continue;
            }
            WordDiff d = WordDiff.of(majorityTokens, tokens);
            if (d.similarity() >= threshold) {
                close.add(new Close(v, d));
                cluster += v.getValue().size();
            }
        }
        if (cluster < minPostings) {
            return;
        }
        // Where every posting of the block is dated, a variant newer than every posting of the majority
        // is an update the majority has not had (this year's pay table): it is the reference, and the
        // older text is never offered as the fix for it.
        Map.Entry<String, List<Occurrence>> reference = sorted.get(0);
        DriftGroup.ReferenceKind kind = DriftGroup.ReferenceKind.MAJORITY;
        Map.Entry<String, List<Occurrence>> newest = newest(sorted.get(0), close);
        if (newest != null) {
            reference = newest;
            kind = DriftGroup.ReferenceKind.NEWEST;
            List<Close> again = new ArrayList<>();
            List<String> newestTokens = tokensOf.apply(newest.getKey());
            again.add(new Close(sorted.get(0), WordDiff.of(newestTokens, majorityTokens)));
            for (Close c : close) {
                Map.Entry<String, List<Occurrence>> v = c.variant();
                if (v != newest) {
                    again.add(new Close(v, WordDiff.of(newestTokens, tokensOf.apply(v.getKey()))));
                }
            }
            close = again;
        }
        List<String> referenceTokens = tokensOf.apply(reference.getKey());
        List<Occurrence> refUsers = reference.getValue();
        Seen ref = refUsers.get(0).seen();
        List<DriftGroup.Variant> drifted = new ArrayList<>();
        drifted.add(new DriftGroup.Variant(ref.text(), paths(refUsers), 1.0, WordDiff.of(referenceTokens, referenceTokens).tokens()));
        String looseReference = loose(referenceTokens);
        final int total = cluster;
        for (Close e : close) {
            Map.Entry<String, List<Occurrence>> v = e.variant();
            WordDiff d = e.diff();
            if (kind == DriftGroup.ReferenceKind.MAJORITY && v.getValue().size() >= majority.size()) {
                continue;
            }
            List<String> tokens = tokensOf.apply(v.getKey());
            // Not drift: only years or punctuation differ ("© 2025", "U.S." for "US"), or the variant is the
            // shared text with whole sentences of its own added (a role's sentence in a shared paragraph).
            if (loose(tokens).equals(looseReference) || onlyAddsSentences(referenceTokens, tokens)) {
                continue;
            }
            drifted.add(new DriftGroup.Variant(v.getValue().get(0).seen().text(), paths(v.getValue()), d.similarity(), d.tokens()));
            String version = kind == DriftGroup.ReferenceKind.NEWEST
                    ? "the newest version (updated " + newestDate(refUsers) + ", used by " + refUsers.size() + " of " + total + " postings)"
                    : "the version used by " + refUsers.size() + " of " + total + " postings";
            for (Occurrence o : v.getValue()) {
                String label = o.seen().label();
                String problem = label + " differs from " + version + " (" + d.percent() + "% similar): " + d.summary(3);
                Map<String, String> vars = new HashMap<>();
                vars.put("problem", problem);
                vars.put("block", label);
                vars.put("count", String.valueOf(refUsers.size()));
                vars.put("total", String.valueOf(total));
                vars.put("similarity", d.percent() + "%");
                vars.put("diff", d.summary(5));
                String text = o.seen().text();
                sink.report(o.path(), o.seen().span(), o.seen().line(), info.message().render(vars),
                        text.length() <= 300 ? text : text.substring(0, 299) + "…", null);
            }
        }
        if (drifted.size() > 1) {
            sink.drift(new DriftGroup(info.id(), ref.label(), ref.text(), kind, drifted));
        }
    }

    /**
     * The close variant whose postings are all newer than every posting of the majority (the latest such,
     * ties by use), when every posting in the block has a date; else null.
     */
    private static Map.Entry<String, List<Occurrence>> newest(Map.Entry<String, List<Occurrence>> majority,
            List<Close> close) {
        LocalDate majorityNewest = null;
        for (Occurrence o : majority.getValue()) {
            if (o.seen().updated() == null) {
                return null;
            }
            majorityNewest = majorityNewest == null || o.seen().updated().isAfter(majorityNewest) ? o.seen().updated() : majorityNewest;
        }
        Map.Entry<String, List<Occurrence>> best = null;
        LocalDate bestDate = null;
        for (Close c : close) {
            Map.Entry<String, List<Occurrence>> v = c.variant();
            LocalDate oldest = null;
            LocalDate latest = null;
            for (Occurrence o : v.getValue()) {
                LocalDate d = o.seen().updated();
                if (d == null) {
                    return null; // some postings undated: the majority stands
                }
                oldest = oldest == null || d.isBefore(oldest) ? d : oldest;
                latest = latest == null || d.isAfter(latest) ? d : latest;
            }
            if (oldest.isAfter(majorityNewest) && (best == null || latest.isAfter(bestDate)
                    || latest.equals(bestDate) && v.getValue().size() > best.getValue().size())) {
                best = v;
                bestDate = latest;
            }
        }
        return best;
    }

    private static LocalDate newestDate(List<Occurrence> occ) {
        return occ.stream().map(o -> o.seen().updated()).max(LocalDate::compareTo).orElseThrow();
    }

    /** How many tokens {@code String.split(" ")} gives for a normalized text (never an empty token but for the empty text). */
    static int tokenCount(String normalized) {
        int n = 1;
        for (int i = normalized.indexOf(' '); i >= 0; i = normalized.indexOf(' ', i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * The words of a text with punctuation dropped and years made alike: two texts that differ only there are the same.
     * A year is a word 1900 to 2099 ({@code (?:19|20)\d\d}); of other words only letters and numbers are kept
     * ({@code [^\p{L}\p{N}]+} removed). Speed: character by character, not two regular expressions per word.
     */
    static String loose(List<String> tokens) {
        StringBuilder b = new StringBuilder();
        for (String t : tokens) {
            if (t.isEmpty() || !Character.isLetterOrDigit(t.charAt(0))) {
                continue;
            }
            if (isYear(t)) {
                b.append("#year");
            } else {
                appendLettersAndNumbers(b, t);
            }
            b.append(' ');
        }
        return b.toString();
    }

    private static boolean isYear(String t) {
        return t.length() == 4 && (t.charAt(0) == '1' && t.charAt(1) == '9' || t.charAt(0) == '2' && t.charAt(1) == '0')
                && t.charAt(2) >= '0' && t.charAt(2) <= '9' && t.charAt(3) >= '0' && t.charAt(3) <= '9';
    }

    /** Appends the code points of {@code t} in Unicode's letter (L) and number (N) categories, as {@code \p{L}} and {@code \p{N}}. */
    private static void appendLettersAndNumbers(StringBuilder b, String t) {
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            if (isLetterOrNumber(cp)) {
                b.appendCodePoint(cp); // punctuation, marks and the rest are dropped
            }
            i += Character.charCount(cp);
        }
    }

    /** Whether a code point is in Unicode's letter (L) or number (N) categories: {@code \p{L}} or {@code \p{N}}. */
    private static boolean isLetterOrNumber(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /**
     * Whether the variant is the reference with whole sentences of its own added and nothing changed: the
     * reference's sentences appear, each unchanged and in order, among the variant's (a role's sentence in a
     * shared paragraph). Compared as sentences, not by the word diff, whose alignment of full stops is arbitrary.
     */
    static boolean onlyAddsSentences(List<String> reference, List<String> variant) {
        List<List<String>> ref = sentences(reference);
        List<List<String>> var = sentences(variant);
        if (var.size() <= ref.size()) {
            return false;
        }
        int matched = 0;
        for (List<String> sentence : var) {
            if (matched < ref.size() && sentence.equals(ref.get(matched))) {
                matched++;
            } else if (sentence.size() < 4) {
                return false; // a word or two slipped in is an edit, not a sentence of the role's own
            }
        }
        return matched == ref.size();
    }

    private static List<List<String>> sentences(List<String> tokens) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String t : tokens) {
            current.add(t);
            if (endsSentence(t)) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static boolean endsSentence(String token) {
        return token.equals(".") || token.equals("!") || token.equals("?") || token.equals(":");
    }

    /**
     * The reference's tokens with, for each, how many times it occurs, then how many of those a variant has used so far
     * and which variant that is ({@link #overlap}).
     */
    private static Map<String, int[]> bag(List<String> tokens) {
        Map<String, int[]> bag = new HashMap<>();
        for (String t : tokens) {
            bag.computeIfAbsent(t, k -> new int[3])[0]++;
        }
        return bag;
    }

    /**
     * How many tokens the two texts share, counting repeats: an upper bound of their LCS. Speed: counted in the
     * reference's bag, one look-up per token, its counts started again for each variant ({@code variant}, a number
     * none before it had) rather than a bag made for each variant.
     */
    private static int overlap(Map<String, int[]> reference, List<String> tokens, int variant) {
        int n = 0;
        for (String t : tokens) {
            int[] counts = reference.get(t);
            if (counts != null) {
                if (counts[2] != variant) {
                    counts[2] = variant;
                    counts[1] = 0;
                }
                if (++counts[1] <= counts[0]) {
                    n++;
                }
            }
        }
        return n;
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
            List<PolicyPattern> ignore = new ArrayList<>();
            spec.get("ignore").ifPresent(v -> {
                for (var e : v.asListOrOne()) {
                    ignore.add(PolicyPattern.compile(e, "'ignore' pattern"));
                }
            });
            if (groupBy == GroupBy.SCOPE && info.scope().isWhole()) {
                throw spec.error("group-by: scope needs a 'scope' (comparing whole postings finds only their differences)");
            }
            return new ConsistencyRule(info, block, groupBy, leading, minPostings, minWords, threshold, List.copyOf(ignore));
        }
    }
}

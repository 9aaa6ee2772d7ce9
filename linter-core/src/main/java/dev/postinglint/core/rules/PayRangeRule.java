package dev.postinglint.core.rules;

import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.posting.TextRegion;
import dev.postinglint.core.regex.PolicyPattern;
import dev.postinglint.core.yaml.YamlMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code type: pay-range}: the pay figures of a posting read as numbers ({@link PayFigures}) and checked
 * against each other and against limits. Each check is a key; a rule has at least one:
 * <ul>
 * <li>{@code max-spread: 50000} (with {@code exempt-above: 200000}): a range whose top minus bottom is
 * wider, unless its top is above the exemption (Ontario, O. Reg. 476/24);
 * {@code currencies: [CAD, $]} limits it to ranges in those currencies ({@code $} is a bare dollar sign;
 * an explicit currency in the posting wins over bare signs);</li>
 * <li>{@code max-ratio: 2.0}: a range whose top is more than that many times its bottom;</li>
 * <li>{@code contradictions: true}: a "maximum"/"up to" figure below a range's top, or a "minimum"/"starting
 * at" figure above its bottom; and, when the posting lists one location (or none), two different
 * ranges of the same currency and period with no {@code label} telling them apart;</li>
 * <li>{@code location-labels: true}: when the location field lists several places and the posting gives
 * several different ranges, each range without a {@code label} (a location, zone, level, or pay part)
 * before or after it.</li>
 * </ul>
 * {@code not-pay: PATTERN}: a figure whose sentence matches is not the pay (a stipend, a bonus, a budget).
 * Placeholders: {@code {problem}}, {@code {range}}, {@code {match}}.
 */
final class PayRangeRule implements Rule {
    private final RuleInfo info;
    private final Double maxSpread;
    private final Double exemptAbove;
    private final Double maxRatio;
    private final boolean contradictions;
    private final boolean locationLabels;
    private final PolicyPattern label;
    private final PolicyPattern notPay;
    private final Set<String> currencies;
    private final String locationField;
    private final CollectionKey collectionKey;

    PayRangeRule(RuleInfo info, Double maxSpread, Double exemptAbove, Double maxRatio, boolean contradictions,
            boolean locationLabels, PolicyPattern label, PolicyPattern notPay, Set<String> currencies, String locationField) {
        this.info = info;
        this.maxSpread = maxSpread;
        this.exemptAbove = exemptAbove;
        this.maxRatio = maxRatio;
        this.contradictions = contradictions;
        this.locationLabels = locationLabels;
        this.label = label;
        this.notPay = notPay;
        this.currencies = currencies;
        this.locationField = locationField;
        this.collectionKey = new CollectionKey(info.scope(), notPay);
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public Set<String> fieldsUsed() {
        return locationLabels ? Set.of(locationField) : Set.of();
    }

    /** The not-pay pattern searches sentences of the posting's text view: its literals go into the policy's index. */
    @Override
    public List<PolicyPattern> ownPatterns() {
        return notPay == null ? List.of() : List.of(notPay);
    }

    @Override
    public boolean usesJurisdictions() {
        return locationLabels || Rule.super.usesJurisdictions();
    }

    /** A figure with the block it was read from. */
    private record Placed<T>(T figure, Posting.Block block) {
    }

    /** The pay figures of a posting in one scope, sentences about something else left out (by {@code not-pay}). */
    private record Collected(List<Placed<PayFigures.Range>> ranges, List<Placed<PayFigures.Single>> singles) {
    }

    /**
     * What a collection depends on: the pay-range rules of a policy that share both share it. Its hash is
     * worked out once (each rule looks its collection up for every posting; a scope's hash is not cheap).
     */
    private record CollectionKey(Scope scope, PolicyPattern notPay, int hash) {
        CollectionKey(Scope scope, PolicyPattern notPay) {
            this(scope, notPay, java.util.Objects.hash(scope, notPay));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CollectionKey k && k.hash == hash && k.scope.equals(scope) && java.util.Objects.equals(k.notPay, notPay);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * A posting's figures, read once for every pay-range rule of the policy (they read the same
     * paragraphs with the same not-pay pattern) instead of once per rule.
     */
    @SuppressWarnings("unchecked")
    private static final RuleContext.Slot<HashMap<CollectionKey, Collected>> COLLECTED =
            new RuleContext.Slot<>((Class<HashMap<CollectionKey, Collected>>) (Class<?>) HashMap.class);

    private Collected collected(RuleContext ctx) {
        HashMap<CollectionKey, Collected> cache = ctx.get(COLLECTED);
        if (cache == null) {
            cache = new HashMap<>();
            ctx.put(COLLECTED, cache);
        }
        return cache.computeIfAbsent(collectionKey, k -> collect(ctx));
    }

    private Collected collect(RuleContext ctx) {
        List<Placed<PayFigures.Range>> ranges = new ArrayList<>();
        List<Placed<PayFigures.Single>> singles = new ArrayList<>();
        NotPay sentences = new NotPay(ctx);
        List<Posting.Block> blocks = ctx.blocks(info.scope());
        for (int i = 0; i < blocks.size(); i++) {
            Posting.Block block = blocks.get(i);
            TextRegion region = block.region();
            if (region.end() - region.start() > 4000) {
                continue; // not a paragraph a person wrote a pay figure in
            }
            // Most paragraphs have no digit, or no currency: asked in the view, without making their text.
            if (!PayFigures.mayHaveFigure(region.view().text(), region.start(), region.end())) {
                continue;
            }
            String text = block.text();
            PayFigures.Figures f = PayFigures.read(text, i == 0 ? "" : leadIn(ctx, blocks.get(i - 1)));
            for (PayFigures.Range r : f.ranges()) {
                if (!sentences.isNotPay(block, text, r.start(), r.end()) && !duplicate(ranges, r)) {
                    ranges.add(new Placed<>(r, block));
                }
            }
            for (PayFigures.Single s : f.singles()) {
                if (!sentences.isNotPay(block, text, s.start(), s.end())) {
                    singles.add(new Placed<>(s, block));
                }
            }
        }
        return new Collected(List.copyOf(ranges), List.copyOf(singles));
    }

    /**
     * The paragraph before one with figures as its lead-in, when it is short and introduces it ("Zone 1:",
     * a heading such as "New York City"); else "". Worked out only for paragraphs that have figures.
     */
    private static String leadIn(RuleContext ctx, Posting.Block previous) {
        String text = previous.text();
        if (text.length() > 4000) {
            return "";
        }
        String t = text.strip();
        return t.length() <= 80 && (t.endsWith(":") || ctx.posting().headings().stream().anyMatch(h -> h.element() == previous.element()))
                ? t : "";
    }

    @Override
    public void check(RuleContext ctx, FindingSink sink) {
        Collected figures = collected(ctx);
        List<Placed<PayFigures.Range>> ranges = figures.ranges();
        List<Placed<PayFigures.Single>> singles = figures.singles();
        if (maxSpread != null || maxRatio != null) {
            checkWidth(ctx, sink, ranges);
        }
        if (ranges.isEmpty() || !contradictions && !locationLabels) {
            return; // the checks below compare figures with ranges
        }
        Labels labels = new Labels();
        if (contradictions) {
            checkSingles(ctx, sink, ranges, singles, labels);
        }
        // Several places: unlabelled ranges are a location-labels matter; one place (or none): a contradiction.
        // (A policy without the location field, or a posting without a location, has one place or none.)
        if (ranges.size() < 2) {
            return; // no two ranges to compare
        }
        boolean severalPlaces = FieldComparison.leaves(ctx.jurisdictions(locationField)).size() > 1;
        if (severalPlaces ? locationLabels : contradictions) {
            checkUnlabelled(ctx, sink, ranges, severalPlaces, labels);
        }
    }

    private void checkWidth(RuleContext ctx, FindingSink sink, List<Placed<PayFigures.Range>> ranges) {
        List<Placed<PayFigures.Range>> wanted = ranges;
        if (!currencies.isEmpty()) {
            wanted = ranges.stream().filter(p -> currencies.contains(p.figure().currency())).toList();
            // An explicit currency wins over bare dollar signs, which may be the other country's.
            if (wanted.stream().anyMatch(p -> !p.figure().currency().equals("$"))) {
                wanted = wanted.stream().filter(p -> !p.figure().currency().equals("$")).toList();
            }
        }
        for (Placed<PayFigures.Range> p : wanted) {
            PayFigures.Range r = p.figure();
            String problem = null;
            if (maxSpread != null && r.high() - r.low() > maxSpread && (exemptAbove == null || r.high() <= exemptAbove)) {
                problem = "the range " + r.text() + " is " + money(r.high() - r.low()) + " wide, more than the "
                        + money(maxSpread) + " allowed" + (exemptAbove == null ? "" : " for pay up to " + money(exemptAbove));
            } else if (maxRatio != null && r.high() > r.low() * maxRatio) {
                problem = String.format(Locale.ROOT, "the range %s has a top %.1f times its bottom (more than %.1f)",
                        r.text(), r.high() / r.low(), maxRatio);
            }
            if (problem != null) {
                report(ctx, sink, p, r.start(), r.end(), r.text(), problem);
            }
        }
    }

    private void checkSingles(RuleContext ctx, FindingSink sink, List<Placed<PayFigures.Range>> ranges,
            List<Placed<PayFigures.Single>> singles, Labels labels) {
        for (Placed<PayFigures.Single> ps : singles) {
            PayFigures.Single s = ps.figure();
            for (Placed<PayFigures.Range> pr : ranges) {
                PayFigures.Range r = pr.figure();
                if (!sameCurrency(s.currency(), r.currency()) || !s.period().comparable(r.period(), s.value(), r.high())
                        || !labels.of(pr).equals(labels.of(ps))) {
                    continue;
                }
                String problem = null;
                // Far below or above the range, the figure is something else (a stipend, a bonus cap).
                if (s.bound() == PayFigures.Bound.MAX && s.value() < r.high() && s.value() >= r.high() / 3) {
                    problem = "'" + s.text().strip() + "' is lower than the top of the range " + r.text()
                            + " given in the same posting";
                } else if (s.bound() == PayFigures.Bound.MIN && s.value() > r.low() && s.value() <= r.high() * 3) {
                    problem = "'" + s.text().strip() + "' is higher than the bottom of the range " + r.text()
                            + " given in the same posting";
                }
                if (problem != null) {
                    report(ctx, sink, ps.block(), s.start(), s.end(), s.text().strip(), r.text(), problem);
                    break;
                }
            }
        }
    }

    private void checkUnlabelled(RuleContext ctx, FindingSink sink, List<Placed<PayFigures.Range>> ranges, boolean severalPlaces,
            Labels labels) {
        for (int i = 1; i < ranges.size(); i++) {
            Placed<PayFigures.Range> later = ranges.get(i);
            String key = labels.of(later);
            for (int j = 0; j < i; j++) {
                Placed<PayFigures.Range> earlier = ranges.get(j);
                PayFigures.Range a = earlier.figure();
                PayFigures.Range b = later.figure();
                // Ranges whose labels differ are for different places, levels or pay parts.
                if (!labels.of(earlier).equals(key) || !sameCurrency(a.currency(), b.currency())
                        || !a.period().comparable(b.period(), a.high(), b.high())) {
                    continue;
                }
                String problem = severalPlaces
                        ? "the posting lists several locations (" + ctx.field(locationField).value() + ") and gives the ranges "
                                + a.text() + " and " + b.text() + " without saying which location each is for"
                        : "two different pay ranges, " + a.text() + " and " + b.text()
                                + ", and nothing says which applies (a location, level or pay part)";
                report(ctx, sink, later, b.start(), b.end(), b.text(), problem);
                break;
            }
        }
    }

    /** Each figure's {@link #labelKey}, worked out once per check: the checks compare every pair of figures. */
    private final class Labels {
        private final Map<Placed<?>, String> keys = new java.util.IdentityHashMap<>();

        String of(Placed<?> p) {
            return keys.computeIfAbsent(p, k -> {
                if (k.figure() instanceof PayFigures.Range r) {
                    return labelKey(k.block().text(), r.start(), r.end(), r.label());
                }
                PayFigures.Single s = (PayFigures.Single) k.figure();
                return labelKey(k.block().text(), s.start(), s.end(), "");
            });
        }
    }

    /** The end of a pay figure, or of a clause: what comes before it labels something else. */
    private static final java.util.regex.Pattern BOUNDARY = java.util.regex.Pattern.compile(
            "(?:[$€£]\\s?\\d[\\d,.]*\\s?[kK]?(?:\\s?(?:USD|CAD|EUR|GBP|AUD))?|\\d(?:\\s?(?:USD|CAD|EUR|GBP|AUD|€|£))|[);]|\\.\\s)");

    /**
     * What the words around a figure say it is for, as a key two figures can be compared by: the
     * clause before it from its first {@code label} match on (after the previous figure or clause boundary;
     * with the short lead-in paragraph when the figure opens its paragraph), else the {@code label}
     * match just after it (up to the next figure or the end of the clause, not inside an unclosed
     * parenthesis that introduces the next figure); generic pay words ("salary range",
     * "compensation") removed. "" when nothing says: two figures with the same key are about the same pay.
     */
    private String labelKey(String text, int start, int end, String lead) {
        if (label == null) {
            return "";
        }
        String prefix = text.substring(Math.max(0, start - 120), start);
        java.util.regex.Matcher b = BOUNDARY.matcher(prefix);
        int cut = 0;
        while (b.find()) {
            cut = b.end();
        }
        prefix = prefix.substring(cut);
        if (cut == 0 && start <= 120 && !lead.isEmpty()) {
            prefix = lead + " " + prefix;
        }
        // From the first label on: "US Salary Range (Outside Bay Area):" is not "Bay Area Salary Range:".
        com.google.re2j.Matcher m = label.matcher(prefix);
        if (m.find()) {
            return normalizeLabel(prefix.substring(m.start()));
        }
        int stop = end;
        while (stop < text.length() && stop - end < 60 && ".;,\n$€£".indexOf(text.charAt(stop)) < 0) {
            stop++;
        }
        String suffix = text.substring(end, stop);
        int open = suffix.lastIndexOf('(');
        if (open >= 0 && suffix.indexOf(')', open) < 0) {
            suffix = suffix.substring(0, open); // "(OTE $104,000": the parenthesis labels the next figure
        }
        com.google.re2j.Matcher after = label.matcher(suffix);
        return after.find() ? normalizeLabel(after.group()) : "";
    }

    private static final Set<String> GENERIC = Set.of("salary", "salaries", "range", "ranges", "pay", "compensation",
            "annual", "annually", "expected", "estimated", "the", "is", "are", "a", "an", "rate", "wage", "wages",
            "hourly", "yearly", "of", "for", "this", "that", "role", "position", "job", "our", "will", "be", "to", "per",
            "year", "hour", "usd", "eur", "cad", "gbp", "and", "with", "at", "in");

    private static String normalizeLabel(String s) {
        StringBuilder out = new StringBuilder();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty() && !GENERIC.contains(w)) {
                out.append(out.length() == 0 ? "" : " ").append(w);
            }
        }
        return out.toString();
    }

    private static boolean sameCurrency(String a, String b) {
        return a.equals(b) || (a.equals("$") && (b.equals("USD") || b.equals("CAD") || b.equals("AUD")))
                || (b.equals("$") && (a.equals("USD") || a.equals("CAD") || a.equals("AUD")));
    }

    private static boolean duplicate(List<Placed<PayFigures.Range>> seen, PayFigures.Range r) {
        for (Placed<PayFigures.Range> p : seen) {
            PayFigures.Range o = p.figure();
            if (Math.abs(o.low() - r.low()) <= o.low() * 0.01 && Math.abs(o.high() - r.high()) <= o.high() * 0.01
                    && sameCurrency(o.currency(), r.currency())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the sentence holding a figure is about something other than the pay, for one posting:
     * sentences without any of the pattern's literals (looked up in the posting's {@link RuleContext#index()})
     * are skipped, and the others are matched anchored at those literals; the answer is that of
     * {@code find()} on the sentence. Several figures in one sentence ask once.
     */
    private final class NotPay {
        private final RuleContext ctx;
        private PolicyPattern.Search search;
        private Posting.Block lastBlock;
        private int lastStart = -1;
        private int lastEnd = -1;
        private boolean lastAnswer;

        NotPay(RuleContext ctx) {
            this.ctx = ctx;
        }

        boolean isNotPay(Posting.Block block, String text, int start, int end) {
            if (notPay == null) {
                return false;
            }
            int s = start;
            while (s > 0 && !sentenceEnd(text, s - 1)) {
                s--;
            }
            int e = end;
            while (e < text.length() && !sentenceEnd(text, e)) {
                e++;
            }
            if (block == lastBlock && s == lastStart && e == lastEnd) {
                return lastAnswer;
            }
            TextRegion region = block.region();
            boolean answer;
            if (region.view() == ctx.posting().view()) {
                if (search == null) {
                    search = notPay.search(ctx.index());
                }
                int from = region.start() + s;
                answer = search.mayMatch(from, region.start() + e) && search.firstGroups(text.substring(s, e), from) != null;
            } else {
                answer = notPay.matcher(text.substring(s, e)).find();
            }
            lastBlock = block;
            lastStart = s;
            lastEnd = e;
            lastAnswer = answer;
            return answer;
        }
    }

    private static boolean sentenceEnd(String text, int i) {
        char c = text.charAt(i);
        return c == '\n' || c == ';' || ((c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))));
    }

    private void report(RuleContext ctx, FindingSink sink, Placed<PayFigures.Range> p, int start, int end, String match, String problem) {
        report(ctx, sink, p.block(), start, end, match, p.figure().text(), problem);
    }

    private void report(RuleContext ctx, FindingSink sink, Posting.Block block, int start, int end, String match, String range,
            String problem) {
        Map<String, String> vars = new HashMap<>();
        vars.put("problem", problem);
        vars.put("range", range);
        vars.put("match", match);
        sink.report(block.region().sourceSpan(start, end), ctx.render(info.message(), vars), match, null);
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static final class Type implements RuleType {
        @Override
        public String name() {
            return "pay-range";
        }

        @Override
        public Set<String> variables() {
            return Set.of("problem", "range", "match");
        }

        @Override
        public String defaultMessage() {
            return "Pay: {problem}";
        }

        @Override
        public Rule create(RuleInfo info, YamlMap spec) {
            Double maxSpread = spec.get("max-spread").map(v -> v.asDouble("'max-spread'", 0, 1e12)).orElse(null);
            Double exemptAbove = spec.get("exempt-above").map(v -> v.asDouble("'exempt-above'", 0, 1e12)).orElse(null);
            Double maxRatio = spec.get("max-ratio").map(v -> v.asDouble("'max-ratio'", 1, 1000)).orElse(null);
            boolean contradictions = spec.get("contradictions").map(v -> v.asBoolean("'contradictions'")).orElse(false);
            boolean locationLabels = spec.get("location-labels").map(v -> v.asBoolean("'location-labels'")).orElse(false);
            PolicyPattern label = spec.get("label").map(v -> PolicyPattern.compile(v, "'label'")).orElse(null);
            PolicyPattern notPay = spec.get("not-pay").map(v -> PolicyPattern.compile(v, "'not-pay'")).orElse(null);
            List<String> currencies = spec.get("currencies").map(v -> v.asStringList("'currencies'")).orElse(List.of());
            String field = spec.get("field").map(v -> v.asNonBlank("'field'")).orElse("location");
            if (exemptAbove != null && maxSpread == null) {
                throw spec.require("exempt-above").error("'exempt-above' goes with 'max-spread'");
            }
            if (maxSpread == null && maxRatio == null && !contradictions && !locationLabels) {
                throw spec.error("a pay-range rule needs at least one check: 'max-spread', 'max-ratio', 'contradictions: true' or 'location-labels: true'");
            }
            if ((contradictions || locationLabels) && label == null) {
                throw spec.error("'contradictions' and 'location-labels' compare ranges: give 'label', the pattern of the words that say what a range is for (a location, zone, level or pay part)");
            }
            if (!currencies.isEmpty() && maxSpread == null && maxRatio == null) {
                throw spec.require("currencies").error("'currencies' limits 'max-spread' and 'max-ratio'; this rule has neither");
            }
            Set<String> normalized = new java.util.LinkedHashSet<>();
            for (String c : currencies) {
                normalized.add(PayFigures.currency(c));
            }
            return new PayRangeRule(info, maxSpread, exemptAbove, maxRatio, contradictions, locationLabels, label, notPay,
                    Set.copyOf(normalized), field);
        }
    }
}

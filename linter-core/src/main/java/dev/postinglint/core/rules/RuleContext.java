package dev.postinglint.core.rules;

import dev.postinglint.core.jurisdiction.Gazetteer;
import dev.postinglint.core.jurisdiction.Jurisdictions;
import dev.postinglint.core.jurisdiction.ProsePlaces;
import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.posting.TextRegion;
import dev.postinglint.core.posting.TextView;
import dev.postinglint.core.regex.MatchIndex;
import dev.postinglint.core.regex.PolicyMatcher;
import dev.postinglint.core.regex.PolicyPattern;
import dev.postinglint.core.source.SourceSpan;
import dev.postinglint.core.text.Words;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a rule sees of one posting: the parsed posting, the policy's fields and company facts, and
 * the as-of date. Scope regions and field values are computed once and shared by every rule.
 * One context per posting, used by one thread.
 */
public final class RuleContext {
    private final Posting posting;
    private final Map<String, FieldSpec> fieldSpecs;
    private final Company company;
    private final LocalDate asOf;
    private final Gazetteer gazetteer;
    private final PolicyMatcher matcher;
    private MatchIndex index;
    private final Map<Scope, List<TextRegion>> regions = new HashMap<>();
    private final Map<String, Optional<FieldValue>> fields = new HashMap<>();
    private final Map<String, Jurisdictions> jurisdictions = new HashMap<>();
    private final Map<String, Jurisdictions.Lookup> lookups = new HashMap<>(4);
    private final Map<String, Optional<FieldValue>> proseFields = new HashMap<>();
    private final Map<String, Optional<FieldValue>> metadataValues = new HashMap<>();
    private final Map<String, Optional<FieldValue>> bodyValues = new HashMap<>();
    private final Map<Posting.Block, List<String>> blockTokens = new java.util.IdentityHashMap<>();
    private final Map<Slot<?>, Object> slots = new java.util.IdentityHashMap<>();
    private final Map<Object, Object> shared = new HashMap<>();
    private RuleInfo current;
    private When.JurisdictionWindow currentJurisdiction;

    public RuleContext(Posting posting, Map<String, FieldSpec> fieldSpecs, Company company, LocalDate asOf, Gazetteer gazetteer) {
        this(posting, fieldSpecs, company, asOf, gazetteer, PolicyMatcher.NONE);
    }

    /**
     * A context whose patterns look their literals up in one pass of the policy's {@code matcher} over
     * the posting's text, instead of each searching the text on its own.
     */
    public RuleContext(Posting posting, Map<String, FieldSpec> fieldSpecs, Company company, LocalDate asOf, Gazetteer gazetteer,
            PolicyMatcher matcher) {
        this.matcher = matcher;
        this.posting = posting;
        this.gazetteer = gazetteer;
        this.fieldSpecs = fieldSpecs;
        this.company = company;
        this.asOf = asOf;
    }

    public Posting posting() {
        return posting;
    }

    /**
     * The posting's text view with the occurrences of every literal of the policy's patterns, for
     * {@link PolicyPattern#search}: the automaton runs over the text once, on first use, for all rules.
     */
    public MatchIndex index() {
        if (index == null) {
            index = matcher.index(posting.view());
        }
        return index;
    }

    public Company company() {
        return company;
    }

    public LocalDate asOf() {
        return asOf;
    }

    /**
     * Marks the rule about to run and checks its {@code when:}; false when it does not apply here.
     * Remembers which jurisdiction brought it into scope, for the {@code {jurisdiction}} placeholder.
     */
    public boolean enter(RuleInfo rule) {
        current = rule;
        currentJurisdiction = rule.when().match(this);
        return currentJurisdiction != null;
    }

    /**
     * The citation for the rule about to run: the link of the jurisdiction that brought it into
     * scope when that has its own, else the rule's.
     */
    public String link() {
        return currentJurisdiction != null && currentJurisdiction.link() != null ? currentJurisdiction.link()
                : current == null ? null : current.link();
    }

    /** A block's normalized tokens, computed once per posting and shared by every rule. */
    public List<String> tokens(Posting.Block block) {
        List<String> t = blockTokens.get(block);
        if (t == null) {
            TextRegion r = block.region(); // tokenized in place: the block's text is not copied out first
            t = Words.norms(r.view().text(), r.start(), r.end());
            blockTokens.put(block, t);
        }
        return t;
    }

    /** The leaf blocks inside a scope, in reading order. */
    public List<Posting.Block> blocks(Scope scope) {
        if (scope.isWhole()) {
            return posting.blocks();
        }
        List<TextRegion> regions = regions(scope);
        List<Posting.Block> out = new java.util.ArrayList<>();
        for (Posting.Block b : posting.blocks()) {
            for (TextRegion r : regions) {
                if (r.contains(b.region())) {
                    out.add(b);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * A typed place for what a rule computes in {@code check} and uses again later on the same posting
     * (a corpus rule's {@code observe}). Each rule owns its slots, as final fields.
     */
    public static final class Slot<T> {
        private final Class<T> type;

        public Slot(Class<T> type) {
            this.type = type;
        }
    }

    /** What the slot holds for this posting, or null. */
    public <T> T get(Slot<T> slot) {
        return slot.type.cast(slots.get(slot));
    }

    public <T> void put(Slot<T> slot, T value) {
        slots.put(slot, value);
    }

    /**
     * What several rules compute alike on this posting, made once by the first that asks: {@code key}
     * says what it is made from, and rules that give equal keys share it (two consistency rules with
     * the same {@code ignore:} patterns share their blocks' texts). A key is a record of its rule
     * type's own, so no two kinds of value can meet.
     */
    public <T> T shared(Object key, Class<T> type, java.util.function.Supplier<T> make) {
        Object v = shared.get(key);
        if (v == null) {
            v = make.get();
            shared.put(key, v);
        }
        return type.cast(v);
    }

    /**
     * The jurisdictions of a field's value (normally the location), resolved once per posting. When
     * the board or front matter says one place and the body another, both count: the value read first
     * (by the field's {@code from:}) and, beside it, the metadata under the field's key and the body's
     * match of its pattern. A company pack that reads its location from the body alone still has the
     * board's location counted.
     */
    public Jurisdictions jurisdictions(String fieldName) {
        return jurisdictions.computeIfAbsent(fieldName, n -> {
            FieldValue v = field(n);
            Jurisdictions j = v == null ? Jurisdictions.NONE : gazetteer.resolve(v.value());
            FieldSpec spec = fieldSpecs.get(n);
            if (spec == null) {
                return j;
            }
            if (v == null && spec.placesInProse()) { // the field wins; prose only when the posting has none
                FieldValue prose = placesInProse(n);
                return prose == null ? j : gazetteer.resolve(prose.value());
            }
            FieldValue meta = metadataValue(spec);
            FieldValue body = spec.readsBody() ? bodyValue(spec) : null;
            for (FieldValue other : java.util.Arrays.asList(meta, body)) {
                if (other != null && (v == null || !other.value().equals(v.value()))) {
                    j = j.plus(gazetteer.resolve(other.value()));
                }
            }
            return j;
        });
    }

    /** {@link #jurisdictions} of the field, for the many tests of the rules' conditions; made once per posting. */
    Jurisdictions.Lookup jurisdictionLookup(String fieldName) {
        Jurisdictions.Lookup l = lookups.get(fieldName);
        if (l == null) {
            l = jurisdictions(fieldName).lookup();
            lookups.put(fieldName, l);
        }
        return l;
    }

    /**
     * For a field with {@code places-in-prose: true} and no value: the places that the posting's
     * sentences give as the job's ("based in Boulder, Colorado"), joined with "; ", pointing at the
     * first; else null. Computed once per posting.
     */
    public FieldValue placesInProse(String fieldName) {
        return proseFields.computeIfAbsent(fieldName, n -> {
            FieldSpec spec = fieldSpecs.get(n);
            if (spec == null || !spec.placesInProse() || field(n) != null) {
                return Optional.empty();
            }
            List<String> values = new java.util.ArrayList<>();
            SourceSpan first = null;
            // The cue words' occurrences come from the policy's literal index of the posting's view (its
            // automaton holds them, ProsePlaces.cueWords); a block holding none is not searched.
            Map<TextView, ProsePlaces.Scan> scans = new java.util.IdentityHashMap<>(2);
            for (Posting.Block b : posting.blocks()) {
                TextRegion r = b.region();
                ProsePlaces.Scan scan = scans.computeIfAbsent(r.view(),
                        v -> v == posting.view() ? ProsePlaces.scan(v.text(), index()) : ProsePlaces.scan(v.text(), v.folded()));
                for (ProsePlaces.Mention m : scan.find(r.start(), r.end(), gazetteer)) {
                    if (!values.contains(m.value())) {
                        values.add(m.value());
                        first = first == null ? b.region().sourceSpan(m.start(), m.end()) : first;
                    }
                }
            }
            return values.isEmpty() ? Optional.empty()
                    : Optional.of(new FieldValue(n, String.join("; ", values), first, null, null, first));
        }).orElse(null);
    }

    public List<TextRegion> regions(Scope scope) {
        return regions.computeIfAbsent(scope, s -> s.regions(posting, index()));
    }

    /** The value of a declared field in this posting, or null when the posting has none. */
    public FieldValue field(String name) {
        return fields.computeIfAbsent(name, n -> Optional.ofNullable(extract(fieldSpecs.get(n)))).orElse(null);
    }

    private FieldValue extract(FieldSpec spec) {
        if (spec == null) {
            return null;
        }
        // 'from:' says where to look, in order: the metadata (board export, front matter) and/or the body.
        if (spec.readsMetadata() && (!spec.readsBody() || spec.from().get(0) == FieldSpec.From.METADATA)) {
            FieldValue meta = metadataValue(spec);
            if (meta != null || !spec.readsBody()) {
                return meta;
            }
        }
        FieldValue body = bodyValue(spec);
        return body == null && spec.readsMetadata() && spec.from().get(0) == FieldSpec.From.BODY
                ? metadataValue(spec) : body;
    }

    /**
     * The field's value in the metadata, worked out once per posting: the field's value and the
     * jurisdictions of the location both read it.
     */
    private FieldValue metadataValue(FieldSpec spec) {
        return metadataValues.computeIfAbsent(spec.name(), n -> Optional.ofNullable(MetadataFields.value(posting, spec))).orElse(null);
    }

    /**
     * The first match of the field's pattern in its scope, searched once per posting: the field's value
     * and the jurisdictions of the location both read it.
     */
    private FieldValue bodyValue(FieldSpec spec) {
        return bodyValues.computeIfAbsent(spec.name(), n -> Optional.ofNullable(extractFromBody(spec))).orElse(null);
    }

    /** The first match of the field's pattern in its scope. */
    private FieldValue extractFromBody(FieldSpec spec) {
        Map<String, Integer> named = spec.pattern().namedGroups();
        // Speed: regions that cannot hold a match are skipped, and the first match is found from the
        // pattern's literals where it can; the match is that of a plain find() (PolicyPattern).
        PolicyPattern.Search search = spec.pattern().search(index());
        // A scope's regions are parts of the posting's view: where the view holds none of the pattern's
        // literals, no region can match, and the regions (for a selector, a walk over the whole
        // document) are not worked out. Most postings have no location line.
        if (!search.mayMatch(0, posting.view().length())) {
            return null;
        }
        for (TextRegion region : regions(spec.scope())) {
            boolean sameView = region.view() == posting.view();
            if (sameView && !search.mayMatch(region.start(), region.end())) {
                continue;
            }
            String text = region.text();
            // The groups come from the match that found it (no second search).
            PolicyPattern.Groups m = sameView ? search.firstGroups(text, region.start()) : spec.pattern().firstGroups(text);
            if (m == null) {
                continue;
            }
            int group = named.containsKey("value") ? named.get("value") : m.groupCount() >= 1 ? 1 : 0;
            if (m.start(group) < 0) {
                continue;
            }
            // Report the value without surrounding spaces, and point at exactly that.
            int vs = m.start(group);
            int ve = m.end(group);
            while (vs < ve && Character.isWhitespace(text.charAt(vs))) {
                vs++;
            }
            while (ve > vs && Character.isWhitespace(text.charAt(ve - 1))) {
                ve--;
            }
            String label = null;
            SourceSpan labelSpan = null;
            if (named.containsKey("label") && m.start(named.get("label")) >= 0) {
                int lg = named.get("label");
                label = text.substring(m.start(lg), m.end(lg));
                labelSpan = region.sourceSpan(m.start(lg), m.end(lg));
            }
            return new FieldValue(spec.name(), text.substring(vs, ve), region.sourceSpan(vs, ve), label,
                    labelSpan, region.sourceSpan(m.start(), m.end()));
        }
        return null;
    }

    /**
     * Renders a rule message: the rule's own variables first, then {@code fields.NAME} and
     * {@code company.KEY}.
     */
    public String render(MessageTemplate template, Map<String, String> vars) {
        return template.render(name -> {
            if (vars.containsKey(name)) {
                return vars.get(name);
            }
            if (name.equals("jurisdiction")) {
                return currentJurisdiction == null ? "" : currentJurisdiction.label();
            }
            if (name.startsWith("fields.")) {
                FieldValue v = field(name.substring(7));
                FieldValue prose = v == null ? placesInProse(name.substring(7)) : null;
                return v != null ? v.value() : prose != null ? prose.value() + ", read from the text" : "(none)";
            }
            if (name.startsWith("company.")) {
                return company.value(name.substring(8));
            }
            return null;
        });
    }
}

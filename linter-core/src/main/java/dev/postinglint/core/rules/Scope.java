package dev.postinglint.core.rules;

import dev.postinglint.core.posting.IndexedSelector;
import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.posting.TextRegion;
import dev.postinglint.core.regex.PolicyPattern;
import dev.postinglint.core.yaml.YamlMap;
import dev.postinglint.core.yaml.YamlValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The part of a posting a rule looks at: elements matching a CSS selector, the content under a named
 * section heading, both (selected elements inside the section), or the whole posting; and, with
 * {@code contains}, only the paragraphs (leaf blocks) in there whose text matches a pattern.
 */
public final class Scope {
    public static final Scope WHOLE = new Scope(null, null, null, null);

    private final String css;
    private final IndexedSelector selector;
    private final String section;
    private final PolicyPattern contains;

    private Scope(String css, Evaluator selector, String section, PolicyPattern contains) {
        this.css = css;
        this.selector = selector == null ? null : IndexedSelector.of(css, selector);
        this.section = section;
        this.contains = contains;
    }

    /** Reads {@code scope: "css"} or {@code scope: {selector: "css", section: "Heading"}}. */
    public static Scope read(YamlValue value) {
        if (value.isScalar()) {
            return new Scope(value.asNonBlank("scope"), compileCss(value, value.asNonBlank("scope")), null, null);
        }
        YamlMap m = value.asMap("scope");
        String css = m.string("selector").orElse(null);
        Evaluator ev = css == null ? null : compileCss(m.require("selector"), css);
        String section = m.string("section").orElse(null);
        PolicyPattern contains = m.get("contains").map(v -> PolicyPattern.compile(v, "'contains'")).orElse(null);
        m.finish();
        if (css == null && section == null && contains == null) {
            throw m.error("scope needs 'selector', 'section', 'contains' or a combination");
        }
        return new Scope(css, ev, section, contains);
    }

    /** jsoup's pseudo-selectors that take a java.util.regex (found anywhere, as {@code (?s).*X.*} matched the whole). */
    private static final java.util.regex.Pattern REGEX_PSEUDO =
            java.util.regex.Pattern.compile(":(matches|matchesOwn|matchText|matchesWholeText|matchesWholeOwnText)\\b");

    /** Compiles a CSS selector once; a selector jsoup cannot read is an error at its place. */
    public static Evaluator compileCss(YamlValue at, String css) {
        // jsoup runs these with java.util.regex, which can backtrack for ever: policies use RE2 instead.
        if (REGEX_PSEUDO.matcher(css).find()) {
            throw at.error("'" + css + "' uses a regex pseudo-selector (:matches...), which could run for ever;"
                    + " use a forbid or require rule with this selector as its scope instead");
        }
        try {
            return QueryParser.parse(css);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw at.error("'" + css + "' is not a valid CSS selector: " + e.getMessage());
        }
    }

    /** The pattern this scope searches the posting's text with ({@code contains:}), if any. */
    public List<PolicyPattern> searchedPatterns() {
        return contains == null ? List.of() : List.of(contains);
    }

    public boolean isWhole() {
        return selector == null && section == null && contains == null;
    }

    /**
     * The elements in scope: those the selector matches (inside the section, if one is named); with
     * {@code contains}, the leaf blocks inside them whose text matches.
     */
    public List<Element> elements(Posting posting) {
        if (contains != null) {
            List<Element> out = new ArrayList<>();
            for (Posting.Block b : matchingBlocks(posting, posting.view())) {
                out.add(b.element());
            }
            return out;
        }
        Element root = posting.document();
        // Selectors are written against the whole document (so "body [class]" means what it says);
        // on a whole page only what lies in the posting's content counts.
        List<Element> selected = selector == null ? List.of(root)
                : selector.select(posting).stream().filter(posting::inContent).toList();
        if (section == null) {
            return selected;
        }
        List<TextRegion> sections = posting.sections(section);
        List<Element> out = new ArrayList<>();
        for (Element e : selected) {
            TextRegion r = posting.regionOf(e);
            if (sections.stream().anyMatch(s -> s.contains(r))) {
                out.add(e);
            }
        }
        return out;
    }

    /** The text regions in scope, outermost only, in reading order, so nested matches count once. */
    public List<TextRegion> regions(Posting posting) {
        return regions(posting, posting.view());
    }

    /**
     * As {@link #regions(Posting)}, with the posting's text as the {@code contains:} pattern searches it
     * ({@link RuleContext#index()}: the literals' occurrences looked up, not searched for).
     */
    public List<TextRegion> regions(Posting posting, PolicyPattern.Text text) {
        if (isWhole()) {
            return List.of(posting.view().whole());
        }
        if (contains != null) {
            List<TextRegion> out = new ArrayList<>();
            for (Posting.Block b : matchingBlocks(posting, text)) {
                out.add(b.region());
            }
            return out;
        }
        return baseRegions(posting);
    }

    /** Leaf blocks inside the selector/section regions whose text matches {@code contains}. */
    private List<Posting.Block> matchingBlocks(Posting posting, PolicyPattern.Text text) {
        List<TextRegion> within = selector == null && section == null ? List.of(posting.view().whole()) : baseRegions(posting);
        List<Posting.Block> out = new ArrayList<>();
        // Speed: a block without the pattern's required literals cannot match (see PolicyPattern).
        PolicyPattern.Search search = contains.search(text);
        for (Posting.Block b : posting.blocks()) {
            boolean inView = b.region().view() == posting.view();
            if (inView && !search.mayMatch(b.region().start(), b.region().end())) {
                continue;
            }
            // In the posting's view the search starts RE2/J only at the pattern's literals (the first match, as find() finds it).
            if (within.stream().anyMatch(r -> r.contains(b.region()))
                    && (inView ? search.firstGroups(b.text(), b.region().start()) != null : contains.find(b.text()))) {
                out.add(b);
            }
        }
        return out;
    }

    private List<TextRegion> baseRegions(Posting posting) {
        List<TextRegion> raw = new ArrayList<>();
        if (selector == null) {
            raw.addAll(posting.sections(section));
        } else {
            for (Element e : elements(posting)) {
                raw.add(posting.regionOf(e));
            }
        }
        raw.sort(Comparator.comparingInt(TextRegion::start).thenComparing(Comparator.comparingInt(TextRegion::end).reversed()));
        List<TextRegion> out = new ArrayList<>();
        for (TextRegion r : raw) {
            if (out.isEmpty() || !out.get(out.size() - 1).contains(r)) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        if (isWhole()) {
            return "the whole posting";
        }
        List<String> parts = new ArrayList<>();
        if (contains != null) {
            parts.add("blocks matching '" + contains.pattern() + "'");
        }
        if (css != null) {
            parts.add(css);
        }
        if (section != null) {
            parts.add("section '" + section + "'");
        }
        return String.join(" in ", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scope s && java.util.Objects.equals(css, s.css) && java.util.Objects.equals(section, s.section)
                && java.util.Objects.equals(contains == null ? null : contains.pattern(), s.contains == null ? null : s.contains.pattern());
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(css, section, contains == null ? null : contains.pattern());
    }
}

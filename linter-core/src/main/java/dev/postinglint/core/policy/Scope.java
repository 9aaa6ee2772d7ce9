package dev.postinglint.core.policy;

import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.posting.TextRegion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * The part of a posting a rule looks at: elements matching a CSS selector, the content under a named
 * section heading, both (selected elements inside the section), or the whole posting.
 */
public final class Scope {
    public static final Scope WHOLE = new Scope(null, null, null);

    private final String css;
    private final Evaluator selector;
    private final String section;

    private Scope(String css, Evaluator selector, String section) {
        this.css = css;
        this.selector = selector;
        this.section = section;
    }

    /** Reads {@code scope: "css"} or {@code scope: {selector: "css", section: "Heading"}}. */
    public static Scope read(YamlValue value) {
        if (value.isScalar()) {
            return new Scope(value.asNonBlank("scope"), compileCss(value, value.asNonBlank("scope")), null);
        }
        YamlMap m = value.asMap("scope");
        String css = m.string("selector").orElse(null);
        Evaluator ev = css == null ? null : compileCss(m.require("selector"), css);
        String section = m.string("section").orElse(null);
        m.finish();
        if (css == null && section == null) {
            throw m.error("scope needs 'selector', 'section' or both");
        }
        return new Scope(css, ev, section);
    }

    /** Compiles a CSS selector once; a selector jsoup cannot read is an error at its place. */
    public static Evaluator compileCss(YamlValue at, String css) {
        try {
            return QueryParser.parse(css);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw at.error("'" + css + "' is not a valid CSS selector: " + e.getMessage());
        }
    }

    public boolean isWhole() {
        return selector == null && section == null;
    }

    /** The elements in scope: those the selector matches (inside the section, if one is named). */
    public List<Element> elements(Posting posting) {
        Element root = posting.document();
        List<Element> selected = selector == null ? List.of(root) : Selector.select(selector, root);
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
        if (isWhole()) {
            return List.of(posting.view().whole());
        }
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
        if (section == null) {
            return css;
        }
        return (css == null ? "" : css + " in ") + "section '" + section + "'";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scope s && java.util.Objects.equals(css, s.css) && java.util.Objects.equals(section, s.section);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(css, section);
    }
}

package dev.postinglint.core.rules;

import dev.postinglint.core.model.Fix;
import dev.postinglint.core.posting.ElementIndex;
import dev.postinglint.core.posting.Heading;
import dev.postinglint.core.posting.IndexedSelector;
import dev.postinglint.core.source.SourceSpan;
import dev.postinglint.core.yaml.YamlMap;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * {@code type: selector}: a CSS selector must match ({@code must: exist}) or must not match
 * ({@code must: not-exist}, the default) inside the scope. Each unwanted element is a finding at its
 * start tag, as the parser recorded it. {@code blank: true} keeps only elements with no visible
 * content; {@code bold-heading: true} only paragraphs used as headings (whole text bold). A safe
 * {@code fix:} may remove an attribute, add a missing one, or remove a blank element.
 */
final class SelectorRule implements Rule {
    private final RuleInfo info;
    private final String css;
    private final IndexedSelector selector;
    private final boolean mustExist;
    private final boolean blankOnly;
    private final boolean boldHeadingOnly;
    private final FixSpec fix;
    /** For a selector that is a list of tag names ("p, div"): the names, lower case; else null. */
    private final Set<String> tagNames;
    /** See {@link #testedAttribute(String)}. */
    private final String testedAttribute;

    /** What a selector rule can repair: one attribute removed or added, or a blank element removed. */
    record FixSpec(String removeAttribute, String addName, String addValue, boolean removeElement) {
    }

    SelectorRule(RuleInfo info, String css, Evaluator selector, boolean mustExist, boolean blankOnly,
            boolean boldHeadingOnly, FixSpec fix) {
        this.info = info;
        this.css = css;
        this.selector = IndexedSelector.of(css, selector);
        this.mustExist = mustExist;
        this.blankOnly = blankOnly;
        this.boldHeadingOnly = boldHeadingOnly;
        this.fix = fix;
        this.tagNames = TAG_LIST.matcher(css).matches()
                ? Set.copyOf(List.of(css.strip().toLowerCase(java.util.Locale.ROOT).split("\\s*,\\s*"))) : null;
        this.testedAttribute = testedAttribute(css);
    }

    /** One test of an attribute's value: {@code [style*=font-weight]}, {@code [target=_blank]}, {@code [href^=http]}. */
    private static final java.util.regex.Pattern VALUE_TEST =
            java.util.regex.Pattern.compile("\\[\\s*([A-Za-z][A-Za-z0-9-]*)\\s*[*^$]?=\\s*[A-Za-z0-9_-]+\\s*\\]");
    private static final java.util.regex.Pattern VALUE_TESTS = java.util.regex.Pattern.compile(
            "\\s*" + VALUE_TEST.pattern() + "(?:\\s*,\\s*" + VALUE_TEST.pattern() + ")*\\s*");

    /**
     * For a selector that is a list of tests of one attribute's value ("[style*=font-weight],
     * [style*=color]"), that attribute's name, lower case; else null. Whether jsoup matches an element
     * then depends on that attribute alone (read by name, ignoring case) and on the element's
     * namespace (HTML or not), so one answer holds for every element of a document with the same.
     */
    static String testedAttribute(String css) {
        if (!VALUE_TESTS.matcher(css).matches()) {
            return null;
        }
        String name = null;
        java.util.regex.Matcher m = VALUE_TEST.matcher(css);
        while (m.find()) {
            String n = m.group(1).toLowerCase(java.util.Locale.ROOT);
            if (name != null && !name.equals(n)) {
                return null;
            }
            name = n;
        }
        return name;
    }

    private static final java.util.regex.Pattern TAG_LIST =
            java.util.regex.Pattern.compile("\\s*[A-Za-z][A-Za-z0-9-]*(?:\\s*,\\s*[A-Za-z][A-Za-z0-9-]*)*\\s*");

    /**
     * A blank element: something typed in it (white space, &nbsp;, a line break) but no text and
     * nothing visible such as an image. A childless element is an editor's empty line, not padding.
     */
    /** Compiled once: {@code Element.select(String)} parses its query on every call. */
    private static final org.jsoup.select.Evaluator MEDIA = org.jsoup.select.QueryParser.parse("img, iframe, video, svg, input, hr");

    private static boolean isBlank(Element e) {
        return e.childNodeSize() > 0 && blankText(e) && e.select(MEDIA).isEmpty();
    }

    /**
     * Whether {@code e.text()}, &nbsp; read as a space, is blank, mostly without building it: a
     * letter, a digit or a visible ASCII character in a text node stays in text() (which collapses
     * white space, trims characters up to U+0020 and drops a few invisible ones such as U+200B), so
     * the element is not blank; text nodes of white space and &nbsp; only make a blank text(). Any
     * other character is left to text() itself.
     */
    private static boolean blankText(Element e) {
        return switch (textKind(e)) {
            case 0 -> true;
            case 1 -> false;
            default -> e.text().replace('\u00a0', ' ').isBlank();
        };
    }

    /** 0: every text character is white space or &nbsp;; 1: one is certainly visible; 2: otherwise (ask text()). */
    private static int textKind(Node node) {
        int kind = 0;
        for (int i = 0; i < node.childNodeSize(); i++) {
            Node child = node.childNode(i);
            int k;
            if (child instanceof TextNode t) {
                k = 0;
                String s = t.getWholeText();
                for (int j = 0; j < s.length() && k != 1; j++) {
                    char c = s.charAt(j);
                    if (c != '\u00a0' && !Character.isWhitespace(c)) {
                        k = (c > ' ' && c < 127) || Character.isLetterOrDigit(c) ? 1 : 2;
                    }
                }
            } else {
                k = child.childNodeSize() == 0 ? 0 : textKind(child);
            }
            if (k == 1) {
                return 1;
            }
            kind = Math.max(kind, k);
        }
        return kind;
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    /**
     * The elements the selector matches in the scope's elements and in the posting's content, in
     * document order, each once (one scope element, the whole posting's document, needs no dedup).
     */
    private List<Element> selected(RuleContext ctx, List<Element> scopeElements) {
        if (boldHeadingOnly && tagNames != null && scopeElements.size() == 1) {
            return headingsSelected(ctx, scopeElements.get(0));
        }
        if (scopeElements.size() == 1 && scopeElements.get(0) == ctx.posting().document()) {
            ElementIndex index = ctx.posting().elementIndex();
            List<Element> all = testedAttribute != null ? selectByValue(index) : selector.select(index);
            return all.stream().filter(ctx.posting()::inContent).toList();
        }
        if (scopeElements.size() == 1) {
            return Selector.select(selector.evaluator(), scopeElements.get(0)).stream().filter(ctx.posting()::inContent).toList();
        }
        Map<Element, Boolean> seen = new IdentityHashMap<>();
        List<Element> out = new ArrayList<>();
        for (Element root : scopeElements) {
            for (Element e : Selector.select(selector.evaluator(), root)) {
                if (ctx.posting().inContent(e) && seen.put(e, Boolean.TRUE) == null) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /**
     * What {@code Selector.select} gives for a selector of {@link #testedAttribute} tests over the
     * index's root: the index's candidates (the elements with that attribute, in document order), but
     * jsoup is asked once per distinct value of the attribute (and namespace) in the document instead of
     * for every element: a pasted page repeats a few styles on every paragraph, and each of seven tests
     * reads and lower-cases the value again.
     */
    List<Element> selectByValue(ElementIndex index) {
        String name = testedAttribute;
        Element root = index.root();
        Map<String, Map<String, Boolean>> byNamespace = new java.util.HashMap<>(4);
        Map<String, Boolean> withoutAttribute = new java.util.HashMap<>(4);
        List<Element> out = new ArrayList<>();
        List<Element> candidates = selector.candidates(index);
        for (Element e : candidates == null ? Selector.select(ALL, root) : candidates) {
            String namespace = e.tag().namespace();
            Boolean verdict;
            if (e.hasAttr(name)) {
                Map<String, Boolean> values = byNamespace.computeIfAbsent(namespace, k -> new java.util.HashMap<>());
                String value = e.attr(name);
                verdict = values.get(value);
                if (verdict == null) {
                    verdict = selector.evaluator().matches(root, e);
                    values.put(value, verdict);
                }
            } else {
                verdict = withoutAttribute.get(namespace);
                if (verdict == null) {
                    verdict = selector.evaluator().matches(root, e);
                    withoutAttribute.put(namespace, verdict);
                }
            }
            if (verdict) {
                out.add(e);
            }
        }
        return out;
    }

    private static final Evaluator ALL = org.jsoup.select.QueryParser.parse("*");

    @Override
    public void check(RuleContext ctx, FindingSink sink) {
        List<Element> scopeElements = info.scope().elements(ctx.posting());
        List<Element> selected = selected(ctx, scopeElements);
        Set<Element> headings = boldHeadingOnly ? headingElements(ctx) : null;
        List<Element> matched = new ArrayList<>();
        for (Element e : selected) {
            if (blankOnly && !isBlank(e) || headings != null && !headings.contains(e)) {
                continue;
            }
            matched.add(e);
        }
        String text = ctx.posting().source().text();
        if (mustExist) {
            if (matched.isEmpty()) {
                SourceSpan at = scopeElements.isEmpty() ? ctx.posting().source().span(0, 0) : startTag(ctx, scopeElements.get(0));
                sink.report(at, ctx.render(info.message(), vars("", 0)), "", null);
            }
            return;
        }
        for (Element e : matched) {
            SourceSpan span = startTag(ctx, e);
            sink.report(span, ctx.render(info.message(), vars(e.normalName(), matched.size())),
                    text.substring(span.startOffset(), span.endOffset()), fixFor(ctx, e));
        }
    }

    /**
     * For {@code bold-heading} with a selector of tag names: the posting's headings (a few) of those
     * names under {@code root}, instead of every paragraph and div of the posting: the same elements,
     * which only the headings test would keep. (Their order does not matter: findings are sorted.)
     */
    private List<Element> headingsSelected(RuleContext ctx, Element root) {
        Set<Element> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Element> out = new ArrayList<>();
        for (Heading h : ctx.posting().headings()) {
            Element e = h.element();
            if (tagNames.contains(e.normalName()) && within(e, root) && ctx.posting().inContent(e) && seen.add(e)) {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean within(Element e, Element root) {
        for (Element x = e; x != null; x = x.parent()) {
            if (x == root) {
                return true;
            }
        }
        return false;
    }

    /** The headings' elements, to test each selected element once instead of scanning the headings for it. */
    private static Set<Element> headingElements(RuleContext ctx) {
        Set<Element> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Heading h : ctx.posting().headings()) {
            out.add(h.element());
        }
        return out;
    }

    private Fix fixFor(RuleContext ctx, Element e) {
        if (fix == null || !ctx.posting().markupIsSource()) {
            return null; // Markdown: the tags were rendered, there is no markup in the file to edit
        }
        var src = ctx.posting().source();
        if (fix.removeAttribute() != null) {
            return MarkupFixes.removeAttribute(src, e, fix.removeAttribute());
        }
        if (fix.addName() != null) {
            return MarkupFixes.addAttribute(src, e, fix.addName(), fix.addValue());
        }
        return fix.removeElement() ? MarkupFixes.removeElement(src, e) : null;
    }

    private Map<String, String> vars(String element, int count) {
        return Map.of("selector", css, "element", element, "count", String.valueOf(count));
    }

    /**
     * The element's start tag (for Markdown, where the construct that made it starts); the whole
     * file's start for elements the parser made up (html, body).
     */
    static SourceSpan startTag(RuleContext ctx, Element e) {
        SourceSpan tag = ctx.posting().startTag(e);
        return tag == null ? ctx.posting().source().span(0, 0) : tag;
    }

    static final class Type implements RuleType {
        @Override
        public String name() {
            return "selector";
        }

        @Override
        public Set<String> variables() {
            return Set.of("selector", "element", "count");
        }

        @Override
        public String defaultMessage() {
            return "Element matching '{selector}' is not allowed";
        }

        @Override
        public Rule create(RuleInfo info, YamlMap spec) {
            var sel = spec.require("selector");
            String css = sel.asNonBlank("'selector'");
            String must = spec.string("must").orElse("not-exist");
            if (!must.equals("exist") && !must.equals("not-exist")) {
                throw spec.get("must").orElseThrow().error("'must' is 'exist' or 'not-exist', not '" + must + "'");
            }
            boolean blank = spec.get("blank").map(v -> v.asBoolean("'blank'")).orElse(false);
            boolean boldHeading = spec.get("bold-heading").map(v -> v.asBoolean("'bold-heading'")).orElse(false);
            FixSpec fix = spec.get("fix").map(Type::readFix).orElse(null);
            if (fix != null && must.equals("exist")) {
                throw spec.require("fix").error("a fix repairs elements that must not exist; 'must: exist' has none to repair");
            }
            if (fix != null && fix.removeElement() && !blank) {
                throw spec.require("fix").error("'remove-element' is only safe for blank elements: add 'blank: true'");
            }
            return new SelectorRule(info, css, Scope.compileCss(sel, css), must.equals("exist"), blank, boldHeading, fix);
        }

        private static FixSpec readFix(dev.postinglint.core.yaml.YamlValue v) {
            YamlMap m = v.asMap("'fix'");
            String remove = m.string("remove-attribute").orElse(null);
            String addName = null;
            String addValue = null;
            var add = m.get("add-attribute");
            if (add.isPresent()) {
                YamlMap am = add.get().asMap("'add-attribute'");
                List<String> keys = am.keys();
                if (keys.size() != 1) {
                    throw add.get().error("'add-attribute' takes one name: value pair");
                }
                addName = keys.get(0);
                addValue = am.get(addName).orElseThrow().asString("attribute value");
            }
            boolean removeElement = m.get("remove-element").map(x -> x.asBoolean("'remove-element'")).orElse(false);
            m.finish();
            int kinds = (remove != null ? 1 : 0) + (addName != null ? 1 : 0) + (removeElement ? 1 : 0);
            if (kinds != 1) {
                throw m.error("'fix' takes exactly one of remove-attribute, add-attribute, remove-element");
            }
            return new FixSpec(remove, addName, addValue, removeElement);
        }
    }
}

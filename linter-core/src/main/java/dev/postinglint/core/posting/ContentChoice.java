package dev.postinglint.core.posting;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Which part of an HTML file is the posting. A description body (what boards export, what editors
 * hold) is all posting; a whole saved page also has the site's header, navigation and footer, which
 * are not. {@code auto} (the default) finds the posting's main content on a whole page; {@code
 * whole-file} lints every element; a CSS selector names the content element (the first match; the
 * whole file when nothing matches). Text rules, scopes, headings and blocks then see only that
 * element's subtree; positions stay those of the file.
 */
public final class ContentChoice {
    public static final ContentChoice AUTO = new ContentChoice("auto", null);
    public static final ContentChoice WHOLE_FILE = new ContentChoice("whole-file", null);

    /**
     * Where a whole page's posting is, first found wins: the HTML ways of saying "main content" ({@code
     * main}, {@code role=main}); then board pages' posting containers, each holding the posting's own
     * header (title, location) as well as its description: Greenhouse (new boards' {@code .job-post},
     * classic boards' {@code #app_body}), Lever ({@code .posting-page}), Workday ({@code
     * job-posting-details}, else {@code jobPostingDescription}), Ashby's hosted page ({@code
     * .ashby-job-posting-right-pane}); then the first {@code article}.
     */
    static final List<String> AUTO_SELECTORS = List.of(
            "main", "[role=main]", ".job-post", "#app_body", ".posting-page",
            "[data-automation-id=job-posting-details]", "[data-automation-id=jobPostingDescription]",
            ".ashby-job-posting-right-pane", "article");
    private static final List<Evaluator> AUTO_EVALUATORS = AUTO_SELECTORS.stream().map(QueryParser::parse).toList();
    /** Page furniture: a page with one of these around its content is a whole page, not a posting body. */
    private static final Evaluator FURNITURE = QueryParser.parse("header, nav, footer, [role=banner], [role=navigation], [role=contentinfo]");

    private final String text;
    private final Evaluator selector;

    private ContentChoice(String text, Evaluator selector) {
        this.text = text;
        this.selector = selector;
    }

    /**
     * Reads {@code auto}, {@code whole-file} or a CSS selector. Throws {@link IllegalArgumentException}
     * with a message for a selector jsoup cannot read.
     */
    public static ContentChoice parse(String value) {
        String v = value.strip();
        switch (v.toLowerCase(Locale.ROOT)) {
            case "auto":
                return AUTO;
            case "whole-file":
                return WHOLE_FILE;
            default:
                break;
        }
        if (v.isEmpty()) {
            throw new IllegalArgumentException("content must be auto, whole-file or a CSS selector, not blank");
        }
        if (v.matches("(?s).*:(matches|matchesOwn|matchText|matchesWholeText|matchesWholeOwnText)\\b.*")) {
            throw new IllegalArgumentException("content selector '" + v + "' uses a regex pseudo-selector (:matches...),"
                    + " which could run for ever");
        }
        try {
            return new ContentChoice(v, QueryParser.parse(v));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("content selector '" + v + "' is not a valid CSS selector: " + e.getMessage(), e);
        }
    }

    /** As written: {@code auto}, {@code whole-file} or the selector. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentChoice c && c.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The element whose subtree is the posting: the document itself when the whole file is. */
    public Element choose(Document doc) {
        if (this == WHOLE_FILE) {
            return doc;
        }
        if (selector != null) {
            Element e = first(doc, selector);
            return e == null ? doc : e;
        }
        if (!isWholePage(doc)) {
            return doc;
        }
        for (Evaluator ev : AUTO_EVALUATORS) {
            Element e = first(doc, ev);
            if (e != null && !e.text().isBlank()) {
                return e;
            }
        }
        Element outside = aroundTextOutsideFurniture(doc.body());
        return outside == null ? doc : outside;
    }

    /** Elements whose text is never the posting's, on a page without a main content element. */
    private static final java.util.Set<String> NOT_TEXT = java.util.Set.of("script", "style", "template", "noscript", "svg", "math");

    /**
     * On a page with furniture but no main element: the smallest element that holds every word outside
     * the header, navigation and footer (the page's content column); null when that is the body itself
     * (furniture between the words), which is then linted whole.
     */
    private static Element aroundTextOutsideFurniture(Element body) {
        Element common = null;
        java.util.Deque<Element> stack = new java.util.ArrayDeque<>();
        stack.push(body);
        while (!stack.isEmpty()) {
            Element el = stack.pop();
            if (el != body && (FURNITURE.matches(body, el) || NOT_TEXT.contains(el.normalName()))) {
                continue;
            }
            for (org.jsoup.nodes.Node n : el.childNodes()) {
                if (n instanceof Element child) {
                    stack.push(child);
                } else if (n instanceof org.jsoup.nodes.TextNode t && !t.isBlank()) {
                    common = common == null ? el : commonAncestor(common, el);
                }
            }
        }
        return common == null || common == body ? null : common;
    }

    private static Element commonAncestor(Element a, Element b) {
        java.util.Set<Element> up = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Element e = a; e != null; e = e.parent()) {
            up.add(e);
        }
        for (Element e = b; e != null; e = e.parent()) {
            if (up.contains(e)) {
                return e;
            }
        }
        return a;
    }

    /**
     * A whole page: the file itself writes {@code <html>} or {@code <body>} (a description body never
     * does; the parser makes them up), and has page furniture (header, navigation, footer) or a main
     * or board content container. A written page of bare paragraphs is all posting.
     */
    static boolean isWholePage(Document doc) {
        Element body = doc.body();
        Element html = doc.firstElementChild();
        if (body == null || !(written(body) || written(html))) {
            return false;
        }
        if (first(body, FURNITURE) != null) {
            return true;
        }
        for (int i = 0; i < AUTO_EVALUATORS.size() - 1; i++) { // all but article, which alone is no sign of a page
            if (first(body, AUTO_EVALUATORS.get(i)) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean written(Element e) {
        return e != null && e.sourceRange().isTracked() && e.sourceRange().endPos() > e.sourceRange().startPos();
    }

    private static Element first(Element root, Evaluator ev) {
        return root.selectFirst(ev);
    }
}

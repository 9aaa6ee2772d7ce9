package dev.postinglint.core.rules;

import dev.postinglint.core.policy.Scope;
import dev.postinglint.core.policy.YamlMap;
import dev.postinglint.core.source.SourceSpan;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * {@code type: selector}: a CSS selector must match ({@code must: exist}) or must not match
 * ({@code must: not-exist}, the default) inside the scope. Each unwanted element is a finding at its
 * start tag, as the parser recorded it.
 */
final class SelectorRule implements Rule {
    private final RuleInfo info;
    private final String css;
    private final Evaluator selector;
    private final boolean mustExist;

    SelectorRule(RuleInfo info, String css, Evaluator selector, boolean mustExist) {
        this.info = info;
        this.css = css;
        this.selector = selector;
        this.mustExist = mustExist;
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public void check(RuleContext ctx, FindingSink sink) {
        List<Element> scopeElements = info.scope().elements(ctx.posting());
        Map<Element, Boolean> seen = new IdentityHashMap<>();
        List<Element> matched = new ArrayList<>();
        for (Element root : scopeElements) {
            for (Element e : Selector.select(selector, root)) {
                if (seen.put(e, Boolean.TRUE) == null) {
                    matched.add(e);
                }
            }
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
                    text.substring(span.startOffset(), span.endOffset()), null);
        }
    }

    private Map<String, String> vars(String element, int count) {
        return Map.of("selector", css, "element", element, "count", String.valueOf(count));
    }

    /** The element's start tag; the whole file's start for elements the parser made up (html, body). */
    static SourceSpan startTag(RuleContext ctx, Element e) {
        Range r = e.sourceRange();
        if (!r.isTracked() || r.end().pos() <= r.start().pos()) {
            return ctx.posting().source().span(0, 0);
        }
        return ctx.posting().source().span(r.start().pos(), r.end().pos());
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
            return new SelectorRule(info, css, Scope.compileCss(sel, css), must.equals("exist"));
        }
    }
}

package dev.postinglint.core.posting;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Several compiled CSS selectors matched in one walk over a posting: every element of the posting's
 * content is tested against each selector as it is visited, instead of one {@code select} (one walk
 * over the whole document) per selector. Built once when a policy loads; immutable and shared by
 * every thread.
 *
 * <p>What each selector gets is exactly what {@code Selector.select(evaluator, document)} returns,
 * kept to the elements inside {@link Posting#content()}: the same elements, in document order, each
 * once. Every element is tested with the document as the query root, as {@code select} does, so
 * combinators ({@code body [class]}), {@code :has}, {@code :not} and structural pseudo-selectors
 * ({@code :first-child}, {@code :root}) mean the same.
 */
public final class SelectorIndex {
    /** No selectors: a policy without selector rules. */
    public static final SelectorIndex NONE = new SelectorIndex(List.of());

    private final Evaluator[] evaluators;

    private SelectorIndex(List<Evaluator> evaluators) {
        this.evaluators = evaluators.toArray(new Evaluator[0]);
    }

    /** The selectors, in order; {@link Matches#of(int)} takes a position in this list. */
    public static SelectorIndex of(List<Evaluator> evaluators) {
        return evaluators.isEmpty() ? NONE : new SelectorIndex(evaluators);
    }

    /**
     * Whether a selector's matches can come from the shared walk. Node pseudo-selectors ({@code ::text},
     * {@code ::comment}) test nodes other than elements, and jsoup's {@code web} query mode (the
     * {@code jsoup.queryMode} system property) leaves the root out: those keep their own {@code select}.
     */
    public static boolean walkable(String css) {
        return !css.contains("::") && System.getProperty("jsoup.queryMode", "legacy").equalsIgnoreCase("legacy");
    }

    public int size() {
        return evaluators.length;
    }

    /** The elements of one posting that each selector matches, from one walk. */
    public Matches match(Posting posting) {
        return match(posting.document(), posting.content());
    }

    /**
     * Each selector's matches among {@code within} and its descendants, tested with {@code root} as
     * the query root (so what lies outside {@code within} still counts for combinators), in document
     * order. {@code within} is {@code root} or inside it.
     */
    public Matches match(Element root, Element within) {
        int n = evaluators.length;
        List<List<Element>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        if (n == 0) {
            return new Matches(out);
        }
        try {
            // Preorder over the elements, iterative (postings can nest deeply): the order select returns.
            Element el = within;
            while (el != null) {
                for (int i = 0; i < n; i++) {
                    if (evaluators[i].matches(root, el)) {
                        out.get(i).add(el);
                    }
                }
                Element next = el.firstElementChild();
                while (next == null && el != within) {
                    next = el.nextElementSibling();
                    if (next == null) {
                        el = el.parent();
                    }
                }
                el = next;
            }
        } finally {
            forgetMemos();
        }
        return new Matches(out);
    }

    /**
     * jsoup's structural evaluators ({@code body [class]}, {@code :has}) remember, per thread, what they
     * found for each element until {@code reset()}, which only jsoup's own selects call (it is
     * protected). A select over one detached element resets each of them, so the walk keeps no
     * posting's elements alive afterwards.
     */
    private void forgetMemos() {
        Element scratch = new Element("i");
        for (Evaluator e : evaluators) {
            Selector.select(e, scratch);
        }
    }

    /** Each selector's matched elements, by the selector's position in the index. */
    public static final class Matches {
        private final List<List<Element>> matched;

        private Matches(List<List<Element>> matched) {
            this.matched = matched;
        }

        /** The elements selector {@code i} matches, in document order; unmodifiable. */
        public List<Element> of(int i) {
            return java.util.Collections.unmodifiableList(matched.get(i));
        }
    }
}

package dev.postinglint.core.posting;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.EvaluatorInternals;
import org.jsoup.select.Selector;

/**
 * A compiled CSS selector that, when it can, tests only the elements able to match it: read once
 * when the policy loads, a selector whose every comma-separated alternative names a tag
 * ({@code p}, {@code a[href]}) or needs an attribute ({@code [class]:not(.x)}, {@code [style*=color]})
 * at the element it selects is answered from the posting's {@link ElementIndex}: the candidates, in
 * document order, go through jsoup's own predicate, so the result is exactly {@code Selector.select}'s
 * (same elements, same order). Any other selector walks the tree as {@code Selector.select} does.
 *
 * <p>Why: a select is a walk over every element testing each (about 12 µs a posting); the default
 * pack's markup rules look for {@code p}, {@code a}, {@code img} and elements with a class or a style,
 * a small share of a posting's elements.
 */
public final class IndexedSelector {
    private final String css;
    private final Evaluator evaluator;
    /** One per alternative; null when some alternative needs neither a tag nor an attribute, or the selector was not understood. */
    private final List<Need> alternatives;

    /**
     * What one alternative's selected element must have: its tag name ({@code null} if any) or any of
     * the attributes (each alone is enough to bound the candidates); names in ASCII lower case.
     */
    public record Need(String tag, List<String> attributes) {
    }

    private IndexedSelector(String css, Evaluator evaluator, List<Need> alternatives) {
        this.css = css;
        this.evaluator = evaluator;
        this.alternatives = alternatives;
    }

    /** {@code evaluator} is {@code css} as jsoup compiled it. */
    public static IndexedSelector of(String css, Evaluator evaluator) {
        return new IndexedSelector(css, evaluator, needs(css));
    }

    public String css() {
        return css;
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    /** Per alternative, what its selected element needs; empty when the index cannot answer this selector. */
    public List<Need> needs() {
        return alternatives == null ? List.of() : alternatives;
    }

    /** {@code Selector.select(evaluator, posting.document())}, from the posting's index when the selector allows. */
    public List<Element> select(Posting posting) {
        return alternatives == null ? Selector.select(evaluator, posting.document()) : select(posting.elementIndex());
    }

    /** {@code Selector.select(evaluator, index.root())}: only the candidates are tested. */
    public List<Element> select(ElementIndex index) {
        List<Element> candidates = candidates(index);
        if (candidates == null) {
            return Selector.select(evaluator, index.root());
        }
        Element root = index.root();
        // jsoup's own filter, as Collector.collect runs it over root.stream(): it resets the structural
        // evaluators' memos (held per root and element) first; they are dropped again afterwards.
        List<Element> out = EvaluatorInternals.stream(evaluator, root, candidates.stream()).collect(Collectors.toList());
        EvaluatorInternals.stream(evaluator, root, Stream.empty()); // resets the evaluator, as collect does at its end
        return out;
    }

    /** The elements of the index that may match, in document order; null when every element may. */
    public List<Element> candidates(ElementIndex index) {
        return alternatives == null ? null : index.candidates(alternatives);
    }

    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    /** An attribute test that holds only where the attribute is present: {@code [name]}, {@code [name=v]}, ^=, $=, *=, ~= (not !=). */
    private static final Pattern PRESENCE = Pattern.compile("(?s)\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*(?:[\\^$*~]?=.*)?");

    /**
     * Reads the selector's alternatives and what the element each selects must have; null unless every
     * alternative needs a tag or an attribute there. Conservative: what is not plainly understood
     * (escapes, pseudo-elements, namespaces, unbalanced brackets or quotes) gives null, and the
     * selector walks.
     */
    static List<Need> needs(String css) {
        // Node selectors (::textnode, :matchText) test text nodes too: left to select.
        if (css.indexOf('\\') >= 0 || css.contains("::") || css.indexOf('|') >= 0
                || css.toLowerCase(java.util.Locale.ROOT).contains("matchtext")) {
            return null;
        }
        List<String> groups = splitTopLevel(css);
        if (groups == null) {
            return null;
        }
        List<Need> out = new ArrayList<>();
        for (String group : groups) {
            Need need = need(subject(group.strip()));
            if (need == null) {
                return null;
            }
            out.add(need);
        }
        return List.copyOf(out);
    }

    /** Receives a character of a selector that stands outside quotes, brackets and parentheses. */
    private interface TopLevel {
        void at(int index, char c);
    }

    /** Gives {@code at} each character of {@code css} outside quotes, brackets and parentheses; false if these do not balance. */
    private static boolean eachTopLevel(String css, TopLevel at) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < css.length(); i++) {
            char c = css.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                if (--depth < 0) {
                    return false;
                }
            } else if (depth == 0) {
                at.at(i, c);
            }
        }
        return quote == 0 && depth == 0;
    }

    /** The alternatives, split at commas outside brackets, parentheses and quotes; null if these do not balance. */
    private static List<String> splitTopLevel(String css) {
        List<Integer> commas = new ArrayList<>();
        if (!eachTopLevel(css, (i, c) -> {
            if (c == ',') {
                commas.add(i);
            }
        })) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int comma : commas) {
            out.add(css.substring(start, comma));
            start = comma + 1;
        }
        out.add(css.substring(start));
        return out;
    }

    /** The last compound selector of an alternative (balanced): what follows its last combinator (space, >, + or ~) outside brackets. */
    private static String subject(String group) {
        int[] start = {0};
        eachTopLevel(group, (i, c) -> {
            if (Character.isWhitespace(c) || c == '>' || c == '+' || c == '~') {
                start[0] = i + 1;
            }
        });
        return group.substring(start[0]);
    }

    /** What a compound selector's element needs: its leading tag name and the attributes its top-level attribute tests require. */
    private static Need need(String compound) {
        String tag = null;
        Matcher ident = IDENT.matcher(compound);
        if (ident.lookingAt()) {
            int end = ident.end();
            if (end < compound.length() && ".#[:".indexOf(compound.charAt(end)) < 0) {
                return null; // not a plain tag name followed by its conditions
            }
            tag = ElementIndex.asciiLower(ident.group());
        }
        List<String> attributes = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < compound.length(); i++) {
            char c = compound.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '[' && depth == 0) {
                int close = closingBracket(compound, i);
                if (close < 0) {
                    return null;
                }
                Matcher m = PRESENCE.matcher(compound.substring(i + 1, close));
                if (m.matches()) {
                    attributes.add(ElementIndex.asciiLower(m.group(1)));
                }
                i = close;
            }
        }
        return tag == null && attributes.isEmpty() ? null : new Need(tag, List.copyOf(attributes));
    }

    private static int closingBracket(String s, int open) {
        char quote = 0;
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return css;
    }
}

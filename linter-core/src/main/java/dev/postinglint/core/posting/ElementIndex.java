package dev.postinglint.core.posting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * A document's elements in document order, and, asked for by name on first use, the positions of
 * those with a tag name or carrying an attribute: one walk per posting ({@link Posting#elementIndex()})
 * shared by every selector of every rule, so a selector that needs a tag or an attribute
 * ({@link IndexedSelector}) tests the few elements that have it instead of walking the tree.
 *
 * <p>A name's elements are found by the test jsoup itself makes, or a looser one: a tag by its
 * lower-case name ({@code Element.nameIs}), an attribute by {@code hasAttr} (any case, as jsoup's
 * attribute tests read it). The index may offer too many candidates, never too few.
 */
public final class ElementIndex {
    private static final int[] NONE = new int[0];

    private final Element root;
    private final Element[] elements;
    private final Map<String, int[]> byTag = new HashMap<>(8);
    private final Map<String, int[]> byAttribute = new HashMap<>(8);

    private ElementIndex(Element root, Element[] elements) {
        this.root = root;
        this.elements = elements;
    }

    /** Indexes {@code root} and every element under it, in the order {@code root.stream()} gives them. */
    public static ElementIndex of(Element root) {
        List<Element> all = new ArrayList<>();
        // Depth first without recursion (a page may nest deeply): the element, then its children in order.
        Element[] parents = new Element[16];
        int[] next = new int[16];
        int depth = 0;
        all.add(root);
        parents[0] = root;
        next[0] = 0;
        while (depth >= 0) {
            Element parent = parents[depth];
            if (next[depth] == parent.childNodeSize()) {
                parents[depth--] = null;
                continue;
            }
            Node child = parent.childNode(next[depth]++);
            if (child instanceof Element e) {
                all.add(e);
                if (++depth == parents.length) {
                    parents = Arrays.copyOf(parents, depth * 2);
                    next = Arrays.copyOf(next, depth * 2);
                }
                parents[depth] = e;
                next[depth] = 0;
            }
        }
        return new ElementIndex(root, all.toArray(new Element[0]));
    }

    /** The element the index was built from. */
    public Element root() {
        return root;
    }

    /** How many elements there are, {@code root} included. */
    public int size() {
        return elements.length;
    }

    /**
     * The elements that may match a selector whose every alternative needs the tag name or one of
     * the attribute names given for it ({@link IndexedSelector.Need}), in document order, each once.
     */
    List<Element> candidates(List<IndexedSelector.Need> alternatives) {
        if (alternatives.size() == 1) {
            int[] only = positions(alternatives.get(0));
            List<Element> out = new ArrayList<>(only.length);
            for (int at : only) {
                out.add(elements[at]);
            }
            return out;
        }
        BitSet chosen = new BitSet(elements.length);
        for (IndexedSelector.Need need : alternatives) {
            for (int at : positions(need)) {
                chosen.set(at);
            }
        }
        List<Element> out = new ArrayList<>(chosen.cardinality());
        for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
            out.add(elements[i]);
        }
        return out;
    }

    /** The elements that may meet {@code need}: those of its tag when it names one (they cost nothing to test), else of its rarest attribute. */
    private int[] positions(IndexedSelector.Need need) {
        if (need.tag() != null) {
            return byTag.computeIfAbsent(need.tag(), this::withTag);
        }
        int[] best = null;
        for (String attribute : need.attributes()) {
            int[] p = byAttribute.computeIfAbsent(attribute, this::withAttribute);
            if (best == null || p.length < best.length) {
                best = p;
            }
        }
        return best;
    }

    /**
     * Elements whose lower-case name is {@code tag}: jsoup's tag test compares that name (or, for a
     * foreign element in its web query mode, the name as written, whose lower case this is).
     */
    private int[] withTag(String tag) {
        int[] out = NONE;
        int n = 0;
        for (int i = 0; i < elements.length; i++) {
            if (elements[i].normalName().equals(tag)) {
                out = add(out, n++, i);
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Elements with the attribute, its name compared ignoring case as jsoup's attribute tests do (or more strictly). */
    private int[] withAttribute(String name) {
        int[] out = NONE;
        int n = 0;
        for (int i = 0; i < elements.length; i++) {
            if (elements[i].hasAttr(name)) {
                out = add(out, n++, i);
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static int[] add(int[] to, int size, int value) {
        int[] out = size < to.length ? to : Arrays.copyOf(to, Math.max(8, size * 2));
        out[size] = value;
        return out;
    }

    static String asciiLower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] += 'a' - 'A';
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }
}

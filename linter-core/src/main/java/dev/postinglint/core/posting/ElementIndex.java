package dev.postinglint.core.posting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;

/**
 * A document's elements in document order, with the positions of those of each tag name and of
 * those carrying each attribute: built by one walk on first use ({@link Posting#elementIndex()}) and
 * shared by every selector of every rule, so a selector that needs a tag or an attribute
 * ({@link IndexedSelector}) tests the few elements that have it instead of walking the tree.
 *
 * <p>Names are keyed in ASCII lower case. A name with any other character goes to a bucket that every
 * look-up includes (jsoup compares attribute names with {@code equalsIgnoreCase}, where U+017F "ſ"
 * equals "s"): the index may offer too many candidates, never too few.
 */
public final class ElementIndex {
    private final Element root;
    private final Element[] elements;
    private final Map<String, Positions> byTag;
    private final Positions otherTags;
    private final Map<String, Positions> byAttribute;
    private final Positions otherAttributes;

    private ElementIndex(Element root, Element[] elements, Map<String, Positions> byTag, Positions otherTags,
            Map<String, Positions> byAttribute, Positions otherAttributes) {
        this.root = root;
        this.elements = elements;
        this.byTag = byTag;
        this.otherTags = otherTags;
        this.byAttribute = byAttribute;
        this.otherAttributes = otherAttributes;
    }

    /** Indexes {@code root} and every element under it, in the order {@code root.stream()} gives them. */
    public static ElementIndex of(Element root) {
        List<Element> all = new ArrayList<>();
        Map<String, Positions> byTag = new HashMap<>();
        Positions otherTags = new Positions();
        Map<String, Positions> byAttribute = new HashMap<>();
        Positions otherAttributes = new Positions();
        NodeTraversor.traverse((Node node, int depth) -> {
            if (!(node instanceof Element e)) {
                return;
            }
            int at = all.size();
            all.add(e);
            String tag = e.normalName();
            if (isAscii(tag)) {
                byTag.computeIfAbsent(tag, k -> new Positions()).add(at);
            } else {
                otherTags.add(at);
            }
            if (e.attributesSize() > 0) {
                for (Attribute a : e.attributes()) {
                    String key = a.getKey();
                    Positions p = isAscii(key)
                            ? byAttribute.computeIfAbsent(asciiLower(key), k -> new Positions()) : otherAttributes;
                    p.addOnce(at); // "Class" and "class" on one element count once
                }
            }
        }, root);
        return new ElementIndex(root, all.toArray(new Element[0]), byTag, otherTags, byAttribute, otherAttributes);
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
     * The elements that may match a selector whose every alternative needs one of the tag names or
     * attribute names given for it ({@link IndexedSelector.Need}), in document order, each once.
     */
    List<Element> candidates(List<IndexedSelector.Need> alternatives) {
        if (alternatives.size() == 1) {
            Positions only = smallest(alternatives.get(0));
            if (only.isPlain()) {
                return only.elements(elements);
            }
        }
        BitSet chosen = new BitSet(elements.length);
        for (IndexedSelector.Need need : alternatives) {
            smallest(need).markIn(chosen);
        }
        List<Element> out = new ArrayList<>(chosen.cardinality());
        for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
            out.add(elements[i]);
        }
        return out;
    }

    /** Of the buckets that hold every element meeting {@code need}, the one with fewest elements. */
    private Positions smallest(IndexedSelector.Need need) {
        Positions best = null;
        if (need.tag() != null) {
            best = Positions.with(byTag.get(need.tag()), otherTags);
        }
        for (String attribute : need.attributes()) {
            Positions p = Positions.with(byAttribute.get(attribute), otherAttributes);
            if (best == null || p.size() < best.size()) {
                best = p;
            }
        }
        return best;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
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

    /** Ascending element positions; {@link #extra}, when set, is a second list to merge in (the other-names bucket). */
    private static final class Positions {
        private static final Positions EMPTY = new Positions();
        private int[] at = new int[4];
        private int size;
        private Positions extra;

        static Positions with(Positions named, Positions other) {
            Positions base = named == null ? EMPTY : named;
            if (other.size == 0) {
                return base;
            }
            Positions merged = new Positions();
            merged.at = base.at;
            merged.size = base.size;
            merged.extra = other;
            return merged;
        }

        void add(int position) {
            if (size == at.length) {
                at = Arrays.copyOf(at, size * 2);
            }
            at[size++] = position;
        }

        void addOnce(int position) {
            if (size == 0 || at[size - 1] != position) {
                add(position);
            }
        }

        int size() {
            return size + (extra == null ? 0 : extra.size);
        }

        boolean isPlain() {
            return extra == null;
        }

        List<Element> elements(Element[] all) {
            List<Element> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                out.add(all[at[i]]);
            }
            return out;
        }

        void markIn(BitSet chosen) {
            for (int i = 0; i < size; i++) {
                chosen.set(at[i]);
            }
            if (extra != null) {
                extra.markIn(chosen);
            }
        }
    }
}

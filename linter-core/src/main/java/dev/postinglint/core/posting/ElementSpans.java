package dev.postinglint.core.posting;

import java.util.Arrays;
import org.jsoup.nodes.Element;

/**
 * The text range {@code [start, end)} of the view each walked element covers, by element identity.
 * Speed: one posting has thousands of elements; this keeps them in three arrays and an open-addressing
 * table of indexes instead of an {@code IdentityHashMap} entry and an {@code int[2]} per element.
 */
final class ElementSpans {
    private Element[] elements = new Element[64];
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int size;
    /** Entry index + 1 by identity hash, linear probing; 0 is a free slot. Kept at most half full. */
    private int[] table = new int[128];

    /** Adds an element whose text starts at {@code start}; returns its entry, for {@link #end}. */
    int add(Element element, int start) {
        if (size == elements.length) {
            int n = size * 2;
            elements = Arrays.copyOf(elements, n);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
        }
        int entry = size++;
        elements[entry] = element;
        starts[entry] = start;
        ends[entry] = start;
        if (size * 2 > table.length) {
            rehash(table.length * 2);
        } else {
            insert(entry);
        }
        return entry;
    }

    void end(int entry, int end) {
        ends[entry] = end;
    }

    int start(int entry) {
        return starts[entry];
    }

    int end(int entry) {
        return ends[entry];
    }

    /** The element's entry, or -1 when it was not walked (in head, script, svg ...). */
    int entryOf(Element element) {
        int mask = table.length - 1;
        for (int i = System.identityHashCode(element) & mask; ; i = (i + 1) & mask) {
            int e = table[i];
            if (e == 0) {
                return -1;
            }
            if (elements[e - 1] == element) {
                return e - 1;
            }
        }
    }

    private void insert(int entry) {
        int mask = table.length - 1;
        int i = System.identityHashCode(elements[entry]) & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = entry + 1;
    }

    private void rehash(int capacity) {
        table = new int[capacity];
        for (int e = 0; e < size; e++) {
            insert(e);
        }
    }
}

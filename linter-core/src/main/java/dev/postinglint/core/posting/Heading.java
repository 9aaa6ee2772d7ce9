package dev.postinglint.core.posting;

import org.jsoup.nodes.Element;

/**
 * A heading in reading order: an {@code h1}-{@code h6}, or a short block whose whole text is bold,
 * as Greenhouse postings write {@code <p><strong>Benefits</strong></p>}. Its text occupies
 * {@code [textStart, textEnd)} of the posting's text view.
 */
public record Heading(Element element, String text, int textStart, int textEnd) {
}

package dev.postinglint.core.rules;

import dev.postinglint.core.model.Fix;
import dev.postinglint.core.source.SourceText;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;

/**
 * Fixes that edit markup, computed from the parser's recorded positions of tags and attributes, and
 * offered only when those positions are exact (the parser tracked them and the source agrees).
 */
final class MarkupFixes {
    private MarkupFixes() {
    }

    /** Removes one attribute, with the white space before it: {@code <span style="x">} becomes {@code <span>}. */
    static Fix removeAttribute(SourceText src, Element e, String name) {
        Attribute a = e.attribute(name);
        if (a == null) {
            return null;
        }
        Range.AttributeRange r = a.sourceRange();
        Range nameRange = r.nameRange();
        if (!nameRange.isTracked()) {
            return null;
        }
        String text = src.text();
        int start = nameRange.start().pos();
        int end = nameRange.end().pos();
        Range value = r.valueRange();
        if (value.isTracked() && value.end().pos() >= end) {
            end = value.end().pos();
            if (end < text.length() && (text.charAt(end) == '"' || text.charAt(end) == '\'')
                    && value.start().pos() > 0 && text.charAt(value.start().pos() - 1) == text.charAt(end)) {
                end++; // the closing quote
            }
        }
        while (start > 0 && Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        if (!text.regionMatches(true, nameRange.start().pos(), name, 0, name.length())) {
            return null;
        }
        return new Fix(src.span(start, end), "", "Remove the " + name + " attribute");
    }

    /** Adds an attribute the element does not have, just before the end of its start tag. */
    static Fix addAttribute(SourceText src, Element e, String name, String value) {
        if (e.hasAttr(name)) {
            return null;
        }
        Range tag = e.sourceRange();
        if (!tag.isTracked()) {
            return null;
        }
        String text = src.text();
        int close = tag.end().pos() - 1;
        if (close < 0 || close >= text.length() || text.charAt(close) != '>') {
            return null;
        }
        int at = close > 0 && text.charAt(close - 1) == '/' ? close - 1 : close;
        String insert = " " + name + "=\"" + value.replace("&", "&amp;").replace("\"", "&quot;") + "\"";
        return new Fix(src.span(at, at), insert, "Add " + name + "=\"" + value + "\"");
    }

    /** Removes the whole element, start tag to end tag. */
    static Fix removeElement(SourceText src, Element e) {
        Range start = e.sourceRange();
        Range end = e.endSourceRange();
        if (!start.isTracked() || !end.isTracked() || end.end().pos() <= start.start().pos()) {
            return null;
        }
        return new Fix(src.span(start.start().pos(), end.end().pos()), "", "Remove the empty <" + e.normalName() + ">");
    }
}

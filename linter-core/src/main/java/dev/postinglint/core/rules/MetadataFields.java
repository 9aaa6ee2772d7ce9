package dev.postinglint.core.rules;

import com.google.re2j.Matcher;
import dev.postinglint.core.posting.Metadata;
import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.source.SourceSpan;
import java.util.Map;

/**
 * Field values taken from a posting's metadata ({@code from: metadata}). A value written in the
 * posting's own source (front matter) points there; one that is not (a board export's JSON) points
 * at the start of the posting. {@code title} falls back to the posting's title element or first
 * heading, so an HTML page has one too; {@code language} falls back to the language detected from the
 * text ({@link Posting#language()}).
 */
final class MetadataFields {
    private MetadataFields() {
    }

    static FieldValue value(Posting posting, FieldSpec spec) {
        Metadata.Entry entry = posting.metadata().get(spec.metadataKey());
        if (entry == null && spec.metadataKey().equals("title") && posting.title() != null && !posting.title().isBlank()) {
            entry = new Metadata.Entry(posting.title(), null);
        }
        if (entry == null && spec.metadataKey().equals("language")) {
            entry = new Metadata.Entry(posting.language(), null); // detected from the text when not given
        }
        if (entry == null) {
            return null;
        }
        SourceSpan whole = entry.span() != null ? entry.span() : posting.source().span(0, 0);
        String value = entry.value();
        SourceSpan span = whole;
        if (spec.metadataPattern() != null) {
            Matcher m = spec.metadataPattern().matcher(value);
            if (!m.find()) {
                return null;
            }
            Map<String, Integer> named = spec.metadataPattern().namedGroups();
            int group = named.containsKey("value") ? named.get("value") : m.groupCount() >= 1 ? 1 : 0;
            if (m.start(group) < 0) {
                return null;
            }
            String found = m.group(group).strip();
            if (found.isEmpty()) {
                return null;
            }
            // Point at the part when the source spells the value as it reads (a plain YAML scalar).
            if (entry.span() != null && whole.length() == value.length()) {
                int at = m.start(group) + m.group(group).indexOf(found);
                span = posting.source().span(whole.startOffset() + at, whole.startOffset() + at + found.length());
            }
            value = found;
        }
        return new FieldValue(spec.name(), value, span, null, null, span);
    }
}

package dev.postinglint.core.posting;

import dev.postinglint.core.source.SourceSpan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What is known about a posting besides its body: a job board's fields ({@code title},
 * {@code location}, {@code department}, {@code updated}, {@code url}, {@code pay} ...) or a Markdown
 * file's front matter. Keys are lower case. A value's {@code span} is where it is written in the
 * posting's own source (front matter), or null when it lives elsewhere (a board export's JSON, which
 * is not the posting's source text).
 */
public final class Metadata {
    public static final Metadata NONE = new Metadata(Map.of());

    /** One value and where it stands in the posting's source, if it stands there at all. */
    public record Entry(String value, SourceSpan span) {
    }

    private final Map<String, Entry> entries;

    private Metadata(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value of a key, or null when the posting has none (or only a blank one). */
    public Entry get(String key) {
        return entries.get(key.toLowerCase(Locale.ROOT));
    }

    public String value(String key) {
        Entry e = get(key);
        return e == null ? null : e.value();
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Collects entries in order; a blank value is not an entry, and a later value for a key replaces an earlier one. */
    public static final class Builder {
        private final Map<String, Entry> entries = new LinkedHashMap<>();

        public Builder put(String key, String value, SourceSpan span) {
            if (value != null && !value.isBlank()) {
                entries.put(key.toLowerCase(Locale.ROOT), new Entry(value.strip(), span));
            }
            return this;
        }

        public Builder put(String key, String value) {
            return put(key, value, null);
        }

        public Metadata build() {
            return entries.isEmpty() ? NONE : new Metadata(Collections.unmodifiableMap(new LinkedHashMap<>(entries)));
        }
    }
}

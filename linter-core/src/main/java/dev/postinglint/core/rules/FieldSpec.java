package dev.postinglint.core.rules;

import dev.postinglint.core.regex.PolicyPattern;
import dev.postinglint.core.source.FilePlace;
import dev.postinglint.core.yaml.YamlMap;
import dev.postinglint.core.yaml.YamlValue;
import java.util.ArrayList;
import java.util.List;

/**
 * How to find a named value in a posting. From the body ({@code from: body}, the default): the first
 * match of {@code pattern} in {@code scope}; the value is the group named {@code value} (else group
 * 1, else the whole match), and an optional group named {@code label} marks the label text (e.g.
 * "Available Locations:") so label rules can fix it. From the metadata ({@code from: metadata}): the
 * value of the metadata key {@code metadata} (default: the field's name) that a board export or
 * front matter gave the posting, optionally narrowed by {@code metadata-pattern} (same groups).
 * With both ({@code from: [metadata, body]}) the first source that has a value wins.
 * {@code places-in-prose: true} (a location field) lets jurisdiction rules fall back, when the field
 * has no value, on places that the posting's sentences give as the job's ("based in Boulder,
 * Colorado"; see {@link dev.postinglint.core.jurisdiction.ProsePlaces}); the field itself stays absent.
 */
public record FieldSpec(String name, PolicyPattern pattern, Scope scope, String description, FilePlace place,
        List<From> from, String metadataKey, PolicyPattern metadataPattern, boolean placesInProse) {

    /** Where a field's value comes from. */
    public enum From {
        BODY, METADATA
    }

    public FieldSpec {
        from = List.copyOf(from);
    }

    /** A field read from the body only (as every field was before metadata existed). */
    public FieldSpec(String name, PolicyPattern pattern, Scope scope, String description, FilePlace place) {
        this(name, pattern, scope, description, place, List.of(From.BODY), name, null, false);
    }

    public boolean readsBody() {
        return from.contains(From.BODY);
    }

    public boolean readsMetadata() {
        return from.contains(From.METADATA);
    }

    public static FieldSpec read(String name, YamlValue value) {
        YamlMap m = value.asMap("field '" + name + "'");
        List<From> from = m.get("from").map(FieldSpec::readFrom).orElse(List.of(From.BODY));
        boolean body = from.contains(From.BODY);
        boolean metadata = from.contains(From.METADATA);
        PolicyPattern p = body ? PolicyPattern.compile(m.require("pattern"), "field pattern") : null;
        Scope scope = m.get("scope").map(Scope::read).orElse(Scope.WHOLE);
        String key = m.get("metadata").map(v -> v.asNonBlank("'metadata'")).orElse(name);
        PolicyPattern metaPattern = m.get("metadata-pattern").map(v -> PolicyPattern.compile(v, "'metadata-pattern'")).orElse(null);
        String description = m.string("description").orElse("");
        boolean placesInProse = m.get("places-in-prose").map(v -> v.asBoolean("'places-in-prose'")).orElse(false);
        if (!body) {
            for (String bodyOnly : List.of("pattern", "scope")) {
                if (m.has(bodyOnly)) {
                    throw m.require(bodyOnly).error("'" + bodyOnly + "' reads the posting body, but field '" + name
                            + "' is 'from: metadata' only (use 'metadata-pattern', or add 'body' to 'from')");
                }
            }
        }
        if (!metadata) {
            for (String metaOnly : List.of("metadata", "metadata-pattern")) {
                if (m.has(metaOnly)) {
                    throw m.require(metaOnly).error("'" + metaOnly + "' needs 'from: metadata' (or a list with metadata) in field '"
                            + name + "'");
                }
            }
        }
        m.finish();
        return new FieldSpec(name, p, scope, description, value.place(), from, key.toLowerCase(java.util.Locale.ROOT), metaPattern,
                placesInProse);
    }

    private static List<From> readFrom(YamlValue v) {
        List<From> out = new ArrayList<>();
        for (YamlValue e : v.asListOrOne()) {
            String s = e.asNonBlank("'from'").strip();
            From f = switch (s) {
                case "body" -> From.BODY;
                case "metadata" -> From.METADATA;
                default -> throw e.error("'from' must be body or metadata (or a list of both, in the order to try), not '" + s + "'");
            };
            if (out.contains(f)) {
                throw e.error("'" + s + "' is listed twice in 'from'");
            }
            out.add(f);
        }
        if (out.isEmpty()) {
            throw v.error("'from' needs body, metadata or both");
        }
        return out;
    }
}

package dev.postinglint.core.policy;

import com.google.re2j.Pattern;

/**
 * How to extract a named value from a posting: the first match of {@code pattern} in {@code scope}.
 * The value is the group named {@code value} (else group 1, else the whole match); an optional group
 * named {@code label} marks the label text (e.g. "Available Locations:") so label rules can fix it.
 */
public record FieldSpec(String name, Pattern pattern, Scope scope, String description, YamlPlace place) {

    static FieldSpec read(String name, YamlValue value) {
        YamlMap m = value.asMap("field '" + name + "'");
        Pattern p = Patterns.compile(m.require("pattern"), "field pattern");
        Scope scope = m.get("scope").map(Scope::read).orElse(Scope.WHOLE);
        String description = m.string("description").orElse("");
        m.finish();
        return new FieldSpec(name, p, scope, description, value.place());
    }
}

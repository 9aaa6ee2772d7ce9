package dev.postinglint.core.policy;

import dev.postinglint.core.jurisdiction.Gazetteer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Built-in packs from memory, by name, for tests; no gazetteer (jurisdiction rules are refused with a place). */
public record MemoryPacks(Map<String, String> yaml, String gazetteerLocation) implements PackSource {
    @Override
    public List<String> names() {
        return List.copyOf(new java.util.TreeSet<>(yaml.keySet()));
    }

    @Override
    public InputStream open(String name) {
        String text = yaml.get(name);
        return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Gazetteer gazetteer() {
        return Gazetteer.EMPTY;
    }
}

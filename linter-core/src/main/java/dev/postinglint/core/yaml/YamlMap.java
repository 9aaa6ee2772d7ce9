package dev.postinglint.core.yaml;

import dev.postinglint.core.source.FilePlace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A mapping read strictly: duplicate keys are rejected when it is opened, and keys nobody asked for
 * are rejected by {@link #finish()}, naming the key's line and column and the keys that are allowed.
 */
public final class YamlMap {
    private final String location;
    private final MappingNode node;
    private final String what;
    private final boolean checked;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> read = new LinkedHashSet<>();

    YamlMap(String location, MappingNode node, String what, boolean checked) {
        this.location = location;
        this.node = node;
        this.what = what;
        this.checked = checked;
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                throw new PolicyException(Marks.of(location, t.getKeyNode()), "keys in " + what + " must be plain strings");
            }
            if (entries.containsKey(key.getValue())) {
                FilePlace first = Marks.of(location, entries.get(key.getValue()).getKeyNode());
                throw new PolicyException(Marks.of(location, key),
                        "duplicate key '" + key.getValue() + "' in " + what + " (first given at line " + first.line() + ")");
            }
            entries.put(key.getValue(), t);
        }
    }

    public FilePlace place() {
        return Marks.of(location, node);
    }

    public String location() {
        return location;
    }

    public String what() {
        return what;
    }

    public PolicyException error(String problem) {
        return new PolicyException(place(), problem);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Optional<YamlValue> get(String key) {
        NodeTuple t = entries.get(key);
        read.add(key);
        return t == null ? Optional.empty() : Optional.of(new YamlValue(location, t.getValueNode(), checked));
    }

    public YamlValue require(String key) {
        return get(key).orElseThrow(() -> {
            // A missing key is most often a misspelt one: point at the misspelling instead (and do
            // not report it again as unknown in finish()).
            for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
                if (!read.contains(e.getKey()) && Suggest.closest(e.getKey(), List.of(key)).isPresent()) {
                    read.add(e.getKey());
                    return new PolicyException(Marks.of(location, e.getValue().getKeyNode()),
                            "unknown key '" + e.getKey() + "' in " + what + "; did you mean '" + key + "'?");
                }
            }
            return error(what + " needs '" + key + "'");
        });
    }

    public Optional<String> string(String key) {
        return get(key).map(v -> v.asString("'" + key + "'"));
    }

    public String requireString(String key) {
        return require(key).asNonBlank("'" + key + "'");
    }

    /** The place of a key itself (for errors about the key rather than its value). */
    public FilePlace keyPlace(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? place() : Marks.of(location, t.getKeyNode());
    }

    /** All keys in order, marking them read: for free-form maps such as {@code company:}. */
    public List<String> keys() {
        read.addAll(entries.keySet());
        return new ArrayList<>(entries.keySet());
    }

    /**
     * Rejects every key that was not read (all of them in one exception, in file order), each with
     * the closest allowed key when it looks misspelt, and the allowed ones.
     */
    public void finish() {
        List<PolicyException.Problem> problems = new ArrayList<>();
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!read.contains(e.getKey())) {
                problems.add(new PolicyException.Problem(Marks.of(location, e.getValue().getKeyNode()),
                        "unknown key '" + e.getKey() + "' in " + what + Suggest.didYouMean(e.getKey(), read)
                        + " (allowed: " + String.join(", ", read) + ")"));
            }
        }
        if (!problems.isEmpty()) {
            read.addAll(entries.keySet()); // reported once
            throw new PolicyException(problems);
        }
    }
}

package dev.postinglint.editors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * YAML read as JSON the way editors read it: redhat's yaml-language-server types plain scalars by
 * the YAML 1.2 core schema ({@code yes} and {@code 2026-06-30} stay strings, {@code 3} is a number),
 * not by SnakeYAML's YAML 1.1 rules, so the schema is tested against what an editor will see.
 */
final class Yaml12 {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern NULL = Pattern.compile("null|Null|NULL|~|");
    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private Yaml12() {
    }

    static JsonNode read(String text) {
        Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        return root == null ? F.nullNode() : convert(root);
    }

    private static JsonNode convert(Node node) {
        if (node instanceof MappingNode m) {
            ObjectNode o = F.objectNode();
            for (NodeTuple t : m.getValue()) {
                o.set(((ScalarNode) t.getKeyNode()).getValue(), convert(t.getValueNode()));
            }
            return o;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode a = F.arrayNode();
            s.getValue().forEach(n -> a.add(convert(n)));
            return a;
        }
        ScalarNode s = (ScalarNode) node;
        String v = s.getValue();
        if (s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            return F.textNode(v);
        }
        if (NULL.matcher(v).matches()) {
            return F.nullNode();
        }
        if (BOOL.matcher(v).matches()) {
            return F.booleanNode(v.equalsIgnoreCase("true"));
        }
        if (INT.matcher(v).matches()) {
            return F.numberNode(new BigInteger(v));
        }
        if (FLOAT.matcher(v).matches()) {
            return F.numberNode(new BigDecimal(v));
        }
        return F.textNode(v);
    }
}

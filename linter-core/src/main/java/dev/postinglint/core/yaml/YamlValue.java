package dev.postinglint.core.yaml;

import dev.postinglint.core.source.FilePlace;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One node of a policy file with its place. Scalars are read as the text written, never through
 * YAML 1.1 typing, so {@code no}, {@code off} and {@code 010} stay what the author typed; each
 * accessor validates the type it needs and names the place when it is wrong.
 */
public final class YamlValue {
    private final String location;
    private final Node node;
    private final boolean checked;

    public YamlValue(String location, Node node) {
        this(location, node, false);
    }

    /** {@code checked}: the text is a pack the build checked ({@link #checked}). */
    public YamlValue(String location, Node node, boolean checked) {
        this.location = location;
        this.node = node;
        this.checked = checked;
    }

    /**
     * Whether this node is part of a pack the build checked (a shipped pack, which the build loads with every
     * pattern compiled and every rule's examples run): what the build proved need not be proved again on every
     * load, and a pattern's RE2/J program may be compiled when a search first needs it.
     */
    public boolean checked() {
        return checked;
    }

    public FilePlace place() {
        return Marks.of(location, node);
    }

    public String location() {
        return location;
    }

    public PolicyException error(String problem) {
        return new PolicyException(place(), problem);
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    public boolean isSequence() {
        return node instanceof SequenceNode;
    }

    private String kind() {
        return node instanceof ScalarNode ? "a scalar" : node instanceof MappingNode ? "a mapping" : "a list";
    }

    /** A scalar as text. */
    public String asString(String what) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        throw error(what + " must be a string, not " + kind());
    }

    /** A non-blank scalar. */
    public String asNonBlank(String what) {
        String s = asString(what);
        if (s.isBlank()) {
            throw error(what + " must not be empty");
        }
        return s;
    }

    public boolean asBoolean(String what) {
        String s = asString(what).toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(what + " must be true or false, not '" + s + "'");
        };
    }

    public int asInt(String what, int min, int max) {
        String s = asString(what).strip();
        try {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                throw error(what + " must be between " + min + " and " + max + ", not " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw error(what + " must be a whole number, not '" + s + "'");
        }
    }

    public double asDouble(String what, double min, double max) {
        String s = asString(what).strip();
        try {
            double v = Double.parseDouble(s);
            if (!(v >= min && v <= max)) {
                throw error(what + " must be between " + min + " and " + max + ", not " + s);
            }
            return v;
        } catch (NumberFormatException e) {
            throw error(what + " must be a number, not '" + s + "'");
        }
    }

    public LocalDate asDate(String what) {
        String s = asString(what).strip();
        LocalDate quick = plainDate(s);
        if (quick != null) {
            return quick;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw error(what + " must be a date written YYYY-MM-DD, not '" + s + "'");
        }
    }

    /**
     * {@code YYYY-MM-DD} of ASCII digits read without {@code LocalDate.parse}, whose formatter costs a cold
     * JVM about a millisecond for each of a pack's first dates; null for anything else (and for a day the month
     * does not have), which {@code LocalDate.parse} then reads or rejects as before.
     */
    private static LocalDate plainDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int y = digits(s, 0, 4);
        int m = digits(s, 5, 7);
        int d = digits(s, 8, 10);
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > java.time.YearMonth.of(y, m).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(y, m, d);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** A strict mapping reader: every key must be read, or {@link YamlMap#finish} reports it. */
    public YamlMap asMap(String what) {
        if (node instanceof MappingNode m) {
            return new YamlMap(location, m, what, checked);
        }
        throw error(what + " must be a mapping (key: value), not " + kind());
    }

    public List<YamlValue> asList(String what) {
        if (node instanceof SequenceNode s) {
            List<YamlValue> out = new ArrayList<>();
            for (Node n : s.getValue()) {
                out.add(new YamlValue(location, n, checked));
            }
            return out;
        }
        throw error(what + " must be a list, not " + kind());
    }

    /** A list, or a single value read as a list of one. */
    public List<YamlValue> asListOrOne() {
        return node instanceof SequenceNode ? asList("") : List.of(this);
    }

    public List<String> asStringList(String what) {
        List<String> out = new ArrayList<>();
        for (YamlValue v : asListOrOne()) {
            out.add(v.asString(what + " entries"));
        }
        return out;
    }

    /**
     * This mapping with {@code key} left out, or with its value replaced by the plain scalar
     * {@code replacement} when that is not null (the other entries, their order and styles kept).
     */
    public YamlValue with(String key, String replacement) {
        if (!(node instanceof MappingNode m)) {
            throw new IllegalStateException("not a mapping");
        }
        List<NodeTuple> tuples = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                if (replacement != null) {
                    tuples.add(new NodeTuple(t.getKeyNode(), new ScalarNode(Tag.STR, replacement, null, null, DumperOptions.ScalarStyle.PLAIN)));
                }
            } else {
                tuples.add(t);
            }
        }
        MappingNode copy = new MappingNode(m.getTag(), true, tuples, m.getStartMark(), m.getEndMark(), m.getFlowStyle());
        return new YamlValue(location, copy, checked);
    }

    /**
     * This node written back as YAML (block style where it was, scalars quoted as they were; comments
     * are not kept), ending with a line break.
     */
    public String toYaml() {
        DumperOptions opts = new DumperOptions();
        opts.setIndent(2);
        opts.setIndicatorIndent(2);
        opts.setIndentWithIndicator(true);
        opts.setSplitLines(false);
        opts.setWidth(Integer.MAX_VALUE / 2);
        java.io.StringWriter out = new java.io.StringWriter();
        new Yaml(opts).serialize(node, out);
        return out.toString();
    }
}

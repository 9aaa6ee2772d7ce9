package dev.postinglint.core.policy;

import dev.postinglint.core.yaml.YamlValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The effective policy as YAML (as {@code eslint --print-config} prints a configuration): one file
 * with every company fact, field and rule that the extends chain and overrides leave in force, each
 * under a comment naming where it was defined ({@code # from builtin:eeo:14:5}) and what it
 * overrides. Inherited severities are written as changed by {@code overrides:}, and rules switched
 * off are listed under {@code overrides:}, so the output loads as a policy with the same rules.
 */
public final class PolicyPrinter {
    private PolicyPrinter() {
    }

    public static String print(Policy policy) {
        Origins origins = policy.origins();
        StringBuilder b = new StringBuilder();
        b.append("# The effective policy ").append(policy.label()).append(", after extends and overrides, from:\n");
        for (String s : policy.sources()) {
            b.append("#   ").append(s).append('\n');
        }
        b.append("name: ").append(quote(policy.name())).append('\n');
        if (policy.version() != null) {
            b.append("version: ").append(quote(policy.version())).append('\n');
        }
        if (!origins.facts().isEmpty()) {
            b.append("company:\n");
            for (Map.Entry<String, Origins.Origin> e : origins.facts().entrySet()) {
                comment(b, "  ", e.getValue(), "company fact", e.getKey());
                entry(b, "  ", e.getKey(), e.getValue().yaml());
            }
        }
        if (!origins.fields().isEmpty()) {
            b.append("fields:\n");
            for (Map.Entry<String, Origins.Origin> e : origins.fields().entrySet()) {
                comment(b, "  ", e.getValue(), "field", e.getKey());
                entry(b, "  ", e.getKey(), e.getValue().yaml());
            }
        }
        List<String> off = new ArrayList<>();
        if (!policy.rules().isEmpty()) {
            b.append("rules:\n");
            for (PolicyRule r : policy.rules()) {
                Origins.Origin o = origins.rules().get(r.id());
                comment(b, "  ", o, "rule", r.id());
                YamlValue yaml = o.yaml();
                if (r.severity() != r.rule().info().severity()) {
                    b.append("  # severity ").append(r.rule().info().severity().label()).append(", changed by overrides:\n");
                    yaml = yaml.with("severity", r.severity().label());
                }
                if (!r.enabled()) {
                    off.add(r.id());
                }
                b.append(indentItem(yaml.toYaml(), "  "));
            }
        }
        if (!off.isEmpty()) {
            b.append("overrides:\n");
            for (String id : off) {
                b.append("  ").append(id).append(": \"off\"\n");
            }
        }
        if (!policy.waivers().isEmpty() || !policy.examples().isEmpty()) {
            b.append("# Not shown: ").append(policy.waivers().size()).append(" waiver(s) and ").append(policy.examples().size())
                    .append(" pack example(s); their files are listed above.\n");
        }
        return b.toString();
    }

    private static void comment(StringBuilder b, String indent, Origins.Origin o, String kind, String name) {
        b.append(indent).append("# from ").append(o.place());
        if (o.isOverride()) {
            b.append(", ").append(Origins.describe(kind, name, o));
        }
        b.append('\n');
    }

    /** {@code key: scalar}, or {@code key:} and the value's block indented under it. */
    private static void entry(StringBuilder b, String indent, String key, YamlValue value) {
        String yaml = dedent(documentBody(value.toYaml()));
        if (value.isScalar() || yaml.startsWith("[") || yaml.startsWith("{")) {
            b.append(indent).append(quoteKey(key)).append(": ").append(yaml.strip()).append('\n');
        } else {
            b.append(indent).append(quoteKey(key)).append(":\n");
            for (String line : yaml.split("\n")) {
                b.append(indent).append("  ").append(line).append('\n');
            }
        }
    }

    /** A mapping as a list item: {@code - } before its first line, the rest indented to match. */
    private static String indentItem(String yaml, String indent) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (String line : documentBody(yaml).split("\n")) {
            out.append(indent).append(first ? "- " : "  ").append(line).append('\n');
            first = false;
        }
        return out.toString();
    }

    /** Removes the indentation every line shares (a list at the root is written indented). */
    private static String dedent(String yaml) {
        int common = yaml.lines().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return yaml.lines().map(l -> l.length() >= common ? l.substring(common) : l.strip()).collect(java.util.stream.Collectors.joining("\n"));
    }

    private static String documentBody(String yaml) {
        String s = yaml.endsWith("\n...\n") ? yaml.substring(0, yaml.length() - 4) : yaml;
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String quoteKey(String key) {
        return key.matches("[A-Za-z0-9][A-Za-z0-9_-]*") ? key : quote(key);
    }
}

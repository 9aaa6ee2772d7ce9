package dev.postinglint.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the HTML report's compact data block back into plain objects (files with named fields, findings with
 * their strings, drift variants with paths), as the page script does: the format's specification on the test
 * side.
 */
final class HtmlData {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SEVERITIES = {"error", "warning", "info"};
    private static final String[] KINDS = {"same", "added", "removed"};

    private HtmlData() {
    }

    static JsonNode decode(String raw) throws Exception {
        ObjectNode data = (ObjectNode) JSON.readTree(raw);
        JsonNode strings = data.get("strings");
        JsonNode rules = data.get("rules");
        ArrayNode files = JSON.createArrayNode();
        for (JsonNode a : data.get("files")) {
            ObjectNode f = files.addObject();
            f.set("path", str(strings, a.get(0)));
            f.set("title", str(strings, a.get(1)));
            f.set("location", str(strings, a.get(2)));
            f.set("policy", str(strings, a.get(3)));
            f.put("ioError", a.get(4).asInt() == 1);
            f.put("passes", a.get(5).asInt() == 1);
            f.put("errors", a.get(6).asInt());
            f.put("warnings", a.get(7).asInt());
            f.put("infos", a.get(8).asInt());
            f.put("waived", a.get(9).asInt());
            ArrayNode findings = f.putArray("findings");
            for (JsonNode x : a.get(10)) {
                ObjectNode g = findings.addObject();
                JsonNode rule = rules.get(x.get(0).asInt());
                g.put("ruleId", rule.get("id").asText());
                g.put("category", rule.get("category").asText());
                g.put("severity", SEVERITIES[x.get(1).asInt()]);
                g.set("message", str(strings, x.get(2)));
                g.put("line", x.get(3).asInt());
                g.put("column", x.get(4).asInt());
                g.put("endLine", x.get(5).asInt());
                g.put("endColumn", x.get(6).asInt());
                g.set("link", str(strings, x.get(8)));
                if (x.get(9).asInt() < 0) {
                    g.putNull("fix");
                } else {
                    ObjectNode fix = g.putObject("fix");
                    fix.set("description", str(strings, x.get(9)));
                    fix.set("replacement", str(strings, x.get(10)));
                }
                if (x.get(11).asInt() < 0) {
                    g.putNull("source");
                    g.set("excerpt", str(strings, x.get(7)));
                } else {
                    ObjectNode src = g.putObject("source");
                    String text = strings.get(x.get(11).asInt()).asText();
                    src.put("text", text);
                    src.put("start", x.get(12).asInt());
                    src.put("end", x.get(13).asInt());
                    g.put("excerpt", x.get(7).asInt() >= 0 ? strings.get(x.get(7).asInt()).asText()
                            : text.substring(x.get(12).asInt(), x.get(13).asInt()));
                }
                int waiver = x.get(14).asInt();
                if (waiver < 0) {
                    g.putNull("waiver");
                } else {
                    g.set("waiver", data.get("waivers").get(waiver));
                }
            }
        }
        for (JsonNode group : data.get("drift")) {
            for (JsonNode v : group.get("variants")) {
                ArrayNode paths = JSON.createArrayNode();
                for (JsonNode p : v.get("postings")) {
                    paths.add(p.isNumber() ? files.get(p.asInt()).get("path").asText() : p.asText());
                }
                ((ObjectNode) v).set("postings", paths);
                ArrayNode diff = JSON.createArrayNode();
                for (JsonNode t : v.get("diff")) {
                    diff.addObject().put("kind", KINDS[t.get(0).asInt()]).put("text", t.get(1).asText());
                }
                ((ObjectNode) v).set("diff", diff);
            }
        }
        data.set("files", files);
        return data;
    }

    private static JsonNode str(JsonNode strings, JsonNode index) {
        int i = index.asInt();
        return i < 0 ? JSON.nullNode() : strings.get(i);
    }
}

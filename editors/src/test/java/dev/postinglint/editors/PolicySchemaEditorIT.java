package dev.postinglint.editors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema in the engine editors actually run: redhat's yaml-language-server (npm, pinned in
 * editors/schema-check/package-lock.json), driven by editors/schema-check/check.js. The same policies
 * as {@link PolicySchemaTest} must validate or not; a type's keys and the rule types complete; a key's
 * description shows on hover; a "# yaml-language-server: $schema=" line brings the schema to any file.
 * Runs where node and npm are on PATH; node_modules is kept in target/schema-check between runs.
 */
class PolicySchemaEditorIT {
    static final Path ROOT = PolicySchemaTest.ROOT;
    static final Path SOURCES = ROOT.resolve("editors/schema-check");
    static final Path WORK = Path.of(System.getProperty("postinglint.vscode.work", "target/vscode")).resolveSibling("schema-check").toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();

    record Case(String name, String file, String text, boolean valid) {
    }

    static final List<Case> CASES = new ArrayList<>();
    static final Map<String, JsonNode> RESULTS = new LinkedHashMap<>();

    static Process run(Path dir, Path out, String... command) throws IOException {
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    static String runOrFail(Path dir, long minutes, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("schema-check", ".log");
        try {
            Process p = run(dir, out, command);
            boolean done = p.waitFor(minutes, TimeUnit.MINUTES);
            if (!done) {
                p.destroyForcibly().waitFor();
            }
            String log = Files.readString(out);
            assertTrue(done && p.exitValue() == 0, String.join(" ", command) + " failed:\n" + log);
            return log;
        } finally {
            Files.delete(out);
        }
    }

    @BeforeAll
    static void runYamlLanguageServer() throws Exception {
        assumeTrue(VscodeExtensionIT.onPath("node") && VscodeExtensionIT.onPath("npm"), "node 20 or later and npm are needed for yaml-language-server");
        Files.createDirectories(WORK);
        for (String f : List.of("package.json", "package-lock.json", "check.js")) {
            Files.copy(SOURCES.resolve(f), WORK.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String lock = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(WORK.resolve("package-lock.json"))));
        Path stamp = WORK.resolve("node_modules/.posting-lint-lock");
        if (!Files.exists(stamp) || !Files.readString(stamp).strip().equals(lock)) {
            runOrFail(WORK, 5, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund");
            Files.writeString(stamp, lock);
        }

        for (String pack : dev.postinglint.core.policy.ClasspathPacks.shipped().names()) {
            CASES.add(new Case("builtin:" + pack, pack + ".posting-lint.yaml", PolicySchemaTest.packText(pack), true));
        }
        for (var e : PolicySchemaTest.repositoryPolicies().entrySet()) {
            CASES.add(new Case(ROOT.relativize(e.getKey()).toString(), "repo" + CASES.size() + ".posting-lint.yaml",
                    Files.readString(e.getKey()), e.getValue() == null));
        }
        for (var e : PolicySchemaTest.docsPolicies().entrySet()) {
            CASES.add(new Case(e.getKey(), "docs" + CASES.size() + ".posting-lint.yaml", e.getValue(), true));
        }
        PolicySchemaTest.mistakes().forEach(m -> CASES.add(new Case(m[0], "mistake" + CASES.size() + ".posting-lint.yaml", m[1], false)));
        String modeline = "# yaml-language-server: $schema=" + PolicySchemaTest.SCHEMA_FILE.toUri() + "\n";
        CASES.add(new Case("schema line, valid", "pack-a.yaml", modeline + "name: t\nextends: builtin:eeo\n", true));
        CASES.add(new Case("schema line, unknown rule type", "pack-b.yaml",
                modeline + "name: t\nrules:\n  - {id: r, type: forbidden, severity: error, category: c, phrase: x}\n", false));
        CASES.add(new Case("no schema line, no mapping", "other.yaml", "anything: [1, 2]\nname: 3\n", true));

        ArrayNode in = JSON.createArrayNode();
        for (Case c : CASES) {
            in.addObject().put("name", c.name()).put("file", c.file()).put("text", c.text());
        }
        ObjectNode typeValue = in.addObject().put("name", "complete type").put("file", "complete-type.posting-lint.yaml")
                .put("text", "name: t\nrules:\n  - id: r\n    type: \n");
        typeValue.putObject("complete").put("line", 3).put("character", 10);
        ObjectNode forbidKey = in.addObject().put("name", "complete forbid key").put("file", "complete-key.posting-lint.yaml")
                .put("text", "name: t\nrules:\n  - id: r\n    type: forbid\n    severity: error\n    category: c\n    \n");
        forbidKey.putObject("complete").put("line", 6).put("character", 4);
        ObjectNode hover = in.addObject().put("name", "hover").put("file", "hover.posting-lint.yaml")
                .put("text", "name: t\nrules:\n  - id: r\n    type: forbid\n    severity: error\n    category: c\n    phrase: x\n    unless-block: itar\n");
        hover.putObject("hover").put("line", 7).put("character", 6);

        Path cases = WORK.resolve("cases.json");
        JSON.writeValue(cases.toFile(), in);
        Path out = WORK.resolve("results.json");
        Process p = new ProcessBuilder("node", "check.js", PolicySchemaTest.SCHEMA_FILE.toString()).directory(WORK.toFile())
                .redirectInput(cases.toFile()).redirectOutput(out.toFile()).redirectError(WORK.resolve("check.err").toFile()).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES) && p.exitValue() == 0, "check.js failed: " + Files.readString(WORK.resolve("check.err")));
        for (JsonNode r : JSON.readTree(out.toFile())) {
            RESULTS.put(r.get("name").asText(), r);
        }
    }

    @Test
    void policiesValidateOrNotAsWithTheJavaValidatorAndTheLoader() {
        assertTrue(CASES.size() > 40, "only " + CASES.size() + " cases");
        List<String> wrong = new ArrayList<>();
        for (Case c : CASES) {
            JsonNode diagnostics = RESULTS.get(c.name()).get("diagnostics");
            if (c.valid() != diagnostics.isEmpty()) {
                wrong.add(c.name() + (c.valid() ? " should validate: " + diagnostics : " should not validate"));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aMisspelledKeyIsNamedAtItsLine() {
        JsonNode d = RESULTS.get("a misspelled rule key").get("diagnostics");
        assertTrue(d.toString().contains("phrse"), d.toString());
    }

    @Test
    void ruleTypesAndEachTypesKeysComplete() {
        List<String> types = labels("complete type");
        assertEquals(new java.util.TreeSet<>(dev.postinglint.core.rules.RuleTypes.builtin().names()), new java.util.TreeSet<>(types));
        List<String> keys = labels("complete forbid key");
        assertTrue(keys.containsAll(List.of("phrase", "unless-block", "allow", "when", "scope", "message")), keys.toString());
        assertFalse(keys.contains("swap") || keys.contains("selector") || keys.contains("severity"),
                "only the forbid type's keys, and not those already given: " + keys);
    }

    @Test
    void aKeyShowsItsDescriptionOnHover() {
        String hover = RESULTS.get("hover").get("hover").asText();
        assertTrue(hover.contains("A match is excused when its paragraph matches this RE2 pattern"), hover);
    }

    static List<String> labels(String name) {
        List<String> out = new ArrayList<>();
        RESULTS.get(name).get("completions").forEach(n -> out.add(n.asText()));
        return out;
    }
}

package dev.postinglint.editors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.policy.ClasspathPacks;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.rules.ReportMode;
import dev.postinglint.core.rules.RuleTypes;
import dev.postinglint.core.yaml.PolicyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * schema/posting-lint-policy.schema.json against the policy loader: every policy the repository
 * ships or documents validates; mistakes the loader rejects, the schema rejects too; and for every
 * mapping a policy has (the top level, each rule type, when, scope, fields, waivers ...) the schema
 * names exactly the keys the loader reads. The loader tells which keys those are: an unknown key's
 * error lists the keys it asked for ("allowed: ..."), so a key added to a rule type in Java and not
 * to the schema (or the other way round) fails {@link #theSchemaNamesTheKeysTheLoaderReads}.
 */
class PolicySchemaTest {
    static final Path ROOT = Path.of(System.getProperty("postinglint.root", "..")).toAbsolutePath().normalize();
    static final Path SCHEMA_FILE = ROOT.resolve("schema/posting-lint-policy.schema.json");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BOGUS = "zz-not-a-key";

    /**
     * Keys the schema declares ahead of the loader, for features being merged from other branches
     * (override on fields and rules, link on jurisdiction entries). Once the loader
     * reads them they simply match; then they can leave this list.
     */
    static final Map<String, Set<String>> AHEAD_OF_THE_LOADER = Map.of(
            "rule", Set.of("override"),
            "field", Set.of("override"),
            "jurisdiction entry", Set.of("link"));

    static JsonNode schemaJson;
    static Schema schema;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadSchema() throws IOException {
        schemaJson = JSON.readTree(SCHEMA_FILE.toFile());
        try (InputStream in = Files.newInputStream(SCHEMA_FILE)) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }

    static List<String> errors(String yaml) {
        return schema.validate(Yaml12.read(yaml)).stream().map(Error::toString).toList();
    }

    // ---------------------------------------------------------------- what must validate

    static Stream<String> packs() {
        return ClasspathPacks.shipped().names().stream();
    }

    static String packText(String pack) throws IOException {
        try (InputStream in = ClasspathPacks.class.getClassLoader().getResourceAsStream(ClasspathPacks.DIR + pack + ".yaml")) {
            assertTrue(in != null, pack);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @MethodSource("packs")
    void everyShippedPackValidates(String pack) throws IOException {
        assertEquals(List.of(), errors(packText(pack)), "builtin:" + pack);
    }

    /** Policy files in the repository (examples, test fixtures, benchmarks), each with the loader's error or null. */
    static Map<Path, String> repositoryPolicies() throws IOException {
        List<Path> policies;
        try (Stream<Path> walk = Files.walk(ROOT)) {
            policies = walk.filter(p -> !Files.isDirectory(p))
                    .filter(p -> Arrays.stream(ROOT.relativize(p).toString().replace('\\', '/').split("/"))
                            .noneMatch(s -> s.equals("target") || s.equals("node_modules") || s.equals(".git")))
                    .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .filter(p -> !p.toString().contains(ClasspathPacks.DIR.replace('/', java.io.File.separatorChar)))
                    .filter(PolicySchemaTest::looksLikeAPolicy)
                    .sorted().toList();
        }
        Map<Path, String> out = new java.util.LinkedHashMap<>();
        for (Path p : policies) {
            out.put(p, loaderError(p));
        }
        return out;
    }

    /** The schema agrees with the loader on every policy file in the repository. */
    @Test
    void theSchemaAgreesWithTheLoaderOnEveryPolicyFileInTheRepository() throws IOException {
        Map<Path, String> policies = repositoryPolicies();
        assertTrue(policies.size() >= 10, "found only " + policies.keySet());
        int rejected = 0;
        for (var e : policies.entrySet()) {
            List<String> schemaErrors = errors(Files.readString(e.getKey()));
            String name = ROOT.relativize(e.getKey()).toString();
            if (e.getValue() == null) {
                assertEquals(List.of(), schemaErrors, name + " loads, so it must validate");
            } else {
                rejected++;
                assertFalse(schemaErrors.isEmpty(), name + " fails to load (" + e.getValue() + ") but validates");
            }
        }
        assertTrue(rejected >= 1, "the broken-policy fixtures should be among them");
    }

    private static boolean looksLikeAPolicy(Path p) {
        try {
            JsonNode n = Yaml12.read(Files.readString(p));
            return n.isObject() && n.has("name") && (n.has("rules") || n.has("extends") || n.has("fields"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String loaderError(Path p) {
        try {
            new PolicyLoader().load(p.toString(), p.getParent());
            return null;
        } catch (PolicyException e) {
            return e.getMessage();
        }
    }

    private static final Pattern YAML_BLOCK = Pattern.compile("(?m)^```yaml\\n(.*?)^```", Pattern.DOTALL);

    /**
     * The YAML blocks of docs/*.md and README.md that show policies or parts of one (rules, a
     * when:, fields:, examples:, waivers:), each validated as part of a whole policy.
     */
    /** Each recognised block, as a whole policy, keyed by "FILE: block number". */
    static Map<String, String> docsPolicies() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Path doc : docs) {
            Matcher m = YAML_BLOCK.matcher(Files.readString(doc));
            int n = 0;
            while (m.find()) {
                n++;
                String policy = asPolicy(m.group(1));
                if (policy != null) {
                    out.put(ROOT.relativize(doc) + ": yaml block " + n, policy);
                }
            }
        }
        return out;
    }

    @Test
    void everyPolicyExampleInTheDocsValidates() throws IOException {
        Map<String, String> blocks = docsPolicies();
        for (var e : blocks.entrySet()) {
            assertEquals(List.of(), errors(e.getValue()), e.getKey() + ":\n" + e.getValue());
        }
        long inPolicies = blocks.keySet().stream().filter(k -> k.contains("POLICIES.md")).count();
        assertTrue(inPolicies >= 15, "only " + inPolicies + " blocks of docs/POLICIES.md were recognised");
        assertTrue(blocks.size() > inPolicies, "no policy blocks found outside docs/POLICIES.md");
    }

    /** The block as a whole policy, or null when it shows no policy (a workflow, a pre-commit config ...). */
    static String asPolicy(String block) {
        JsonNode n = Yaml12.read(block);
        String indented = block.indent(2);
        String rule = "rules:\n  - {id: r, type: jurisdiction, severity: info, category: location}\n";
        if (n.isArray() && n.size() > 0 && n.get(0).has("id") && n.get(0).has("type")) {
            return "name: docs\nrules:\n" + indented;
        }
        if (!n.isObject()) {
            return null;
        }
        if (n.has("name") && (n.has("rules") || n.has("extends") || n.has("fields"))) {
            return block;
        }
        Set<String> keys = new TreeSet<>();
        n.fieldNames().forEachRemaining(keys::add);
        if (keys.equals(Set.of("when"))) {
            return "name: docs\nrules:\n  - id: r\n    type: jurisdiction\n    severity: info\n    category: location\n"
                    + block.indent(4);
        }
        if (keys.equals(Set.of("examples")) && n.get("examples").isObject()) {
            return "name: docs\nrules:\n  - id: r\n    type: jurisdiction\n    severity: info\n    category: location\n"
                    + block.indent(4);
        }
        if (!keys.isEmpty() && Set.of("fields", "examples", "waivers", "overrides", "company", "extends").containsAll(keys)) {
            return "name: docs\n" + rule + block;
        }
        return null;
    }

    // ---------------------------------------------------------------- what must not validate

    static final String HEAD = "name: t\nrules:\n";

    static Stream<String[]> mistakes() {
        return Stream.of(
                new String[] {"a misspelled rule key", HEAD + "  - {id: r, type: forbid, severity: error, category: c, phrse: x}\n"},
                new String[] {"a misspelled top-level key", "name: t\nrule:\n  - {id: r, type: forbid, severity: error, category: c, phrase: x}\n"},
                new String[] {"an unknown rule type", HEAD + "  - {id: r, type: forbidden, severity: error, category: c, phrase: x}\n"},
                new String[] {"an unknown report mode", HEAD + "  - {id: r, type: forbid, severity: error, category: c, phrase: x, report: once}\n"},
                new String[] {"an unknown severity", HEAD + "  - {id: r, type: forbid, severity: loud, category: c, phrase: x}\n"},
                new String[] {"a number where text is needed", HEAD + "  - {id: r, type: require, severity: error, category: c, phrase: x, min: many}\n"},
                new String[] {"a list where a mapping is needed", "name: t\nrules: {id: r}\n"},
                new String[] {"another type's key", HEAD + "  - {id: r, type: forbid, severity: error, category: c, phrase: x, swap: {a: b}}\n"},
                new String[] {"a missing required key", HEAD + "  - {id: r, type: selector, severity: error, category: c}\n"},
                new String[] {"a missing category", HEAD + "  - {id: r, type: forbid, severity: error, phrase: x}\n"},
                new String[] {"two kinds of pattern", HEAD + "  - {id: r, type: forbid, severity: error, category: c, phrase: x, pattern: y}\n"},
                new String[] {"an upper-case category", HEAD + "  - {id: r, type: forbid, severity: error, category: EEO, phrase: x}\n"},
                new String[] {"a misspelled when key", HEAD + "  - {id: r, type: forbid, severity: error, category: c, phrase: x, when: {feild: location}}\n"},
                new String[] {"a bad jurisdiction code", HEAD + "  - {id: r, type: forbid, severity: error, category: c, phrase: x, when: {jurisdiction: [colorado]}}\n"},
                new String[] {"a date not written YYYY-MM-DD", HEAD + "  - {id: r, type: forbid, severity: error, category: c, phrase: x, when: {effective-from: 7 June 2026}}\n"},
                new String[] {"a bad override value", "name: t\nextends: builtin:eeo\noverrides: {eeo-statement-present: loud}\n"},
                new String[] {"a waiver with files and posting", "name: t\n" + "rules:\n  - {id: r, type: forbid, severity: error, category: c, phrase: x}\n"
                        + "waivers:\n  - {files: 'a/*.html', posting: a, rule: r, reason: why, approved-by: me, expires: 2030-01-01}\n"},
                new String[] {"a waiver without expiry", "name: t\n" + "rules:\n  - {id: r, type: forbid, severity: error, category: c, phrase: x}\n"
                        + "waivers:\n  - {files: 'a/*.html', rule: r, reason: why, approved-by: me}\n"},
                new String[] {"a metadata-only field with a pattern", "name: t\nfields:\n  updated: {from: metadata, pattern: x}\n"},
                new String[] {"a body field without a pattern", "name: t\nfields:\n  location: {scope: p}\n"},
                new String[] {"an upper-case field name", "name: t\nfields:\n  Location: {pattern: x}\n"},
                new String[] {"a selector fix with two repairs", HEAD + "  - {id: r, type: selector, severity: info, category: c, selector: p, blank: true,"
                        + " fix: {remove-element: true, remove-attribute: style}}\n"},
                new String[] {"a consistency rule by scope without a scope", HEAD + "  - {id: r, type: consistency, severity: info, category: c}\n"},
                new String[] {"a comparison without the field to compare with", HEAD + "  - {id: r, type: field, severity: info, category: c, field: location, compare: text}\n"},
                new String[] {"a fact figure without its pattern", HEAD + "  - {id: r, type: fact, severity: info, category: c, current: {n: '3'}, retired: [{phrase: x}]}\n"},
                new String[] {"no name", "rules: []\n"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aMistakeIsRejectedByTheSchemaAndByTheLoader(String what, String yaml) throws IOException {
        assertFalse(errors(yaml).isEmpty(), what + " validates:\n" + yaml);
        Path p = tmp.resolve("policy.yaml");
        Files.writeString(p, yaml);
        assertThrows(PolicyException.class, () -> new PolicyLoader().load(p.toString(), tmp), what + " loads");
    }

    @Test
    void scalarsAreTypedAsAnEditorTypesThem() {
        // yes/no, quoted numbers and dates are text for posting-lint, and the schema takes them so.
        assertEquals(List.of(), errors(HEAD + "  - {id: r, type: forbid, severity: error, category: c, phrase: x, raw: yes}\n"));
        assertEquals(List.of(), errors("name: t\nversion: 2026.11\ncompany: {employees: 5000, federal-contractor: true}\n"));
        assertFalse(errors(HEAD + "  - {id: r, type: forbid, severity: error, category: c, phrase: x, raw: maybe}\n").isEmpty());
    }

    // ---------------------------------------------------------------- the same keys as the loader

    /** The keys the loader reads from the mapping that holds {@value #BOGUS}, from its error. */
    Set<String> loaderKeys(String yaml) throws IOException {
        Path p = tmp.resolve("keys.yaml");
        Files.writeString(p, yaml);
        PolicyException e = assertThrows(PolicyException.class, () -> new PolicyLoader().load(p.toString(), tmp), yaml);
        Matcher m = Pattern.compile("unknown key '" + BOGUS + "' in .* \\(allowed: (.*)\\)").matcher(e.getMessage());
        if (!m.find()) {
            fail("expected the unknown-key error for " + BOGUS + ", got: " + e.getMessage() + "\n" + yaml);
        }
        return new TreeSet<>(Arrays.asList(m.group(1).split(", ")));
    }

    static Set<String> schemaKeys(JsonNode properties) {
        assertTrue(properties.isObject(), "no properties at " + properties);
        Set<String> out = new TreeSet<>();
        properties.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static JsonNode typeBranch(String type) {
        for (JsonNode branch : schemaJson.at("/definitions/rule/allOf")) {
            if (type.equals(branch.at("/if/properties/type/const").asText())) {
                return branch.get("then");
            }
        }
        throw new AssertionError("the schema has no if/then branch for rule type " + type);
    }

    static final String R = "name: t\nrules:\n  - id: r\n    severity: info\n    category: c\n";

    /** A rule of each type with only its required keys. */
    static final Map<String, String> MINIMAL_RULES = Map.ofEntries(
            Map.entry("require", "    type: require\n    phrase: x\n"),
            Map.entry("forbid", "    type: forbid\n    phrase: x\n"),
            Map.entry("substitute", "    type: substitute\n    swap: {a: b}\n"),
            Map.entry("selector", "    type: selector\n    selector: p\n"),
            Map.entry("field", "    type: field\n    field: location\n"),
            Map.entry("canonical", "    type: canonical\n    text: one two three\n"),
            Map.entry("fact", "    type: fact\n    retired: [{phrase: x}]\n"),
            Map.entry("consistency", "    type: consistency\n    group-by: heading\n"),
            Map.entry("jurisdiction", "    type: jurisdiction\n"),
            Map.entry("pay-range", "    type: pay-range\n    max-ratio: 2\n"),
            Map.entry("deadline", "    type: deadline\n    phrase: apply by\n"));

    void assertSameKeys(String what, Set<String> schema, Set<String> loader) {
        Set<String> ahead = AHEAD_OF_THE_LOADER.getOrDefault(what.startsWith("rule type") ? "rule" : what, Set.of());
        Set<String> expected = new TreeSet<>(loader);
        expected.addAll(ahead);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(schema);
        Set<String> extra = new TreeSet<>(schema);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), "schema/posting-lint-policy.schema.json and the loader disagree on the keys of "
                + what + ": the loader reads " + loader + "; add to the schema " + missing + ", remove from it " + extra);
    }

    @Test
    void theSchemaNamesTheKeysTheLoaderReads() throws IOException {
        assertEquals(new TreeSet<>(RuleTypes.builtin().names()), MINIMAL_RULES.keySet().stream().collect(Collectors.toCollection(TreeSet::new)),
                "a new rule type needs a minimal rule here and a branch in the schema");
        for (var e : MINIMAL_RULES.entrySet()) {
            assertEquals(List.of(), errors(R + e.getValue()), "minimal " + e.getKey() + " rule");
            assertSameKeys("rule type " + e.getKey(), schemaKeys(typeBranch(e.getKey()).get("properties")),
                    loaderKeys(R + e.getValue() + "    " + BOGUS + ": 1\n"));
        }
        Set<String> common = schemaKeys(schemaJson.at("/definitions/rule/properties"));
        for (String type : MINIMAL_RULES.keySet()) {
            assertTrue(schemaKeys(typeBranch(type).get("properties")).containsAll(common), type + " must allow every common rule key " + common);
        }
        String forbid = R + MINIMAL_RULES.get("forbid");
        assertSameKeys("top level", schemaKeys(schemaJson.get("properties")), loaderKeys("name: t\n" + BOGUS + ": 1\n"));
        assertSameKeys("when", schemaKeys(schemaJson.at("/definitions/when/properties")),
                loaderKeys(forbid + "    when: {field: location, " + BOGUS + ": 1}\n"));
        assertSameKeys("jurisdiction entry", schemaKeys(schemaJson.at("/definitions/jurisdictionEntry/oneOf/1/properties")),
                loaderKeys(forbid + "    when: {jurisdiction: [{code: US, " + BOGUS + ": 1}]}\n"));
        assertSameKeys("scope", schemaKeys(schemaJson.at("/definitions/scope/oneOf/1/properties")),
                loaderKeys(forbid + "    scope: {section: Benefits, " + BOGUS + ": 1}\n"));
        assertSameKeys("rule examples", schemaKeys(schemaJson.at("/definitions/ruleExamples/properties")),
                loaderKeys(forbid + "    examples: {" + BOGUS + ": 1}\n"));
        assertSameKeys("field", schemaKeys(schemaJson.at("/definitions/field/properties")),
                loaderKeys("name: t\nfields:\n  location: {pattern: x, " + BOGUS + ": 1}\n"));
        assertSameKeys("waiver", schemaKeys(schemaJson.at("/definitions/waiver/properties")),
                loaderKeys("name: t\nwaivers:\n  - {files: '*.html', rule: r, reason: x, approved-by: y, expires: 2030-01-01, " + BOGUS + ": 1}\n"));
        assertSameKeys("pack example", schemaKeys(schemaJson.at("/definitions/packExample/properties")),
                loaderKeys("name: t\nexamples:\n  - {name: a, html: b, flag: [r], " + BOGUS + ": 1}\n"));
        assertSameKeys("selector fix", schemaKeys(typeBranch("selector").at("/properties/fix/properties")),
                loaderKeys(R + MINIMAL_RULES.get("selector") + "    fix: {remove-attribute: style, " + BOGUS + ": 1}\n"));
        assertSameKeys("canonical supersedes entry", schemaKeys(typeBranch("canonical").at("/properties/supersedes/items/properties")),
                loaderKeys(R + MINIMAL_RULES.get("canonical") + "    supersedes: [{name: a, text: b, " + BOGUS + ": 1}]\n"));
        assertSameKeys("fact retired entry", schemaKeys(typeBranch("fact").at("/properties/retired/items/properties")),
                loaderKeys(R + "    type: fact\n    retired: [{phrase: x, " + BOGUS + ": 1}]\n"));
    }

    @Test
    void theSchemaListsTheRuleTypesPacksAndSeverities() {
        assertEquals(new TreeSet<>(RuleTypes.builtin().names()), texts(schemaJson.at("/definitions/rule/properties/type/enum")));
        assertEquals(ClasspathPacks.shipped().names().stream().map(n -> "builtin:" + n).collect(Collectors.toCollection(TreeSet::new)),
                texts(schemaJson.at("/properties/extends/anyOf/0/anyOf/0/enum")));
        assertEquals(Arrays.stream(Severity.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new)),
                texts(schemaJson.at("/definitions/severity/enum")));
        assertEquals(new TreeSet<>(ReportMode.names()), texts(schemaJson.at("/definitions/rule/properties/report/enum")));
    }

    static Set<String> texts(JsonNode array) {
        assertTrue(array.isArray(), "not a list: " + array);
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}

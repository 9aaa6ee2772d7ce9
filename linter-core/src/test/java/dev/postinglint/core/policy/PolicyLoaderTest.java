package dev.postinglint.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.postinglint.core.posting.ContentChoice;
import dev.postinglint.core.yaml.PolicyException;

import dev.postinglint.core.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, yaml);
        return p;
    }

    private Policy load(String yaml) throws IOException {
        write("policy.yaml", yaml);
        return new PolicyLoader().load("policy.yaml", dir);
    }

    private PolicyException fails(String yaml) throws IOException {
        write("policy.yaml", yaml);
        return assertThrows(PolicyException.class, () -> new PolicyLoader().load("policy.yaml", dir));
    }

    private static final String RULE = """
              - id: r
                type: forbid
                severity: error
                category: eeo
                pattern: 'x'
            """;

    /** A policy file is strict UTF-8; a replacement character written in it is text like any other. */
    @Test
    void aPolicyThatIsNotUtf8IsRefusedAndAReplacementCharacterInOneIsText() throws IOException {
        byte[] head = "name: n\ndescription: caf".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (byte[] bad : List.of(new byte[] {(byte) 0xE9}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC3})) {
            byte[] text = java.util.Arrays.copyOf(head, head.length + bad.length + 1);
            System.arraycopy(bad, 0, text, head.length, bad.length);
            text[text.length - 1] = '\n';
            Files.write(dir.resolve("bad.yaml"), text);
            PolicyException e = assertThrows(PolicyException.class, () -> new PolicyLoader().load("bad.yaml", dir));
            assertTrue(e.getMessage().endsWith("policy file is not valid UTF-8"), e.getMessage());
        }
        Files.writeString(dir.resolve("ok.yaml"), "\uFEFFname: caf\uFFFD \u00e9\nrules:\n" + RULE);
        assertEquals("caf\uFFFD \u00e9", new PolicyLoader().load("ok.yaml", dir).name());
    }

    /** Dates are read as {@code LocalDate.parse} reads them (a quick path takes plain ones), and refused alike. */
    @Test
    void datesAreReadAndRefusedAsLocalDateParseDoes() {
        for (String s : List.of("2026-01-31", "2024-02-29", "0000-01-01", "9999-12-31", " 2025-06-01 ", "2023-02-29", "2025-04-31",
                "2025-13-01", "2025-00-10", "2025-01-00", "2025-1-01", "+2025-01-01", "20250-01-01", "2025/01/01", "2025-01-0x",
                "\u0662\u0660\u0662\u0665-01-01", "")) {
            var node = new org.yaml.snakeyaml.nodes.ScalarNode(org.yaml.snakeyaml.nodes.Tag.STR, s, null, null,
                    org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN);
            dev.postinglint.core.yaml.YamlValue v = new dev.postinglint.core.yaml.YamlValue("p.yaml", node);
            java.time.LocalDate expected;
            try {
                expected = java.time.LocalDate.parse(s.strip());
            } catch (java.time.format.DateTimeParseException e) {
                PolicyException refused = assertThrows(PolicyException.class, () -> v.asDate("'expires'"), s);
                assertTrue(refused.getMessage().endsWith("'expires' must be a date written YYYY-MM-DD, not '" + s.strip() + "'"), refused.getMessage());
                continue;
            }
            assertEquals(expected, v.asDate("'expires'"), s);
        }
    }

    /** The policy from the issue, verbatim, extending a built-in pack provided by the test classpath. */
    @Test
    void theIssuesExamplePolicyLoadsExactlyAsWritten() throws IOException {
        Policy p = load("""
                name: example
                extends: [builtin:testpack]
                rules:
                  - id: no-rockstar
                    type: forbid
                    severity: error
                    category: inclusive-language
                    message: "Avoid '{match}': it puts off applicants"
                    pattern: '(?i)\\brock ?stars?\\b'
                    examples:
                      flag: ["We need a rockstar engineer."]
                      pass: ["We need a skilled engineer."]
                  - id: conclusion-has-eeo
                    type: require
                    severity: error
                    category: eeo
                    message: "No equal-opportunity statement"
                    pattern: '(?i)equal (employment )?opportunity'
                    scope: ".content-conclusion"
                """);
        assertEquals("example", p.name());
        assertEquals(List.of("builtin:testpack", "policy.yaml"), p.sources().stream().map(s -> s.replaceAll(".*/", "")).toList());
        assertTrue(p.rule("no-rockstar").isPresent());
        assertEquals(".content-conclusion", p.rule("conclusion-has-eeo").orElseThrow().rule().info().scope().toString());
        assertEquals("builtin:testpack", p.rule("test-pack-rule").orElseThrow().rule().info().origin());
        assertEquals(List.of("We need a rockstar engineer."), p.rule("no-rockstar").orElseThrow().rule().info().examples().flag());
    }

    @Test
    void unknownKeysAreErrorsWithLineAndColumn() throws IOException {
        PolicyException e = fails("name: x\nrules:\n  - id: r\n    type: forbid\n    severity: error\n    category: eeo\n    pattern: x\n    colour: red\n");
        assertEquals(8, e.line());
        assertEquals(5, e.column());
        assertTrue(e.getMessage().contains("policy.yaml:8:5: unknown key 'colour'"), e.getMessage());
        assertTrue(e.getMessage().contains("allowed:"), e.getMessage());
    }

    @Test
    void aMisspeltRequiredKeyIsNamedAsSuch() throws IOException {
        PolicyException e = fails("name: x\nrules:\n  - id: r\n    type: forbid\n    severity: error\n    categroy: eeo\n    pattern: x\n");
        assertEquals(6, e.line());
        assertTrue(e.problem().contains("did you mean 'category'"), e.problem());
    }

    @Test
    void unknownTopLevelKey() throws IOException {
        PolicyException e = fails("name: x\nrulez: []\n");
        assertEquals(2, e.line());
        assertTrue(e.problem().contains("unknown key 'rulez'"));
    }

    @Test
    void duplicateKeysAreRejected() throws IOException {
        PolicyException e = fails("name: x\nrules:\n  - id: r\n    type: forbid\n    type: require\n");
        assertEquals(5, e.line());
        assertTrue(e.problem().contains("duplicate key 'type'"), e.problem());
    }

    @Test
    void wrongTypesAreRejected() throws IOException {
        assertTrue(fails("name: x\nrules: {a: 1}\n").problem().contains("must be a list"));
        assertTrue(fails("name: [a]\n").problem().contains("must be a string"));
        PolicyException e = fails("name: x\nrules:\n  - id: r\n    type: require\n    severity: error\n    category: eeo\n    pattern: x\n    min: lots\n");
        assertEquals(8, e.line());
        assertTrue(e.problem().contains("whole number"));
    }

    @Test
    void yaml11BooleansAndOctalsStayAsWritten() throws IOException {
        Policy p = load("name: no\nversion: 010\ncompany:\n  country: NO\n  federal-contractor: yes\n");
        assertEquals("no", p.name());
        assertEquals("010", p.version());
        assertEquals("NO", p.company().value("country"));
    }

    @Test
    void badAndBacktrackingRegexesAreReportedAtTheirPlace() throws IOException {
        PolicyException look = fails("name: x\nrules:\n  - id: r\n    type: forbid\n    severity: error\n    category: eeo\n    pattern: 'a(?=b)'\n");
        assertEquals(7, look.line());
        assertEquals(14, look.column());
        assertTrue(look.problem().contains("lookahead"));
        PolicyException back = fails("name: x\nrules:\n  - id: r\n    type: forbid\n    severity: error\n    category: eeo\n    pattern: '(a)\\1'\n");
        assertTrue(back.problem().contains("backreference"));
        PolicyException syntax = fails("name: x\nrules:\n  - id: r\n    type: forbid\n    severity: error\n    category: eeo\n    pattern: '(unclosed'\n");
        assertTrue(syntax.problem().contains("not a valid RE2"), syntax.problem());
        PolicyException inter = fails("name: x\nrules:\n  - id: r\n    type: forbid\n    severity: error\n    category: eeo\n    pattern: '[a-z&&[^e]]'\n");
        assertTrue(inter.problem().contains("&&"));
    }

    @Test
    void badCssSelectorIsReportedAtItsPlace() throws IOException {
        PolicyException e = fails("name: x\nrules:\n  - id: r\n    type: selector\n    severity: error\n    category: html\n    selector: 'p[[['\n");
        assertEquals(7, e.line());
        assertTrue(e.problem().contains("not a valid CSS selector"));
    }

    @Test
    void contentIsAutoUnlessAFileSaysAndTheExtendingFileSaysLast() throws IOException {
        assertEquals(ContentChoice.AUTO, load("name: x\n").content());
        assertEquals(ContentChoice.WHOLE_FILE, load("name: x\ncontent: whole-file\n").content());
        write("base.yaml", "name: base\ncontent: '#job'\n");
        assertEquals("#job", load("name: x\nextends: base.yaml\n").content().toString());
        assertEquals("main", load("name: x\nextends: base.yaml\ncontent: main\n").content().toString());
        PolicyException e = fails("name: x\ncontent: 'div[['\n");
        assertEquals(2, e.line());
        assertTrue(e.problem().contains("content selector 'div[['") && e.problem().contains("not a valid CSS selector"), e.problem());
    }

    @Test
    void unknownRuleTypeListsTheKnownOnes() throws IOException {
        PolicyException e = fails("name: x\nrules:\n  - id: r\n    type: frobnicate\n    severity: error\n    category: eeo\n");
        assertEquals(4, e.line());
        assertTrue(e.problem().contains("known: require, forbid, substitute, selector, field"), e.problem());
    }

    @Test
    void unknownMessagePlaceholderFailsAtLoad() throws IOException {
        PolicyException e = fails("name: x\nrules:\n  - id: r\n    type: forbid\n    severity: error\n    category: eeo\n    pattern: x\n    message: 'bad {mtach}'\n");
        assertEquals(8, e.line());
        assertTrue(e.problem().contains("{mtach}"));
        load("name: x\ncompany:\n  name: Acme\nrules:\n  - id: r\n    type: forbid\n    severity: error\n    category: eeo\n    pattern: x\n    message: '{company.name}: {match} {{literal}}'\n");
    }

    @Test
    void extendsCycleAndMissingFileNameWhereTheyWereReferenced() throws IOException {
        write("a.yaml", "name: a\nextends: [b.yaml]\n");
        write("b.yaml", "name: b\nextends:\n  - a.yaml\n");
        PolicyException cycle = assertThrows(PolicyException.class, () -> new PolicyLoader().load("a.yaml", dir));
        assertTrue(cycle.location().endsWith("b.yaml"));
        assertEquals(3, cycle.line());
        assertTrue(cycle.problem().contains("cycle"), cycle.problem());
        write("c.yaml", "name: c\nextends: [missing.yaml]\n");
        PolicyException missing = assertThrows(PolicyException.class, () -> new PolicyLoader().load("c.yaml", dir));
        assertTrue(missing.location().endsWith("c.yaml"));
        assertEquals(2, missing.line());
        assertTrue(missing.problem().contains("not found"));
        PolicyException builtin = fails("name: x\nextends: [builtin:nope]\n");
        assertTrue(builtin.problem().contains("unknown built-in pack"));
    }

    @Test
    void aPackReachedTwiceIsMergedOnce() throws IOException {
        write("base.yaml", "name: base\nrules:\n" + RULE);
        write("l.yaml", "name: l\nextends: [base.yaml]\n");
        write("r.yaml", "name: r\nextends: [base.yaml]\n");
        Policy p = load("name: top\nextends: [l.yaml, r.yaml]\n");
        assertEquals(1, p.rules().size());
    }

    @Test
    void duplicateRuleIdsAcrossPacksAreErrors() throws IOException {
        write("base.yaml", "name: base\nrules:\n" + RULE);
        PolicyException e = fails("name: top\nextends: [base.yaml]\nrules:\n" + RULE);
        assertTrue(e.problem().contains("already defined"), e.problem());
        assertTrue(e.problem().contains("overrides"));
    }

    @Test
    void overridesChangeSeverityOrSwitchOff() throws IOException {
        write("base.yaml", "name: base\nrules:\n" + RULE + RULE.replace("id: r", "id: s"));
        Policy p = load("name: top\nextends: [base.yaml]\noverrides:\n  r: warning\n  s: off\n");
        assertEquals(Severity.WARNING, p.rule("r").orElseThrow().severity());
        assertFalse(p.rule("s").orElseThrow().enabled());
        assertEquals(1, p.enabledRules().size());
        PolicyException e = fails("name: top\nextends: [base.yaml]\noverrides:\n  nope: off\n");
        assertEquals(4, e.line());
        PolicyException bad = fails("name: top\nextends: [base.yaml]\noverrides:\n  r: loud\n");
        assertTrue(bad.problem().contains("off, on, error, warning or info"));
    }

    @Test
    void hostileYamlIsRefused() throws IOException {
        StringBuilder laughs = new StringBuilder("name: x\ncompany:\n  a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        String prev = "a";
        for (int i = 0; i < 8; i++) {
            String cur = "l" + i;
            laughs.append("  ").append(cur).append(": &").append(cur).append(" [");
            for (int j = 0; j < 10; j++) {
                laughs.append(j == 0 ? "" : ",").append('*').append(prev);
            }
            laughs.append("]\n");
            prev = cur;
        }
        PolicyException e = fails(laughs.toString());
        assertTrue(e.problem().contains("invalid YAML") || e.problem().contains("must be a string"), e.problem());

        PolicyException deep = fails("name: x\ncompany:\n  a: " + "[".repeat(100) + "]".repeat(100) + "\n");
        assertTrue(deep.problem().contains("invalid YAML") || deep.problem().contains("must be"), deep.problem());

        Files.write(dir.resolve("big.yaml"), new byte[(1 << 20) + 10]);
        PolicyException big = assertThrows(PolicyException.class, () -> new PolicyLoader().load("big.yaml", dir));
        assertTrue(big.problem().contains("larger than"));

        Files.write(dir.resolve("bin.yaml"), new byte[] {'n', 'a', (byte) 0xC3, (byte) 0x28});
        PolicyException bin = assertThrows(PolicyException.class, () -> new PolicyLoader().load("bin.yaml", dir));
        assertTrue(bin.problem().contains("UTF-8"));

        PolicyException tags = fails("name: !!java.lang.Runtime x\n");
        assertTrue(tags.getMessage().contains("policy.yaml"));
    }

    @Test
    void javaObjectTagsAreRefusedAtTheirPlace() throws IOException {
        // Composition only, no construction; SnakeYAML 2 also refuses global tags outright.
        PolicyException e = fails("name: !!javax.script.ScriptEngineManager x\n");
        assertEquals(1, e.line());
        assertEquals(7, e.column());
        assertTrue(e.problem().contains("Global tag is not allowed"), e.problem());
    }

    @Test
    void syntaxErrorsCarryTheirPosition() throws IOException {
        PolicyException e = fails("name: x\nrules:\n  - id: r\n   type: forbid\n");
        assertTrue(e.line() >= 3, e.getMessage());
        assertTrue(e.problem().startsWith("invalid YAML"));
        PolicyException empty = fails("");
        assertTrue(empty.problem().contains("empty"));
    }

    @Test
    void fieldsMustBeDeclaredBeforeRulesUseThem() throws IOException {
        PolicyException e = fails("name: x\nrules:\n  - id: r\n    type: field\n    severity: error\n    category: location\n    field: location\n");
        assertTrue(e.problem().contains("field 'location'"), e.problem());
        PolicyException label = fails("name: x\nfields:\n  location:\n    pattern: 'Location: (.*)'\nrules:\n  - id: r\n    type: field\n"
                + "    severity: error\n    category: location\n    field: location\n    label: 'Location:'\n");
        assertTrue(label.problem().contains("(?P<label>"), label.problem());
    }

    @Test
    void whenNeedsAFieldForFieldConditionsAndOrderedDates() throws IOException {
        PolicyException e = fails("name: x\nrules:\n  - id: r\n    type: forbid\n    severity: error\n    category: eeo\n    pattern: x\n"
                + "    when:\n      effective-from: 2026-06-07\n      effective-until: 2025-01-01\n");
        assertTrue(e.problem().contains("before"));
        PolicyException date = fails("name: x\nrules:\n  - id: r\n    type: forbid\n    severity: error\n    category: eeo\n    pattern: x\n"
                + "    when:\n      effective-from: June 7\n");
        assertEquals(9, date.line());
        assertTrue(date.problem().contains("YYYY-MM-DD"));
    }
}

package dev.postinglint.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.posting.PostingParser;
import dev.postinglint.core.rules.RuleContext;
import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.source.SourceText;
import dev.postinglint.core.yaml.PolicyException;
import dev.postinglint.core.yaml.Suggest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy authoring that cannot go quietly wrong: shadowing, every problem at once, "did you mean", origins, print-config. */
class PolicyAuthoringTest {
    @TempDir
    Path dir;

    private static final String BASE = """
            name: base
            company:
              name: Acme
              headcount: "1,000"
            fields:
              location:
                pattern: 'Location: (?P<value>[^\\n]+)'
            rules:
              - id: base-rule
                type: forbid
                severity: warning
                category: inclusive-language
                phrase: rockstar
            """;

    private Policy load(String top) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), BASE);
        Files.writeString(dir.resolve("top.yaml"), top);
        return new PolicyLoader().load("top.yaml", dir);
    }

    private PolicyException fails(String top) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), BASE);
        Files.writeString(dir.resolve("top.yaml"), top);
        return assertThrows(PolicyException.class, () -> new PolicyLoader().load("top.yaml", dir));
    }

    private static String loc(PolicyException.Problem p) {
        return p.place().location().replaceAll(".*/", "") + ":" + p.place().line() + ":" + p.place().column();
    }

    @Test
    void aFieldThatShadowsAnExtendedOneIsAnErrorNamingBothPlaces() throws IOException {
        PolicyException e = fails("name: top\nextends: [base.yaml]\nfields:\n  location:\n    pattern: 'Where: (.*)'\n");
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals("top.yaml:4:3", loc(e.problems().get(0)));
        assertTrue(e.problem().matches("field 'location' shadows the field 'location' defined at .*base\\.yaml:6:3: .*'override: true'.*"),
                e.problem());
    }

    @Test
    void aFieldMarkedOverrideReplacesTheExtendedOneAndSaysSo() throws IOException {
        Policy p = load("name: top\nextends: [base.yaml]\nfields:\n  location:\n    override: true\n    pattern: 'Where: (?P<value>.*)'\n");
        assertEquals("Where: (?P<value>.*)", p.fields().get("location").pattern().pattern());
        Origins.Origin o = p.origins().fields().get("location");
        assertTrue(o.place().location().endsWith("top.yaml"));
        assertTrue(o.overrides().toString().endsWith("base.yaml:6:3"), o.overrides().toString());
        assertTrue(Origins.describe("field", "location", o).matches("overrides the field 'location' defined at .*base\\.yaml:6:3"));
        assertFalse(o.yaml().toYaml().contains("override"), "the effective field's YAML has no 'override' key");
    }

    @Test
    void overrideWithNothingToOverrideIsAnError() throws IOException {
        PolicyException e = fails("name: top\nextends: [base.yaml]\nfields:\n  locaton:\n    override: true\n    pattern: 'x'\n");
        assertTrue(e.problem().contains("no extended policy defines a field 'locaton'; did you mean 'location'?"), e.problem());
    }

    @Test
    void aRuleMarkedOverrideReplacesTheInheritedOneInPlace() throws IOException {
        String rule = "rules:\n  - id: base-rule\n    type: forbid\n    severity: error\n    category: inclusive-language\n    phrase: ninja\n";
        PolicyException e = fails("name: top\nextends: [base.yaml]\n" + rule);
        assertTrue(e.problem().matches("rule id 'base-rule' is already defined at .*base\\.yaml:9:5; .*'override: true'.*"), e.problem());
        Policy p = load("name: top\nextends: [base.yaml]\n" + rule.replace("    phrase:", "    override: true\n    phrase:"));
        assertEquals(1, p.rules().size());
        assertEquals(Severity.ERROR, p.rule("base-rule").orElseThrow().severity());
        assertTrue(p.origins().rule("base-rule").orElseThrow().overrides().toString().endsWith("base.yaml:9:5"));
    }

    @Test
    void companyFactsReplaceInheritedOnesOnlyUnderOverrides() throws IOException {
        PolicyException e = fails("name: top\nextends: [base.yaml]\ncompany:\n  headcount: '2,000'\n");
        assertEquals("top.yaml:4:3", loc(e.problems().get(0)));
        assertTrue(e.problem().matches("company fact 'headcount' shadows the one defined at .*base\\.yaml:4:3; .*'company: overrides:'"),
                e.problem());
        Policy p = load("name: top\nextends: [base.yaml]\ncompany:\n  careers: jobs.acme.example\n  overrides:\n    headcount: '2,000'\n");
        assertEquals("2,000", p.company().value("headcount"));
        assertEquals("Acme", p.company().value("name"));
        assertEquals("jobs.acme.example", p.company().value("careers"));
        assertTrue(p.origins().facts().get("headcount").isOverride());
        assertFalse(p.company().has("overrides"));
        PolicyException nothing = fails("name: top\nextends: [base.yaml]\ncompany:\n  overrides:\n    headcont: '2'\n");
        assertTrue(nothing.problem().contains("no extended policy defines it; did you mean 'headcount'?"), nothing.problem());
    }

    @Test
    void everyProblemOfAFileIsReportedInOneRunInFileOrder() throws IOException {
        PolicyException e = fails("""
                name: top
                extends: [base.yaml, builtin:testpak]
                colour: red
                fields:
                  location:
                    pattern: 'x'
                rules:
                  - id: a
                    type: forbidd
                    severity: error
                    category: eeo
                  - id: b
                    type: forbid
                    severity: eror
                    category: eeo
                    phrase: x
                  - id: c
                    type: forbid
                    severity: error
                    category: eeo
                    phrase: x
                    patern: y
                overrides:
                  base-rul: off
                waivers:
                  - files: "*.html"
                    rule: nope
                    reason: r
                    approved-by: a
                    expires: 2026-13-01
                """);
        List<String> places = e.problems().stream().map(PolicyAuthoringTest::loc).toList();
        assertEquals(List.of("top.yaml:2:22", "top.yaml:3:1", "top.yaml:5:3", "top.yaml:9:11", "top.yaml:14:15", "top.yaml:22:5",
                "top.yaml:24:3", "top.yaml:30:14"), places, e.getMessage());
        assertEquals(e.problems().size(), e.getMessage().lines().count(), "one line per problem");
        assertTrue(e.getMessage().lines().allMatch(l -> l.matches(".*top\\.yaml:\\d+:\\d+: .+")), e.getMessage());
        String all = e.getMessage();
        assertTrue(all.contains("unknown built-in pack 'builtin:testpak'"), all); // suggestions from real packs: PolicyAuthoringIT
        assertTrue(all.contains("unknown key 'colour' in a policy file"), all);
        assertTrue(all.contains("unknown rule type 'forbidd'; did you mean 'forbid'?"), all);
        assertTrue(all.contains("not 'eror'; did you mean 'error'?"), all);
        assertTrue(all.contains("unknown key 'patern' in a rule; did you mean 'pattern'?"), all);
        assertTrue(all.contains("override names rule 'base-rul', which no policy defines; did you mean 'base-rule'?"), all);
        // The single-problem API still describes the first one.
        assertEquals(2, e.line());
        assertTrue(e.location().endsWith("top.yaml"));
    }

    @Test
    void aBrokenRuleDoesNotCascadeIntoWaiverOrOverrideErrors() throws IOException {
        PolicyException e = fails("name: top\nrules:\n  - id: r\n    type: forbid\n    severity: loud\n    category: eeo\n    phrase: x\n"
                + "overrides:\n  r: warning\nwaivers:\n  - posting: p\n    rule: r\n    reason: x\n    approved-by: a\n    expires: 2026-01-01\n");
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problem().contains("severity must be"), e.problem());
    }

    @Test
    void aCategoryThatIsATypoOfAnExtendedOneIsAnError() throws IOException {
        PolicyException e = fails("name: top\nextends: [base.yaml]\nrules:\n  - id: r\n    type: forbid\n    severity: error\n"
                + "    category: inclusive-langauge\n    phrase: x\n");
        assertTrue(e.problem().contains("category 'inclusive-langauge', which no extended policy uses; did you mean 'inclusive-language'?"),
                e.problem());
        load("name: top\nextends: [base.yaml]\nrules:\n  - id: r\n    type: forbid\n    severity: error\n    category: benefits\n    phrase: x\n");
    }

    @Test
    void suggestionsComeFromCommonsTextAndOnlyForCloseNames() {
        assertEquals("pattern", Suggest.closest("patern", List.of("phrase", "pattern", "patterns")).orElseThrow());
        assertEquals("scope", Suggest.closest("Scope", List.of("scope")).orElseThrow());
        assertTrue(Suggest.closest("colour", List.of("id", "type", "severity", "category")).isEmpty());
        assertTrue(Suggest.closest("eeo", List.of("pay")).isEmpty(), "short names need a one-letter slip");
    }

    @Test
    void aFindingCitesTheLawOfTheJurisdictionItWasRaisedFor() throws IOException {
        Files.writeString(dir.resolve("p.yaml"), """
                name: t
                fields:
                  location:
                    pattern: 'Location: (?P<value>[^\\n]+)'
                rules:
                  - id: pay
                    type: require
                    severity: error
                    category: pay-transparency
                    phrase: salary
                    link: https://rule.example/general
                    when:
                      jurisdiction:
                        - {code: US-CO, from: 2021-01-01, name: Colorado, link: "https://co.example/law"}
                        - {code: GB, from: 2023-01-01, name: Britain, link: "https://gb.example/law"}
                        - {code: EU, from: 2026-06-07}
                """);
        Policy p = new PolicyLoader().load("p.yaml", dir);
        assertEquals("https://gb.example/law", only(p, "<p>Location: London, UK</p>").link());
        assertEquals("https://co.example/law", only(p, "<p>Location: Denver, CO</p>").link());
        assertEquals("https://rule.example/general", only(p, "<p>Location: Lisbon, Portugal</p>").link(), "no link of its own");
        var windows = p.rule("pay").orElseThrow().rule().info().when().jurisdictions();
        assertEquals("https://gb.example/law", windows.get(1).link());
        assertNull(windows.get(2).link());
        PolicyException bad = assertThrows(PolicyException.class, () -> new PolicyLoader().load("q.yaml",
                write("q.yaml", Files.readString(dir.resolve("p.yaml")).replace("https://co.example/law", "co.example"))));
        assertTrue(bad.problem().contains("'link' must be an http(s) address"), bad.problem());
    }

    private Path write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
        return dir;
    }

    private static Finding only(Policy p, String html) {
        RuleContext ctx = new RuleContext(PostingParser.parse(new SourceText("t.html", html)), p.fields(), p.company(),
                LocalDate.of(2026, 11, 21), p.gazetteer());
        List<Finding> f = Linter.check(ctx, p.enabledRules());
        assertEquals(1, f.size(), f.toString());
        return f.get(0);
    }

    @Test
    void printConfigIsTheEffectivePolicyWithOriginsAndLoadsBackToTheSameRules() throws IOException {
        Policy p = load("""
                name: top
                extends: [base.yaml, builtin:testpack]
                company:
                  overrides:
                    name: Acme, Inc.
                fields:
                  office:
                    pattern: 'Office: (?P<value>.*)'
                rules:
                  - id: mine
                    type: forbid
                    severity: info
                    category: eeo
                    phrases: [ninja, guru]
                overrides:
                  base-rule: error
                  test-pack-rule: off
                """);
        String yaml = PolicyPrinter.print(p);
        assertTrue(yaml.contains("# from builtin:testpack:5:5\n  - id: test-pack-rule"), yaml);
        assertTrue(yaml.matches("(?s).*# from .*top\\.yaml:5:5, overrides the company fact 'name' defined at .*base\\.yaml:3:3\n  name: Acme, Inc\\.\n.*"),
                yaml);
        assertTrue(yaml.contains("  # severity warning, changed by overrides:\n"), yaml);
        Files.writeString(dir.resolve("effective.yaml"), yaml);
        Policy back = new PolicyLoader().load("effective.yaml", dir);
        assertEquals(p.rules().stream().map(r -> r.id() + " " + r.severity() + " " + r.enabled()).toList(),
                back.rules().stream().map(r -> r.id() + " " + r.severity() + " " + r.enabled()).toList());
        assertEquals(p.company(), back.company());
        assertEquals(p.fields().keySet(), back.fields().keySet());
    }
}

package dev.postinglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy authoring through the real jar: every error at once, shadowing, explain, print-config, test-policy, citations. */
class PolicyAuthoringIT {
    @TempDir
    Path tmp;

    @Test
    void everyProblemOfABrokenPolicyIsPrintedOnItsOwnLineWithExit2() throws IOException {
        Files.writeString(tmp.resolve("team.yaml"), """
                name: team
                extends: [builtin:defualt, builtin:default]
                fields:
                  location:
                    pattern: 'Location: (.*)'
                rules:
                  - id: r1
                    type: forbidd
                    severity: error
                    category: eeo
                  - id: r2
                    type: forbid
                    severity: eror
                    category: eeo
                    phrase: x
                overrides:
                  eeo-statement-presnt: off
                """);
        Files.writeString(tmp.resolve("p.html"), "<p>x</p>");
        Cli.Result r = Cli.run(tmp, "check", "--policy", "team.yaml", "p.html");
        assertEquals(2, r.exit(), r.toString());
        List<String> lines = r.err().lines().toList();
        assertEquals(List.of(
                "team.yaml:2:11: unknown built-in pack 'builtin:defualt'; did you mean 'builtin:default'?",
                "team.yaml:4:3: field 'location' shadows the field 'location' defined at builtin:location:",
                "team.yaml:8:11: unknown rule type 'forbidd'; did you mean 'forbid'?",
                "team.yaml:13:15: severity must be error, warning or info, not 'eror'; did you mean 'error'?",
                "team.yaml:17:3: override names rule 'eeo-statement-presnt', which no policy defines; did you mean 'eeo-statement-present'?"),
                lines.stream().map(l -> l.replaceAll("(defined at builtin:location:).*", "$1").replaceAll(" \\((available|known):.*", ""))
                        .toList(), r.toString());
        assertEquals("", r.out());
    }

    /** The first example in docs/POLICIES.md loads next to builtin:default and leaves its location field alone. */
    @Test
    void theGuidesFirstExampleLoadsAndShadowsNothing() throws IOException {
        String guide = Files.readString(Cli.EXAMPLES.resolveSibling("docs/POLICIES.md"));
        Matcher m = Pattern.compile("(?s)```yaml\n(.*?)```").matcher(guide);
        assertTrue(m.find());
        String example = m.group(1).replace("  - ../shared/legal.yaml", ""); // a file the guide only names
        Files.writeString(tmp.resolve("acme.yaml"), example);
        Cli.Result rules = Cli.run(tmp, "rules", "--policy", "acme.yaml");
        assertEquals(0, rules.exit(), rules.toString());
        assertTrue(rules.out().contains("pay-range-present-us"), rules.out());
        Cli.Result config = Cli.run(tmp, "print-config", "acme.yaml");
        assertTrue(config.out().contains("  # from builtin:location:9:3\n  location:\n"), config.out());
        // The mistake the guide used to teach is now an error that names both places.
        Files.writeString(tmp.resolve("old.yaml"), example.replace("  team:", "  location:"));
        Cli.Result old = Cli.run(tmp, "rules", "--policy", "old.yaml");
        assertEquals(2, old.exit(), old.toString());
        assertTrue(old.err().contains("field 'location' shadows the field 'location' defined at builtin:location:9:3"), old.err());
    }

    @Test
    void theShippedExamplePoliciesLoad() {
        for (String policy : List.of(".posting-lint.yaml", "report-demo-policy.yaml")) {
            Cli.Result r = Cli.run(Cli.EXAMPLES, "rules", "--policy", policy);
            assertEquals(0, r.exit(), policy + ": " + r);
            assertTrue(r.out().contains("field 'location' at builtin:cloudflare:31:3 overrides the field 'location' defined at"
                    + " builtin:location:9:3") || policy.startsWith("report"), r.out());
        }
    }

    @Test
    void aCaliforniaFindingCitesCaliforniasLawInJson() throws IOException {
        Files.writeString(tmp.resolve("job.md"), "---\ntitle: Engineer\nlocation: San Francisco, CA\n---\nWe build things.\n");
        Cli.Result r = Cli.run(tmp, "check", "job.md", "--format", "json", "--as-of", "2026-01-01");
        assertEquals(1, r.exit(), r.toString());
        JsonNode finding = null;
        for (JsonNode f : new ObjectMapper().readTree(r.out()).path("files").get(0).path("findings")) {
            if (f.path("ruleId").asText().equals("pay-range-present-us")) {
                finding = f;
            }
        }
        assertTrue(finding != null, r.out());
        assertEquals("https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=LAB&sectionNum=432.3",
                finding.path("link").asText());
    }

    @Test
    void explainShowsWhatDecidesWhetherTheRuleFires() {
        Cli.Result r = Cli.run(tmp, "explain", "pay-range-present-us", "--policy", "builtin:default");
        assertEquals(0, r.exit(), r.toString());
        String out = r.out();
        assertTrue(out.contains("Checks:\n  pattern: '"), out);
        assertTrue(out.contains("Scope:   the whole posting\nReports: each place as a finding of its own\n"), out);
        assertTrue(out.contains("When:    field 'pay-given-elsewhere' is absent\n         and the location (field 'location') is in one of these"), out);
        assertTrue(out.contains("  US-CA      California (Lab. Code 432.3), from 2023-01-01\n"
                + "             https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=LAB&sectionNum=432.3"), out);
        assertTrue(out.contains("Field 'location' (builtin:location:9:3):\n  from: [metadata, body]"), out);
        Cli.Result pasted = Cli.run(tmp, "explain", "pasted-inline-style", "--policy", "builtin:default");
        assertEquals(0, pasted.exit(), pasted.toString());
        assertTrue(pasted.out().contains("\nReports: once per posting (report: once-per-posting): one finding at the first place,"),
                pasted.out());
        assertFalse(pasted.out().contains("  report: "), "report: is shown once, not among the type's keys:\n" + pasted.out());
        Cli.Result typo = Cli.run(tmp, "explain", "pay-range-present-uss", "--policy", "builtin:default");
        assertEquals(2, typo.exit());
        assertTrue(typo.err().contains("did you mean 'pay-range-present-us'?"), typo.err());
    }

    @Test
    void printConfigLoadsBackAndTestPolicyListsRulesWithoutExamples() throws IOException {
        Files.writeString(tmp.resolve("team.yaml"), """
                name: team
                extends: [builtin:cloudflare]
                company:
                  overrides:
                    name: Cloudflare, Inc.
                rules:
                  - id: no-rockstar
                    type: forbid
                    severity: error
                    category: inclusive-language
                    pattern: '(?i)\\brock ?stars?\\b'
                    examples:
                      flag: ["We need a rockstar."]
                      pass: ["We need a skilled engineer."]
                  - id: no-ninja
                    type: forbid
                    severity: warning
                    category: inclusive-language
                    phrase: ninja
                overrides:
                  nbsp-padding: off
                """);
        Cli.Result config = Cli.run(tmp, "print-config", "team.yaml");
        assertEquals(0, config.exit(), config.toString());
        assertTrue(config.out().contains("  # from team.yaml:5:5, overrides the company fact 'name' defined at builtin:cloudflare:11:3\n"
                + "  name: Cloudflare, Inc.\n"), config.out());
        assertTrue(config.out().contains("overrides:\n  nbsp-padding: \"off\"\n"), config.out());
        Files.writeString(tmp.resolve("effective.yaml"), config.out());
        Cli.Result before = Cli.run(tmp, "rules", "--policy", "team.yaml");
        Cli.Result after = Cli.run(tmp, "rules", "--policy", "effective.yaml");
        assertEquals(0, after.exit(), after.toString());
        assertEquals(table(before.out()), table(after.out()));

        Cli.Result test = Cli.run(tmp, "test-policy", "team.yaml");
        assertEquals(0, test.exit(), test.toString());
        assertTrue(test.out().contains("no examples: 1 rule without 'examples:' or a pack example naming them:\n"
                + "      no-ninja (team.yaml:15:5)\n"), test.out());
        assertTrue(test.out().endsWith("2 passed, 0 failed, 1 without examples\n"), test.out());
    }

    /** The rules table's id, severity and category columns. */
    private static List<String> table(String rulesOutput) {
        return rulesOutput.lines().filter(l -> l.matches("[a-z].*  (error|warning|info|off) .*"))
                .map(l -> String.join(" ", List.of(l.split("\\s+")).subList(0, 4))).toList();
    }
}

package dev.postinglint.core.rules;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.posting.Metadata;
import dev.postinglint.core.posting.PostingParser;
import dev.postinglint.core.source.SourceText;
import static dev.postinglint.core.rules.Lint.at;
import static dev.postinglint.core.rules.Lint.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.model.Finding;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.yaml.PolicyException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopesFixesAndConditionsTest {
    private static String rule(String body) {
        return "name: t\nrules:\n  - id: r\n    severity: warning\n    category: test\n" + body.indent(4);
    }

    @Test
    void containsScopeIsTheParagraphsThatMatch() {
        String body = "type: require\nscope: {contains: '(?i)accommodat'}\noptional-scope: true\npattern: '@'\nmessage: no contact";
        assertEquals(1, run(rule(body), "<p>Ask us for an accommodation.</p><p>mail@x.org</p>").size());
        assertEquals(List.of(), run(rule(body), "<p>Ask us for an accommodation at mail@x.org.</p>"));
        assertEquals(List.of(), run(rule(body), "<p>No statement.</p>"), "optional scope: no paragraph, no rule");
    }

    @Test
    void selectorFixesEditOnlyTheTag() {
        String removeStyle = rule("type: selector\nselector: 'span[style]'\nfix: {remove-attribute: style}");
        String html = "<p><span class=\"a\"  style=\"font-weight: 400;\" id=x>Text</span></p>";
        Finding f = run(removeStyle, html).get(0);
        assertEquals("<p><span class=\"a\" id=x>Text</span></p>", Lint.applyFix(html, f));

        String addRel = rule("type: selector\nselector: 'a[target=_blank]:not([rel])'\nfix: {add-attribute: {rel: noopener noreferrer}}");
        String link = "<p><a href=\"https://x\" target=\"_blank\">x</a><a target=_blank href=y/>y</a></p>";
        List<Finding> links = run(addRel, link);
        assertEquals("<p><a href=\"https://x\" target=\"_blank\" rel=\"noopener noreferrer\">x</a><a target=_blank href=y/>y</a></p>",
                Lint.applyFix(link, links.get(0)));

        String empty = rule("type: selector\nselector: p\nblank: true\nfix: {remove-element: true}");
        String paras = "<p>One</p>\n<p>&nbsp;</p>\n<p><img src=a.png alt=''></p>";
        List<Finding> blanks = run(empty, paras);
        assertEquals(1, blanks.size(), "an image is content");
        assertEquals("<p>One</p>\n\n<p><img src=a.png alt=''></p>", Lint.applyFix(paras, blanks.get(0)));
    }

    @Test
    void blankIsWhatTheElementsTextSays() {
        String empty = rule("type: selector\nselector: p\nblank: true");
        // Blank as jsoup's text() reads it: white space and &nbsp; collapse, U+200B and soft hyphens vanish,
        // control characters are trimmed at the ends; a letter, a digit or a sign anywhere is content.
        String[] blank = {"<p>&nbsp;</p>", "<p> <br> </p>", "<p><span>\u2003</span>\n<b>&nbsp; </b></p>", "<p>\u200b</p>",
            "<p>&shy;</p>", "<p>\u0001 </p>", "<p><em> </em>\u0001<i>\u00a0</i></p>"};
        for (String html : blank) {
            assertEquals(1, run(empty, html).size(), html);
        }
        String[] content = {"<p>x</p>", "<p> <span>&nbsp;</span><b>7</b></p>", "<p>\u2003\u0001\u2003</p>", "<p>\u00e9</p>", "<p>\u2022</p>",
            "<p>\ufeff</p>", "<p><span></span>-</p>"};
        for (String html : content) {
            assertEquals(0, run(empty, html).size(), html);
        }
    }

    @Test
    void removeElementNeedsBlank() {
        assertThrows(PolicyException.class, () -> Lint.policy(rule("type: selector\nselector: p\nfix: {remove-element: true}")));
        PolicyException regex = assertThrows(PolicyException.class, () -> Lint.policy(rule("type: selector\nselector: 'p:matches(a+)'")));
        assertTrue(regex.problem().contains("regex pseudo-selector"), regex.problem());
    }

    @Test
    void rawForbidSeesEntitiesAndNarrowsToTheMatchGroup() {
        String body = "type: forbid\nraw: true\npattern: '(?P<match>(?:\\s*&nbsp;)+)\\s*</p>'\nreplace: ''";
        String html = "<p>Come join us!&nbsp;</p><p>10&nbsp;km</p>";
        List<Finding> f = run(rule(body), html);
        assertEquals(1, f.size());
        assertEquals("&nbsp;", at(html, f.get(0)));
        assertEquals("<p>Come join us!</p><p>10&nbsp;km</p>", Lint.applyFix(html, f.get(0)));
    }

    @Test
    void forbidAllowsCompanyValues() {
        String yaml = "name: t\ncompany:\n  contact: [hr@acme.example]\nrules:\n  - id: r\n    type: forbid\n    severity: error\n"
                + "    category: x\n    pattern: '[a-z]+@[a-z.]+'\n    allow: ['{company.contact}', 'jobs@acme.example']\n";
        List<Finding> f = run(yaml, "<p>hr@acme.example, HR@ACME.EXAMPLE, jobs@acme.example, hr@acne.example</p>");
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("hr@acne.example"));
    }

    @Test
    void jurisdictionConditionsFollowTheLocationAndTheDate() {
        String yaml = "name: t\nfields:\n  location:\n    pattern: 'Location: (?P<value>[^\\n]+)'\nrules:\n  - id: pay\n    type: require\n"
                + "    severity: error\n    category: pay-transparency\n    phrase: salary\n    message: 'pay needed in {jurisdiction}'\n"
                + "    when:\n      jurisdiction:\n        - {code: US-CO, from: 2021-01-01, name: Colorado}\n        - {code: EU, from: 2026-06-07}\n";
        Policy p = Lint.policy(yaml);
        String denver = "<p>Hi</p><p>Location: Denver, CO</p>";
        List<Finding> f = Lint.run(p, denver, LocalDate.of(2026, 1, 1));
        assertEquals(1, f.size());
        assertEquals("pay needed in Colorado", f.get(0).message());
        assertEquals("Denver, CO", at(denver, f.get(0)), "points at the location that brought the rule into scope");
        assertEquals(List.of(), Lint.run(p, denver, LocalDate.of(2020, 12, 31)));
        assertEquals("pay needed in EU", Lint.run(p, "<p>Location: Lisbon, Portugal</p>", LocalDate.of(2026, 6, 7)).get(0).message());
        assertEquals(List.of(), Lint.run(p, "<p>Location: Lisbon, Portugal</p>", LocalDate.of(2026, 6, 6)));
        assertEquals(List.of(), Lint.run(p, "<p>Location: London, UK</p>", LocalDate.of(2026, 11, 21)));
        PolicyException bad = assertThrows(PolicyException.class, () -> Lint.policy(yaml.replace("US-CO", "Colorado")));
        assertTrue(bad.problem().contains("not a jurisdiction code"), bad.problem());
    }

    @Test
    void anEntrysExceptLeavesThePlacesAStricterRuleCovers() {
        String yaml = "name: t\nfields:\n  location:\n    pattern: 'Location: (?P<value>[^\\n]+)'\nrules:\n  - id: felons\n    type: forbid\n"
                + "    severity: warning\n    category: fair-chance\n    phrase: no felons\n    message: 'banned in {jurisdiction}'\n"
                + "    when:\n      jurisdiction:\n        - {code: US, name: the US, except: [US-CO]}\n";
        Policy p = Lint.policy(yaml);
        assertEquals(List.of("banned in the US"),
                Lint.run(p, "<p>Location: United States</p><p>No felons.</p>", Lint.AS_OF).stream().map(Finding::message).toList());
        assertEquals(List.of(), Lint.run(p, "<p>Location: Denver, CO</p><p>No felons.</p>", Lint.AS_OF));
        assertEquals(List.of(), Lint.run(p, "<p>Location: United States; Denver, CO</p><p>No felons.</p>", Lint.AS_OF),
                "one of the places is covered by the stricter rule");
        assertEquals(List.of(), Lint.run(p, "<p>Location: Remote - US</p><p>No felons.</p>", Lint.AS_OF),
                "a job open anywhere in the US is in scope of Colorado's rule");
        assertEquals(List.of(), Lint.run(p, "<p>Location: London, UK</p><p>No felons.</p>", Lint.AS_OF));
        PolicyException bad = assertThrows(PolicyException.class, () -> Lint.policy(yaml.replace("[US-CO]", "[Colorado]")));
        assertTrue(bad.problem().contains("not a jurisdiction code"), bad.problem());
    }

    @Test
    void theBoardsPlaceAndTheBodysPlaceBothCount() {
        // A company pack's body-only location field: the board's location counts beside it.
        String yaml = "name: t\nfields:\n  location:\n    pattern: 'Location: (?P<value>[^\\n]+)'\nrules:\n  - id: pay\n    type: require\n"
                + "    severity: error\n    category: pay-transparency\n    phrase: salary\n    message: 'pay needed in {jurisdiction}'\n"
                + "    when:\n      jurisdiction:\n        - {code: US-CO, from: 2021-01-01, name: Colorado}\n";
        Policy p = Lint.policy(yaml);
        Metadata denverBoard = Metadata.builder().put("location", "Denver, CO").build();
        assertEquals(List.of("pay needed in Colorado"), messages(p, "<p>Location: London, UK</p>", denverBoard));
        assertEquals(List.of("pay needed in Colorado"), messages(p, "<p>Build things.</p>", denverBoard));
        // A field read from the metadata first (as the location pack's is): the body's place counts too.
        Policy both = Lint.policy(yaml.replace("  location:\n", "  location:\n    from: [metadata, body]\n"));
        Metadata london = Metadata.builder().put("location", "London, UK").build();
        assertEquals(List.of("pay needed in Colorado"), messages(both, "<p>Location: Denver, CO</p>", london));
        assertEquals(List.of(), messages(both, "<p>Location: Paris, France</p>", london));
    }

    private static List<String> messages(Policy p, String html, Metadata metadata) {
        RuleContext ctx = new RuleContext(PostingParser.parse(new SourceText("t.html", html), metadata), p.fields(),
                p.company(), Lint.AS_OF, p.gazetteer());
        return Linter.check(ctx, p.enabledRules()).stream().map(Finding::message).toList();
    }

    @Test
    void companyConditions() {
        String yaml = "name: t\ncompany:\n  federal-contractor: 'no'\nrules:\n  - id: r\n    type: forbid\n    severity: error\n"
                + "    category: x\n    phrase: x\n    when: {company: federal-contractor}\n";
        assertEquals(List.of(), run(yaml, "<p>x</p>"), "'no' is not set");
        assertEquals(1, run(yaml.replace("'no'", "'true'"), "<p>x</p>").size());
    }

    @Test
    void unknownLocationsAreReported() {
        String yaml = "name: t\nfields:\n  location:\n    pattern: 'Location: (?P<value>[^\\n]+)'\nrules:\n  - id: where\n"
                + "    type: jurisdiction\n    severity: info\n    category: location\n";
        List<Finding> f = run(yaml, "<p>Location: Atlantis; Denver, CO</p>");
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("'Atlantis' is not in the gazetteer"), f.get(0).message());
        assertNull(f.get(0).fix());
    }
}

package dev.postinglint.core.rules;

import static dev.postinglint.core.rules.Lint.at;
import static dev.postinglint.core.rules.Lint.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.source.Position;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuleTypesTest {
    private static String rule(String body) {
        return "name: t\nrules:\n  - id: r\n    severity: warning\n    category: test\n" + body.indent(4);
    }

    @Nested
    class Forbid {
        @Test
        void everyOccurrenceIsAFindingWithItsExactPlace() {
            String html = "<p>Rockstar wanted.</p>\n<p>A true <i>rock</i> star &amp; ninja.</p>";
            List<Finding> f = run(rule("type: forbid\npattern: '(?i)\\brock ?stars?\\b'\nmessage: \"Avoid '{match}'\""), html);
            assertEquals(2, f.size());
            assertEquals("Rockstar", at(html, f.get(0)));
            assertEquals("Avoid 'Rockstar'", f.get(0).message());
            assertEquals(new Position(1, 4), f.get(0).span().start());
            assertEquals("rock</i> star", at(html, f.get(1)));
            assertEquals(new Position(2, 14), f.get(1).span().start());
            assertEquals(Severity.WARNING, f.get(0).severity());
            assertEquals("test", f.get(0).category());
        }

        @Test
        void phrasesAreCaseInsensitiveAndSpacingTolerant() {
            String html = "<p>We want a Digital\n   Native.</p>";
            List<Finding> f = run(rule("type: forbid\nphrases: [digital native, young and dynamic]"), html);
            assertEquals(1, f.size());
            assertEquals("Digital\n   Native", at(html, f.get(0)));
            assertEquals("'Digital Native' is not allowed here", f.get(0).message());
        }

        @Test
        void scopeLimitsWhereItLooks() {
            String html = "<div class='a'><p>ninja</p></div><div class='b'><p>ninja</p></div>";
            List<Finding> f = run(rule("type: forbid\nphrase: ninja\nscope: .b"), html);
            assertEquals(1, f.size());
            assertTrue(f.get(0).span().start().column() > 30);
        }

        @Test
        void nestedScopeElementsCountOnce() {
            String html = "<div><div><p>ninja</p></div></div>";
            assertEquals(1, run(rule("type: forbid\nphrase: ninja\nscope: div"), html).size());
        }
    }

    @Nested
    class Require {
        @Test
        void missingInScopeIsOneFindingAtTheScopeStart() {
            String html = "<p>intro</p>\n<div class=\"content-conclusion\">\n  <p>We hire.</p></div>";
            List<Finding> f = run(rule("type: require\npattern: '(?i)equal (employment )?opportunity'\nscope: .content-conclusion\nmessage: No EEO"), html);
            assertEquals(1, f.size());
            assertEquals("No EEO", f.get(0).message());
            assertEquals(new Position(3, 6), f.get(0).span().start());
        }

        @Test
        void presentPasses() {
            String html = "<div class=\"content-conclusion\"><p>An Equal&nbsp;Opportunity employer.</p></div>";
            assertEquals(List.of(), run(rule("type: require\npattern: '(?i)equal\\s+opportunity'\nscope: .content-conclusion"), html));
        }

        @Test
        void absentScopeSaysSo() {
            List<Finding> f = run(rule("type: require\nphrase: equal opportunity\nscope: .content-conclusion\nmessage: No EEO"), "<p>Equal opportunity</p>");
            assertEquals(1, f.size());
            assertTrue(f.get(0).message().contains("no .content-conclusion"), f.get(0).message());
        }

        /** A require with min 1 and no max stops at its first match: it must still report exactly when there is none. */
        @Test
        void stoppingAtTheFirstMatchReportsExactlyWhenThereIsNone() {
            String patterns = "patterns: ['(?i)\\bequal\\s+opportunit(?:y|ies)\\b', '\\bEOE\\b', '(?i)regardless\\s+of\\s+(?:race|sex)']"
                    + "\nscope: p\nmessage: '{count} found'";
            String firstOnly = "type: require\n" + patterns;
            String counting = "type: require\nmax: 1000000\n" + patterns; // a max makes the rule count every match
            java.util.Random random = new java.util.Random(16);
            String[] words = {"equal", "opportunity", "opportunities", "EOE", "eoe", "regardless", "of", "race", "sex",
                    "we", "are", "an", "employer", "Equal", "\n", "</p><p>", "<b>", "</b>"};
            int none = 0;
            for (int n = 0; n < 300; n++) {
                StringBuilder html = new StringBuilder("<p>");
                for (int w = random.nextInt(12); w > 0; w--) {
                    html.append(words[random.nextInt(words.length)]).append(' ');
                }
                html.append("</p>");
                List<Finding> expected = run(rule(counting), html.toString()).stream().filter(f -> f.message().equals("0 found")).toList();
                List<Finding> got = run(rule(firstOnly), html.toString());
                assertEquals(expected.stream().map(f -> f.span() + f.message()).toList(), got.stream().map(f -> f.span() + f.message()).toList(),
                        html.toString());
                none += got.size();
            }
            assertTrue(none > 20 && none < 280, "both cases are tried: " + none);
        }

        @Test
        void minAndMaxCount() {
            String body = "type: require\nphrase: apply\nmin: 2\nmax: 3\nmessage: '{count} of {min}..{max}'";
            assertEquals("1 of 2..3", run(rule(body), "<p>apply</p>").get(0).message());
            assertEquals(List.of(), run(rule(body), "<p>apply apply</p>"));
            String html = "<p>apply apply apply apply apply</p>";
            List<Finding> over = run(rule(body), html);
            assertEquals(2, over.size());
            assertEquals(22, over.get(0).span().start().column());
        }

        @Test
        void sectionScope() {
            String html = "<p><strong>Benefits</strong></p><p>Health insurance</p><p><strong>About</strong></p><p>401(k)</p>";
            String body = "type: require\npattern: '401\\(k\\)'\nscope: {section: Benefits}";
            assertEquals(1, run(rule(body), html).size());
            assertEquals(List.of(), run(rule(body.replace("401\\(k\\)", "(?i)health")), html));
        }

        @Test
        void selectorInsideSection() {
            String html = "<h3>Benefits</h3><ul><li>Health</li></ul><h3>Perks</h3><ul><li>Pension</li></ul>";
            String body = "type: forbid\nphrase: pension\nscope: {selector: li, section: Benefits}";
            assertEquals(List.of(), run(rule(body), html));
            assertEquals(1, run(rule(body.replace("Benefits", "Perks")), html).size());
        }
    }

    @Nested
    class Substitute {
        @Test
        void findingsCarryAFixThatKeepsCase() {
            String html = "<p>Our Ninjas and ninja &amp; rockstar.</p>";
            List<Finding> f = run(rule("type: substitute\nswap:\n  ninja: expert\n  ninjas: experts\n  rockstar: skilled engineer"), html);
            assertEquals(3, f.size());
            assertEquals("Ninjas", at(html, f.get(0)));
            assertEquals("Experts", f.get(0).fix().replacement());
            assertEquals("Use 'Experts' instead of 'Ninjas'", f.get(0).message());
            assertEquals("<p>Our Experts and ninja &amp; rockstar.</p>", Lint.applyFix(html, f.get(0)));
            assertEquals("<p>Our Ninjas and ninja &amp; skilled engineer.</p>", Lint.applyFix(html, f.get(2)));
        }

        @Test
        void aMatchAcrossTagsHasNoFix() {
            String html = "<p>a <b>rock</b>star</p>";
            List<Finding> f = run(rule("type: substitute\nregex: true\nswap:\n  'rock ?star': skilled"), html);
            assertEquals(1, f.size());
            assertNull(f.get(0).fix());
        }

        @Test
        void replacementsAreEscapedForHtml() {
            String html = "<p>R and D</p>";
            List<Finding> f = run(rule("type: substitute\nswap:\n  R and D: R&D <team>"), html);
            assertEquals("<p>R&amp;D &lt;team&gt;</p>", Lint.applyFix(html, f.get(0)));
        }
    }

    @Nested
    class Selector {
        @Test
        void notExistFlagsEachElementAtItsStartTag() {
            String html = "<p>\n<a href=\"https://x\" target=\"_blank\">x</a> <a href=\"y\" target=_blank rel=\"noopener\">y</a></p>";
            List<Finding> f = run(rule("type: selector\nselector: 'a[target=_blank]:not([rel~=noopener])'\nmessage: '<{element}> opens a new tab without noopener'"), html);
            assertEquals(1, f.size());
            assertEquals("<a href=\"https://x\" target=\"_blank\">", at(html, f.get(0)));
            assertEquals(new Position(2, 1), f.get(0).span().start());
            assertEquals("<a> opens a new tab without noopener", f.get(0).message());
        }

        @Test
        void existMustMatchSomething() {
            String body = "type: selector\nselector: 'a[href^=mailto:]'\nmust: exist\nmessage: no mailto link";
            assertEquals(1, run(rule(body), "<p>hi</p>").size());
            assertEquals(List.of(), run(rule(body), "<p><a href='mailto:a@b.c'>mail</a></p>"));
        }

        @Test
        void withinScope() {
            String body = "type: selector\nselector: 'span[style]'\nscope: .content-intro";
            String html = "<div class=content-intro><span style=x>a</span></div><span style=y>b</span>";
            List<Finding> f = run(rule(body), html);
            assertEquals(1, f.size());
            assertEquals("<span style=x>", at(html, f.get(0)));
        }

        @Test
        void nestedScopeElementsReportAnElementOnceInDocumentOrder() {
            String body = "type: selector\nselector: 'span[style]'\nscope: div";
            String html = "<div><span style=a>a</span><div><span style=b>b</span></div><span style=c>c</span></div><div><span style=d>d</span></div>";
            List<String> at = run(rule(body), html).stream().map(f -> at(html, f)).toList();
            assertEquals(List.of("<span style=a>", "<span style=b>", "<span style=c>", "<span style=d>"), at);
        }

        @Test
        void boldParagraphHeadingsAmongManyParagraphs() {
            String body = "type: selector\nselector: 'p, div'\nbold-heading: true";
            String html = "<p><strong>About</strong></p><p>We build.</p><div><b>Benefits</b></div><p>Pay <b>well</b>.</p><h2>Real</h2>";
            List<String> at = run(rule(body), html).stream().map(f -> at(html, f)).toList();
            assertEquals(List.of("<p>", "<div>"), at);
            assertEquals(List.of(0, html.indexOf("<div>")), run(rule(body), html).stream().map(f -> f.span().startOffset()).toList());
        }

        @Test
        void boldHeadingsOnlyOfTheSelectedTagsAndInTheScope() {
            String html = "<section><p><strong>About</strong></p><div><b>Team</b></div></section><div><b>Benefits</b></div><p><b>Perks</b></p>";
            // A list of tag names (any case) is matched against the headings; other selectors select as usual.
            for (String selector : List.of("'P'", "' p ,P'", "'section p, body > p'")) {
                List<String> at = run(rule("type: selector\nselector: " + selector + "\nbold-heading: true"), html).stream()
                        .map(f -> html.substring(f.span().startOffset(), f.span().startOffset() + 18)).toList();
                assertEquals(List.of("<p><strong>About</", "<p><b>Perks</b></p"), at, selector);
            }
            List<String> inSection = run(rule("type: selector\nselector: 'div, p'\nbold-heading: true\nscope: section"), html).stream()
                    .map(f -> at(html, f)).toList();
            assertEquals(List.of("<p>", "<div>"), inSection);
        }
    }

    @Nested
    class Field {
        static final String FIELDS = "name: t\nfields:\n  location:\n    pattern: '(?i)(?P<label>available\\s+locations?(?:\\(s\\))?\\s*:)\\s*(?P<value>[^\\n]+)'\n    scope: p\n";

        private String policy(String body) {
            return FIELDS + "rules:\n  - id: loc\n    severity: error\n    category: location\n    type: field\n    field: location\n" + body.indent(4);
        }

        @Test
        void missingFieldIsAnError() {
            List<Finding> f = run(policy("message: 'Location: {problem}'"), "<p>No location here</p>");
            assertEquals(1, f.size());
            assertEquals("Location: no location line found", f.get(0).message());
            assertEquals(new Position(1, 1), f.get(0).span().start());
        }

        @Test
        void wrongLabelHasAFix() {
            String html = "<p><strong>Available location(s): </strong>London, UK</p>";
            List<Finding> f = run(policy("label: 'Available Locations:'"), html);
            assertEquals(1, f.size());
            assertEquals("Available location(s):", at(html, f.get(0)));
            assertNotNull(f.get(0).fix());
            String fixed = Lint.applyFix(html, f.get(0));
            assertEquals("<p><strong>Available Locations: </strong>London, UK</p>", fixed);
            assertEquals(List.of(), run(policy("label: 'Available Locations:'"), fixed));
        }

        @Test
        void allowedValuesAndFormat() {
            String body = "allowed: ['London, UK', 'Lisbon, Portugal']\npattern: '[^,]+, [^,]+'";
            assertEquals(List.of(), run(policy(body), "<p>Available Locations: London,  UK</p>"));
            String html = "<p>Available Locations: Londn UK</p>";
            List<Finding> f = run(policy(body), html);
            assertEquals(2, f.size());
            assertEquals("Londn UK", at(html, f.get(0)));
            assertTrue(f.get(0).message().contains("not an allowed location"));
            assertTrue(f.get(1).message().contains("expected format"));
        }

        @Test
        void fieldValuesReachMessagesAndWhen() {
            String yaml = FIELDS + "rules:\n  - id: eu\n    type: require\n    severity: error\n    category: pay-transparency\n"
                    + "    phrase: salary\n    message: 'Pay needed for {fields.location}'\n"
                    + "    when:\n      field: location\n      matches: '(?i)portugal'\n      effective-from: 2026-06-07\n";
            Policy p = Lint.policy(yaml);
            String lisbon = "<p>Available Locations: Lisbon, Portugal</p>";
            List<Finding> f = Lint.run(p, lisbon, LocalDate.of(2026, 11, 21));
            assertEquals(1, f.size());
            assertEquals("Pay needed for Lisbon, Portugal", f.get(0).message());
            assertEquals(List.of(), Lint.run(p, lisbon, LocalDate.of(2026, 6, 6)), "not in force yet");
            assertEquals(List.of(), Lint.run(p, "<p>Available Locations: London, UK</p>", LocalDate.of(2026, 11, 21)));
            assertEquals(List.of(), Lint.run(p, "<p>no location</p>", LocalDate.of(2026, 11, 21)));
        }

        @Test
        void whenPresentAndAbsent() {
            String yaml = FIELDS + "rules:\n  - id: r\n    type: forbid\n    severity: error\n    category: x\n    phrase: remote\n"
                    + "    when: {field: location, present: false}\n";
            Policy p = Lint.policy(yaml);
            assertEquals(1, Lint.run(p, "<p>Fully remote</p>", Lint.AS_OF).size());
            assertEquals(List.of(), Lint.run(p, "<p>Available Locations: Remote</p>", Lint.AS_OF));
        }
    }

    @Test
    void effectiveUntilIsInclusive() {
        Policy p = Lint.policy(rule("type: forbid\nphrase: x\nwhen: {effective-until: 2026-01-31}"));
        assertEquals(1, Lint.run(p, "<p>x</p>", LocalDate.of(2026, 1, 31)).size());
        assertEquals(0, Lint.run(p, "<p>x</p>", LocalDate.of(2026, 2, 1)).size());
    }
}

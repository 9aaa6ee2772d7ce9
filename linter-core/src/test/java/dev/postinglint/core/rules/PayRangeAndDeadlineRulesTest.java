package dev.postinglint.core.rules;

import static dev.postinglint.core.rules.Lint.at;
import static dev.postinglint.core.rules.Lint.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.model.Finding;
import dev.postinglint.core.yaml.PolicyException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PayRangeAndDeadlineRulesTest {
    private static final String LOCATION = "fields:\n  location:\n    pattern: '(?im)^location:\\s*(?P<value>[^\\n]+)'\n";
    private static final String LABEL = "'(?i)zone|tier|level|base|OTE|\\b(?:in|for)\\s+[A-Z]|[A-Z][a-z]+\\s*:'";

    private static String rule(String body) {
        return "name: t\n" + LOCATION + "rules:\n  - id: r\n    severity: warning\n    category: pay\n" + body.indent(4);
    }

    private static List<Finding> run(String yaml, String html) {
        return Lint.run(policy(yaml), html, Lint.AS_OF);
    }

    @Nested
    class Figures {
        @Test
        void readsRangesInTheWaysPeopleWriteThem() {
            var f = PayFigures.read("Base salary: $120,000 – $150,000 per year, or CAD 90k to 110k; between €45.000 and €55.000 p.a.", "");
            assertEquals(3, f.ranges().size());
            var usd = f.ranges().get(0);
            assertEquals(120_000, usd.low());
            assertEquals(150_000, usd.high());
            assertEquals("$", usd.currency());
            assertEquals(PayFigures.Period.YEAR, usd.period());
            assertEquals("CAD", f.ranges().get(1).currency());
            assertEquals(90_000, f.ranges().get(1).low());
            assertEquals(55_000, f.ranges().get(2).high());
            assertEquals("EUR", f.ranges().get(2).currency());
        }

        @Test
        void hourlyFiguresAndASharedK() {
            var f = PayFigures.read("$25.50 - $32/hour, or $120 - 150k for the senior level", "");
            assertEquals(PayFigures.Period.HOUR, f.ranges().get(0).period());
            assertEquals(25.5, f.ranges().get(0).low());
            assertEquals(120_000, f.ranges().get(1).low());
        }

        @Test
        void magnitudesYearsAndBareNumbersAreNotPay() {
            assertEquals(List.of(), PayFigures.read("We raised $10M-$20M from 2020 - 2024 and work 9-5.", "").ranges());
        }

        @Test
        void boundsAreSingleFigures() {
            var f = PayFigures.read("Pay is up to $140,000; a minimum of $90,000 a year.", "");
            assertEquals(2, f.singles().size());
            assertEquals(PayFigures.Bound.MAX, f.singles().get(0).bound());
            assertEquals(140_000, f.singles().get(0).value());
            assertEquals(PayFigures.Bound.MIN, f.singles().get(1).bound());
            assertEquals(PayFigures.Period.YEAR, f.singles().get(1).period());
        }
    }

    @Nested
    class Spread {
        private final String yaml = rule("type: pay-range\nmax-spread: 50000\nexempt-above: 200000\ncurrencies: [CAD, $]\nmessage: '{problem}'");

        @Test
        void aRangeWiderThanTheLimitIsReportedAtTheRange() {
            String html = "<p>Salary: $80,000 - $140,000 per year.</p>";
            List<Finding> f = run(yaml, html);
            assertEquals(1, f.size());
            assertEquals("$80,000 - $140,000", at(html, f.get(0)));
            assertTrue(f.get(0).message().contains("60,000 wide, more than the 50,000 allowed"), f.get(0).message());
        }

        @Test
        void narrowRangesAndPayAboveTheExemptionPass() {
            assertEquals(List.of(), run(yaml, "<p>Salary: $90,000 - $130,000 per year.</p>"));
            assertEquals(List.of(), run(yaml, "<p>Salary: $180,000 - $260,000 per year.</p>"));
        }

        @Test
        void anExplicitCurrencyWinsOverBareDollarSigns() {
            // The US range in dollars is not Ontario's; the CAD range is, and it is narrow.
            assertEquals(List.of(), run(yaml, "<p>US: $100,000 - $180,000. Canada: CAD 100,000 - 140,000.</p>"));
            assertEquals(List.of(), run(yaml, "<p>EUR 40.000 - 120.000</p>"));
        }

        @Test
        void ratio() {
            List<Finding> f = run(rule("type: pay-range\nmax-ratio: 2\nmessage: '{problem}'"), "<p>$50,000 - $150,000</p>");
            assertEquals(1, f.size());
            assertTrue(f.get(0).message().contains("3.0 times"), f.get(0).message());
        }
    }

    @Nested
    class Contradictions {
        private final String yaml = rule("type: pay-range\ncontradictions: true\nlabel: " + LABEL
                + "\nnot-pay: '(?i)stipend|bonus'\nmessage: '{problem}'");

        @Test
        void aMaximumBelowTheTopOfTheRange() {
            String html = "<p>The salary range is $120,000 - $160,000 per year.</p><p>Pay is a maximum of $140,000 a year.</p>";
            List<Finding> f = run(yaml, html);
            assertEquals(1, f.size());
            assertEquals("maximum of $140,000", at(html, f.get(0)));
            assertTrue(f.get(0).message().contains("lower than the top of the range $120,000 - $160,000"), f.get(0).message());
        }

        @Test
        void aStartingFigureAboveTheBottom() {
            List<Finding> f = run(yaml, "<p>We pay $120,000 - $160,000.</p><p>Starting at $130,000.</p>");
            assertEquals(1, f.size());
            assertTrue(f.get(0).message().contains("higher than the bottom"), f.get(0).message());
        }

        @Test
        void twoUnlabelledRanges() {
            String html = "<p>The range is $120,000 - $160,000.</p><p>We pay $100,000 - $130,000.</p>";
            List<Finding> f = run(yaml, html);
            assertEquals(1, f.size());
            assertEquals("$100,000 - $130,000", at(html, f.get(0)));
        }

        @Test
        void labelsRepeatsStipendsAndOtherPeriodsAreNotContradictions() {
            assertEquals(List.of(), run(yaml, "<p>Zone 1: $120,000 - $160,000. Zone 2: $100,000 - $130,000.</p>"));
            assertEquals(List.of(), run(yaml, "<p>$120K – $160K</p><p>The range is $120,000 - $160,000.</p>"));
            assertEquals(List.of(), run(yaml, "<p>Salary: $120,000 - $160,000.</p><p>A learning stipend of up to $2,000 a year.</p>"));
            assertEquals(List.of(), run(yaml, "<p>$60 - $70 per hour ($124,800 - $145,600 per year).</p>"));
            assertEquals(List.of(), run(yaml, "<p>Salary: $120,000 - $160,000. Up to $20,000 signing bonus.</p>"));
        }

        @Test
        void aLeadInParagraphLabelsTheRangeAfterIt() {
            assertEquals(List.of(), run(yaml, "<p>New York City:</p><p>$120,000 - $160,000</p><p>Denver:</p><p>$100,000 - $130,000</p>"));
        }
    }

    @Nested
    class LocationLabels {
        private final String yaml = rule("type: pay-range\nlocation-labels: true\nlabel: " + LABEL + "\nmessage: '{problem}'");

        @Test
        void severalPlacesAndUnlabelledRanges() {
            List<Finding> f = run(yaml, "<p>Location: Denver, CO; London, UK</p><p>The range is $120,000 - $160,000.</p><p>We pay $100,000 - $130,000.</p>");
            assertEquals(1, f.size());
            assertTrue(f.get(0).message().contains("lists several locations (Denver, CO; London, UK)"), f.get(0).message());
        }

        @Test
        void onePlaceIsNotItsMatter() {
            assertEquals(List.of(), run(yaml, "<p>Location: Denver, CO</p><p>The range is $120,000 - $160,000.</p><p>We pay $100,000 - $130,000.</p>"));
            assertEquals(List.of(), run(yaml, "<p>Location: Denver, CO; London, UK</p><p>Denver: $120,000 - $160,000.</p><p>London: $100,000 - $130,000.</p>"));
        }
    }

    @Test
    void aRuleNeedsACheckAndContradictionsNeedALabel() {
        PolicyException e = assertThrows(PolicyException.class, () -> policy(rule("type: pay-range")));
        assertTrue(e.getMessage().contains("needs at least one check"), e.getMessage());
        e = assertThrows(PolicyException.class, () -> policy(rule("type: pay-range\ncontradictions: true")));
        assertTrue(e.getMessage().contains("give 'label'"), e.getMessage());
        e = assertThrows(PolicyException.class, () -> policy(rule("type: pay-range\nmax-ratio: 2\nexempt-above: 5")));
        assertTrue(e.getMessage().contains("'exempt-above' goes with 'max-spread'"), e.getMessage());
    }

    @Nested
    class Deadline {
        private final String yaml = rule("type: deadline\npattern: '(?i)\\b(?:apply\\s+by|accepted\\s+until|deadline:?)\\s+[^.\\n]{4,40}'");

        @Test
        void aPastDeadlineIsReportedWithItsDateAndDaysLate() {
            String html = "<p>Applications accepted until December 15, 2025.</p>";
            List<Finding> f = run(yaml, html);
            assertEquals(1, f.size());
            assertEquals("accepted until December 15, 2025", at(html, f.get(0)));
            assertEquals("The deadline 2025-12-15 is 341 days before 2026-11-21: update or take down the posting", f.get(0).message());
        }

        @Test
        void futureDatesDatesWithoutAYearAndTheDayItselfPass() {
            assertEquals(List.of(), run(yaml, "<p>Apply by 2026-12-15.</p>"));
            assertEquals(List.of(), run(yaml, "<p>Apply by December 1.</p>"));
            assertEquals(List.of(), run(yaml, "<p>Deadline: 21 November 2026</p>"));
        }

        @Test
        void graceDays() {
            String html = "<p>Apply by 11/14/2026.</p>";
            assertEquals(1, run(yaml, html).size());
            assertEquals(List.of(), run(rule("type: deadline\ngrace-days: 7\npattern: '(?i)apply by [^.]+'"), html));
        }

        @Test
        void readsTheWaysDatesAreWritten() {
            assertEquals(LocalDate.of(2026, 12, 15), DeadlineRule.firstDate("Friday, Dec. 15th, 2026", false));
            assertEquals(LocalDate.of(2026, 12, 15), DeadlineRule.firstDate("the 15th of December 2026", false));
            assertEquals(LocalDate.of(2026, 3, 4), DeadlineRule.firstDate("03/04/2026", false));
            assertEquals(LocalDate.of(2026, 4, 3), DeadlineRule.firstDate("03/04/2026", true));
            assertEquals(LocalDate.of(2026, 1, 2), DeadlineRule.firstDate("by 2026-01-02 or 2025-01-01", false));
            assertNull(DeadlineRule.firstDate("February 30, 2026", false));
            assertNull(DeadlineRule.firstDate("ongoing basis", false));
        }
    }

    @Test
    void aRequireRuleDoesNotCountAMatchWhoseParagraphIsExcused() {
        String yaml = rule("type: require\npattern: '\\d+,\\d\\d €'\nunless-block: '(?i)tickets? restaurants?'\nmessage: no pay");
        assertEquals(1, run(yaml, "<ul><li>Tickets restaurants : 9,25 €</li></ul>").size());
        assertEquals(List.of(), run(yaml, "<ul><li>Salaire : 3200,00 € brut par mois</li><li>Tickets restaurants : 9,25 €</li></ul>"));
    }

    /**
     * The excuse is asked per paragraph and the search stops at the first match that counts: the
     * answers are those of counting every match whose paragraph (by a plain find()) does not excuse
     * it, for require (min 1; min 2, which counts them all) and forbid, on random lists of paragraphs.
     */
    @Test
    void excusedParagraphsAreJudgedAsAPlainFindJudgesThem() {
        java.util.regex.Pattern pay = java.util.regex.Pattern.compile("\\d+,\\d\\d €");
        java.util.regex.Pattern voucher = java.util.regex.Pattern.compile("(?i)tickets? restaurants?");
        String[] pieces = {"Tickets restaurants : 9,25 €", "Salaire : 3200,00 € brut", "9,25 € en ticket restaurant et 8,00 €",
            "Rien à voir", "TICKET RESTAURANT", "Prime : 100,00 € et 200,00 €", "tickets restaurant"};
        String require1 = rule("type: require\npattern: '\\d+,\\d\\d €'\nunless-block: '(?i)tickets? restaurants?'\nmessage: no pay");
        String require2 = rule("type: require\nmin: 2\npattern: '\\d+,\\d\\d €'\nunless-block: '(?i)tickets? restaurants?'\nmessage: no pay");
        String forbid = rule("type: forbid\npattern: '\\d+,\\d\\d €'\nunless-block: '(?i)tickets? restaurants?'\nmessage: \"{match}\"");
        var p1 = policy(require1);
        var p2 = policy(require2);
        var pf = policy(forbid);
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 300; i++) {
            StringBuilder html = new StringBuilder("<ul>");
            int counted = 0;
            for (int k = random.nextInt(5); k >= 0; k--) {
                String p = pieces[random.nextInt(pieces.length)];
                html.append("<li>").append(p).append("</li>");
                if (!voucher.matcher(p).find()) {
                    counted += (int) pay.matcher(p).results().count();
                }
            }
            String h = html.append("</ul>").toString();
            assertEquals(counted < 1 ? 1 : 0, Lint.run(p1, h, Lint.AS_OF).size(), h);
            assertEquals(counted < 2 ? 1 : 0, Lint.run(p2, h, Lint.AS_OF).size(), h);
            assertEquals(counted, Lint.run(pf, h, Lint.AS_OF).size(), h);
        }
    }
}

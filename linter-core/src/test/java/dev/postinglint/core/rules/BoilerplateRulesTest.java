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
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** canonical and fact rules on single postings. */
class BoilerplateRulesTest {
    static final String EEO = "Acme is proud to be an equal opportunity employer. All qualified applicants will be considered"
            + " without regard to race, color, religion, sex or national origin.";

    static final String CANONICAL = "name: t\nrules:\n  - id: eeo-block\n    type: canonical\n    severity: warning\n"
            + "    category: eeo\n    block: EEO statement\n    scope: .end\n    text: >\n      " + EEO + "\n"
            + "    supersedes:\n      - name: 2019 EEO\n        text: Acme is an equal opportunity employer of everyone regardless of anything at all.\n";

    @Test
    void exactMatchIgnoresMarkupEntitiesQuotesAndSpacing() {
        String html = "<div class=end><p><span style='x'>Acme</span> is proud to be an <b>equal</b>\n  opportunity employer.&nbsp;"
                + "All qualified applicants will be considered without regard to race, color, religion, sex or national origin.</p></div>";
        assertEquals(List.of(), run(CANONICAL, html));
    }

    @Test
    void driftIsOneFindingWithSimilarityDiffAndAFixThatRestoresTheText() {
        String html = "<div class=end>\n<p>Other</p>\n<p>Acme is proud to be an equal opportunity employer. All applicants will be considered"
                + " without regard to race, color, religion, sex or national origin.</p>\n</div>";
        List<Finding> f = run(CANONICAL, html);
        assertEquals(1, f.size());
        Finding d = f.get(0);
        assertTrue(d.message().startsWith("EEO statement differs from the approved text (9"), d.message());
        assertTrue(d.message().endsWith("removed 'qualified'"), d.message());
        assertEquals(Severity.WARNING, d.severity());
        assertTrue(at(html, d).startsWith("Acme is proud"));
        assertNotNull(d.fix());
        String fixed = Lint.applyFix(html, d);
        assertTrue(fixed.contains("<p>Other</p>"), "only the drifted paragraph is replaced: " + fixed);
        assertEquals(List.of(), run(CANONICAL, fixed));
    }

    @Test
    void aRetiredVersionIsNamed() {
        String html = "<div class=end><p>Acme is an equal opportunity employer of everyone regardless of anything at all.</p></div>";
        List<Finding> f = run(CANONICAL, html);
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("is the retired version '2019 EEO'"), f.get(0).message());
        assertEquals(List.of(), run(CANONICAL, Lint.applyFix(html, f.get(0))));
    }

    @Test
    void missingIsAnErrorAtTheScope() {
        List<Finding> f = run(CANONICAL, "<div class=end><p>We hire people.</p></div>");
        assertEquals(1, f.size());
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertTrue(f.get(0).message().startsWith("EEO statement is missing"), f.get(0).message());
    }

    @Test
    void aRunAcrossParentsHasNoFix() {
        String html = "<div class=end><div><p>Acme is proud to be an equal opportunity employer.</p></div>"
                + "<p>All applicants will be considered without regard to race, color, religion, sex or national origin.</p></div>";
        List<Finding> f = run(CANONICAL, html);
        assertEquals(1, f.size());
        assertNull(f.get(0).fix(), "replacing across parents would unbalance the markup");
    }

    static final String FACT = "name: t\nrules:\n  - id: net\n    type: fact\n    severity: warning\n    category: outdated-fact\n"
            + "    fact: network size\n    pattern: '(?P<cities>\\d[\\d,]*)\\s+cities\\s+in\\s+(?:over\\s+)?(?P<countries>\\d+)\\s+countries'\n"
            + "    current: {cities: \"330\", countries: \"125\"}\n    as-of: 2026-01-15\n    max-age: 365\n"
            + "    retired:\n      - phrase: approximately 25 million Internet properties\n        use: millions of Internet properties\n"
            + "      - pattern: '(?i)25\\s+million\\s+Internet\\s+properties'\n";

    @Test
    void anOutdatedFigureIsFixedToTheCurrentOne() {
        String html = "<p>Our network spans 200 cities in over 125 countries.</p>";
        List<Finding> f = run(FACT, html);
        assertEquals(1, f.size());
        assertEquals("200", at(html, f.get(0)));
        assertTrue(f.get(0).message().contains("'200' is outdated; the current figure is '330' (as of 2026-01-15)"));
        assertEquals("<p>Our network spans 330 cities in over 125 countries.</p>", Lint.applyFix(html, f.get(0)));
        assertEquals(List.of(), run(FACT, "<p>330 cities in over 125 countries</p>"));
    }

    @Test
    void aRetiredClaimIsOneFindingEvenWhenTwoWordingsMatchIt() {
        String html = "<p>It powers approximately 25 million Internet properties.</p>";
        List<Finding> f = run(FACT, html);
        assertEquals(1, f.size());
        assertEquals("approximately 25 million Internet properties", at(html, f.get(0)));
        assertEquals("<p>It powers millions of Internet properties.</p>", Lint.applyFix(html, f.get(0)));
    }

    @Test
    void aStaleFigureAsksForReverificationAsInfo() {
        Policy p = Lint.policy(FACT);
        String html = "<p>330 cities in 125 countries</p>";
        assertEquals(List.of(), Lint.run(p, html, LocalDate.of(2027, 1, 15)));
        List<Finding> stale = Lint.run(p, html, LocalDate.of(2027, 1, 16));
        assertEquals(1, stale.size());
        assertEquals(Severity.INFO, stale.get(0).severity());
        assertTrue(stale.get(0).message().contains("last verified on 2026-01-15"));
    }
}

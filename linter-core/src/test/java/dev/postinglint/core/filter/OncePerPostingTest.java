package dev.postinglint.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.fix.FixPlanner;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.RelatedPlace;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.policy.PolicyResolver;
import dev.postinglint.core.rules.ReportMode;
import dev.postinglint.core.yaml.PolicyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report: once-per-posting}: a rule's hits in a posting become one finding with related places, whose fix is
 * every place's edit; suppression comments still work per place, waivers and baselines on the one finding.
 */
class OncePerPostingTest {
    @TempDir
    Path dir;

    static final String RULES = """
            name: t
            rules:
              - id: pasted-style
                type: selector
                severity: info
                category: html-hygiene
                report: once-per-posting
                message: "<{element} style=...> was pasted in"
                selector: "[style*=font-family]"
                fix: {remove-attribute: style}
              - id: no-rockstar
                type: forbid
                severity: warning
                category: inclusive-language
                pattern: '(?i)\\brockstar\\b'
            """;

    static final String POSTING = """
            <h1>Engineer</h1>
            <p><span style="font-family: Calibri">We build</span> things.</p>
            <p>A rockstar <span style="font-family: Calibri">team</span>, another rockstar.</p>
            <ul><li style="font-family: Arial">Benefits</li></ul>
            """;

    private Policy policy(String yaml) throws IOException {
        Files.writeString(dir.resolve("p.yaml"), yaml);
        return new PolicyLoader().load("p.yaml", dir);
    }

    private LintReport lint(Policy p, String html) throws IOException {
        Files.createDirectories(dir.resolve("postings"));
        Path f = dir.resolve("postings/job.html");
        Files.writeString(f, html);
        return new Linter(LocalDate.of(2026, 11, 21), 1, Linter.DEFAULT_MAX_FILE_BYTES)
                .lint(List.of(new InputFile(f, "postings/job.html")), PolicyResolver.fixed(p));
    }

    private static List<Finding> of(LintReport r, String rule) {
        return r.files().get(0).findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    @Test
    void theHitsOfAPostingAreOneFindingAtTheFirstWithTheOthersAsRelatedPlaces() throws IOException {
        Policy p = policy(RULES);
        assertEquals(ReportMode.ONCE_PER_POSTING, p.rule("pasted-style").orElseThrow().rule().info().report());
        assertEquals(ReportMode.EACH, p.rule("no-rockstar").orElseThrow().rule().info().report());
        LintReport r = lint(p, POSTING);

        List<Finding> styles = of(r, "pasted-style");
        assertEquals(1, styles.size());
        Finding f = styles.get(0);
        assertTrue(f.onePerPosting());
        assertEquals(3, f.places());
        assertEquals("2:4", f.span().start().line() + ":" + f.span().start().column());
        assertEquals(List.of("3:15", "4:5"), f.related().stream().map(x -> x.span().start().line() + ":" + x.span().start().column()).toList());
        assertEquals(List.of("<span style=...> was pasted in", "<li style=...> was pasted in"),
                f.related().stream().map(RelatedPlace::message).toList());
        assertEquals(3, f.fixes().size(), "one edit per place");
        assertEquals(2, of(r, "no-rockstar").size(), "a rule that reports each hit is unchanged");
        assertEquals(3, r.summary().infos() + r.summary().warnings(), "the summary counts the one finding");

        // Its fix removes every pasted style at once.
        String fixed = FixPlanner.apply(POSTING, FixPlanner.plan(POSTING, r.files().get(0).findings()).edits());
        assertFalse(fixed.contains("style="), fixed);
        assertTrue(fixed.contains("<p><span>We build</span> things.</p>") && fixed.contains("<li>Benefits</li>"), fixed);
    }

    @Test
    void aPostingWithOneHitHasAFindingWithoutRelatedPlacesAndOneWithoutHitsNone() throws IOException {
        Policy p = policy(RULES);
        Finding one = of(lint(p, "<p><span style=\"font-family: X\">a</span></p>"), "pasted-style").get(0);
        assertTrue(one.onePerPosting());
        assertEquals(List.of(), one.related());
        assertEquals(List.of(), of(lint(p, "<p>clean</p>"), "pasted-style"));
    }

    @Test
    void aSuppressionCommentSilencesOnePlaceAndAWaiverTheFinding() throws IOException {
        Policy p = policy(RULES);
        String suppressed = POSTING.replace("<ul>", "<!-- posting-lint-disable-next pasted-style -- the board needs it -->\n<ul>");
        LintReport r = lint(p, suppressed);
        Finding f = of(r, "pasted-style").get(0);
        assertEquals(2, f.places(), "the suppressed place is left out of the finding");
        assertEquals(1, r.files().get(0).suppressed());

        Policy waived = policy(RULES + """
                waivers:
                  - files: "postings/*.html"
                    rule: pasted-style
                    reason: "Migrated postings keep their styles until the redesign (WEB-7)"
                    approved-by: Jane Doe
                    expires: 2027-01-31
                """);
        LintReport w = lint(waived, POSTING);
        Finding wf = of(w, "pasted-style").get(0);
        assertTrue(wf.waived() && wf.onePerPosting());
        assertEquals(3, wf.places());
        assertEquals(0, w.summary().infos());
        assertEquals(1, w.summary().waived());
    }

    @Test
    void theBaselineEntryIsThePostingAndRuleSoPlacesMayComeAndGo() throws IOException {
        Policy p = policy(RULES);
        Path file = dir.resolve("posting-lint-baseline.json");
        Function<String, String> keys = Baseline.keys(file, dir);
        Baseline.record(lint(p, POSTING), keys, null, x -> true).write(file);
        Baseline b = Baseline.read(file);
        assertTrue(Files.readString(file).contains("\"text\": \"" + Baseline.ONE_PER_POSTING + "\""), Files.readString(file));

        String morePlaces = "<p style=\"font-family: Verdana\">New intro.</p>\n" + POSTING.replace("Benefits", "Benefits and more");
        String fewerPlaces = POSTING.replace("<span style=\"font-family: Calibri\">We build</span>", "We build");
        for (String v : List.of(POSTING, morePlaces, fewerPlaces)) {
            Baseline.Applied a = b.apply(lint(p, v), keys);
            assertEquals(List.of(), a.report().files().get(0).findings().stream().map(Finding::ruleId).toList(), v);
            assertTrue(a.fixed().isEmpty(), v);
        }
        Baseline.Applied clean = b.apply(lint(p, "<p>Nothing pasted, no rockstars.</p>"), keys);
        assertTrue(clean.fixed().stream().anyMatch(e -> e.rule().equals("pasted-style")), "fixed since: " + clean.fixed());
    }

    @Test
    void aFixOfManyPlacesWaitsWhenOneOfItsEditsOverlapsAnEarlierFix() throws IOException {
        Policy p = policy(RULES + """
                  - id: calibri-span
                    type: forbid
                    severity: warning
                    category: html-hygiene
                    raw: true
                    pattern: '<span(?P<match> style="font-family: Calibri")>We build'
                    replace: ' class="lead"'
                """);
        LintReport r = lint(p, POSTING);
        List<Finding> all = r.files().get(0).findings();
        FixPlanner.Plan plan = FixPlanner.plan(POSTING, all);
        Finding grouped = of(r, "pasted-style").get(0);
        assertTrue(plan.skipped().stream().anyMatch(s -> s.finding() == grouped && s.reason().contains("[calibri-span]")),
                "skipped: " + plan.skipped());
        String afterFirstPass = FixPlanner.apply(POSTING, plan.edits());
        assertTrue(afterFirstPass.contains("style=\"font-family: Calibri\">team"), "none of the group's edits applied alone");
        assertNull(plan.fixed().stream().filter(f -> f == grouped).findFirst().orElse(null));
    }

    @Test
    void anUnknownReportModeIsAnErrorWithTheMeantOne() throws IOException {
        PolicyException e = assertThrows(PolicyException.class, () -> policy(RULES.replace("once-per-posting", "once-per-postings")));
        assertTrue(e.getMessage().contains("report must be each or once-per-posting, not 'once-per-postings'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'once-per-posting'"), e.getMessage());
        assertTrue(e.getMessage().contains("p.yaml:7:13:"), e.getMessage());
    }
}

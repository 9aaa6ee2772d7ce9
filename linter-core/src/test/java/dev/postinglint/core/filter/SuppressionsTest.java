package dev.postinglint.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.BuiltinRules;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.Summary;

import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suppression comments in postings: ranges, next-element scoping, reasons, unused and invalid directives. */
class SuppressionsTest {
    @TempDir
    Path dir;
    Policy policy;

    @BeforeEach
    void loadPolicy() throws IOException {
        Files.writeString(dir.resolve("p.yaml"), """
                name: t
                rules:
                  - id: no-rockstar
                    type: forbid
                    severity: error
                    category: inclusive-language
                    pattern: '(?i)\\brockstar\\b'
                  - id: no-ninja
                    type: forbid
                    severity: warning
                    category: inclusive-language
                    pattern: '(?i)\\bninja\\b'
                  - id: has-eeo
                    type: require
                    severity: error
                    category: eeo
                    pattern: '(?i)equal opportunity'
                """);
        policy = new PolicyLoader().load("p.yaml", dir);
    }

    private FileResult lint(String html) throws IOException {
        Path f = dir.resolve("posting.html");
        Files.writeString(f, html);
        return new Linter(LocalDate.of(2026, 1, 1)).lintFile(InputFile.of(f), policy);
    }

    private static List<String> rules(FileResult r) {
        return r.findings().stream().map(Finding::ruleId).toList();
    }

    private static String lineOf(String html, Finding f) {
        return f.span().start().line() + ":" + html.substring(f.span().startOffset(), f.span().endOffset());
    }

    @Test
    void aRangeSuppressesItsRulesBetweenDisableAndEnableOnly() throws IOException {
        String html = """
                <p>Equal opportunity employer. A rockstar here.</p>
                <!-- posting-lint-disable no-rockstar -- quoting the old ad on purpose -->
                <p>The old ad asked for a rockstar ninja.</p>
                <!-- posting-lint-enable no-rockstar -->
                <p>Another rockstar.</p>
                """;
        FileResult r = lint(html);
        assertEquals(List.of("no-rockstar", "no-ninja", "no-rockstar"), rules(r), r.findings().toString());
        assertEquals(1, r.findings().get(0).span().start().line());
        assertEquals(3, r.findings().get(1).span().start().line()); // ninja is another rule: not suppressed
        assertEquals(5, r.findings().get(2).span().start().line());
        assertEquals(1, r.suppressed());
        assertEquals(1, Summary.of(List.of(r)).suppressed());
    }

    @Test
    void disableNextCoversTheNextElementOnly() throws IOException {
        String html = """
                <p>Equal opportunity.</p>
                <!-- posting-lint-disable-next no-rockstar, no-ninja -- a customer quote -->
                <blockquote><p>Our rockstar ninja team</p></blockquote>
                <p>rockstar ninja</p>
                """;
        FileResult r = lint(html);
        assertEquals(List.of("4:rockstar", "4:ninja"), r.findings().stream().map(f -> lineOf(html, f)).toList());
        assertEquals(2, r.suppressed());
    }

    @Test
    void starOrNoIdMeansEveryRule() throws IOException {
        String star = "<p>Equal opportunity.</p><!-- posting-lint-disable-next * -- legacy text --><p>rockstar ninja</p>";
        String none = "<p>Equal opportunity.</p><!-- posting-lint-disable-next -- legacy text --><p>rockstar ninja</p>";
        assertEquals(List.of(), rules(lint(star)));
        assertEquals(List.of(), rules(lint(none)));
        assertEquals(2, lint(none).suppressed());
    }

    @Test
    void aDisableBeforeAllTextCoversFindingsAboutMissingThings() throws IOException {
        String html = "<!DOCTYPE html>\n<!-- posting-lint-disable has-eeo -- internal posting, HR approved -->\n<h1>Title</h1><p>Text</p>";
        FileResult r = lint(html);
        assertEquals(List.of(), rules(r));
        assertEquals(1, r.suppressed());
        // Further down, the same comment does not reach back to the top.
        String later = "<h1>Title</h1>\n<!-- posting-lint-disable has-eeo -- internal -->\n<p>Text</p>";
        assertEquals(List.of("has-eeo", BuiltinRules.UNUSED_SUPPRESSION), rules(lint(later)));
    }

    @Test
    void aSuppressionWithoutAReasonStillWorksButIsAnError() throws IOException {
        String html = "<p>Equal opportunity.</p>\n<!-- posting-lint-disable-next no-rockstar -->\n<p>rockstar</p>";
        FileResult r = lint(html);
        assertEquals(List.of(BuiltinRules.SUPPRESSION_WITHOUT_REASON), rules(r));
        Finding f = r.findings().get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(2, f.span().start().line());
        assertTrue(f.message().contains("gives no reason"), f.message());
        // "--" with nothing after it is no reason either; a disable-all cannot hide the complaint.
        String blank = "<!-- posting-lint-disable -- -->\n<p>Equal opportunity. rockstar</p>";
        assertEquals(List.of(BuiltinRules.SUPPRESSION_WITHOUT_REASON), rules(lint(blank)));
    }

    @Test
    void aSuppressionThatSuppressesNothingIsReportedPerId() throws IOException {
        String html = """
                <p>Equal opportunity.</p>
                <!-- posting-lint-disable-next no-rockstar, no-ninja, no-such-rule -- old quote -->
                <p>rockstar</p>
                <!-- posting-lint-disable -- nothing below -->
                <p>clean</p>
                """;
        FileResult r = lint(html);
        assertEquals(List.of(BuiltinRules.UNUSED_SUPPRESSION, BuiltinRules.UNUSED_SUPPRESSION), rules(r), r.findings().toString());
        assertTrue(r.findings().get(0).message().contains("'no-ninja', 'no-such-rule'"), r.findings().get(0).message());
        assertTrue(r.findings().get(0).message().contains("remove the unused ids"), r.findings().get(0).message());
        assertEquals(2, r.findings().get(0).span().start().line());
        assertTrue(r.findings().get(1).message().contains("suppresses nothing: remove it"), r.findings().get(1).message());
        assertEquals(Severity.WARNING, r.findings().get(1).severity());
    }

    @Test
    void invalidDirectivesAreReported() throws IOException {
        String html = """
                <p>Equal opportunity.</p>
                <!-- posting-lint-disabel no-rockstar -- typo -->
                <p>rockstar</p>
                <!-- posting-lint-enable no-ninja -->
                <p>end</p>
                <!-- posting-lint-disable-next no-rockstar -- nothing follows -->
                """;
        FileResult r = lint(html);
        assertEquals(List.of(BuiltinRules.INVALID_SUPPRESSION, "no-rockstar", BuiltinRules.INVALID_SUPPRESSION, BuiltinRules.INVALID_SUPPRESSION), rules(r),
                r.findings().toString());
        assertTrue(r.findings().get(0).message().contains("'posting-lint-disabel' is not a posting-lint directive"));
        assertTrue(r.findings().get(2).message().contains("matches no open posting-lint-disable"));
        assertTrue(r.findings().get(3).message().contains("no element after it"));
        // Ordinary comments are left alone.
        assertEquals(List.of(), rules(lint("<!-- TODO: posting-lint later --><p>Equal opportunity.</p>")));
    }

    @Test
    void enableWithoutIdsEndsEveryOpenRangeAndEnableOfOneIdKeepsTheOthers() throws IOException {
        String html = """
                <p>Equal opportunity.</p>
                <!-- posting-lint-disable no-rockstar, no-ninja -- quoted -->
                <p>rockstar ninja</p>
                <!-- posting-lint-enable no-ninja -->
                <p>rockstar ninja</p>
                <!-- posting-lint-enable -->
                <p>rockstar ninja</p>
                """;
        FileResult r = lint(html);
        assertEquals(List.of("5:ninja", "7:rockstar", "7:ninja"), r.findings().stream().map(f -> lineOf(html, f)).toList());
        assertEquals(3, r.suppressed());
    }
}

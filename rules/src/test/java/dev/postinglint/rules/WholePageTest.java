package dev.postinglint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.posting.ContentChoice;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The default pack on a real whole saved page (src/test/resources/pages/ionic, see its NOTICE.md): the
 * site's navigation bar (lines 28-64) and footer (167-254) are not the posting; the job is the content
 * column {@code #job} (lines 66-165).
 */
class WholePageTest {
    private static final int CONTENT_FIRST_LINE = 66;
    private static final int CONTENT_LAST_LINE = 165;

    private static FileResult lint(ContentChoice content) throws URISyntaxException {
        Path page = Path.of(Objects.requireNonNull(WholePageTest.class.getResource("/pages/ionic/backend-dev-2015.html")).toURI());
        Policy p = new PolicyLoader().load("builtin:default", null);
        return new Linter(LocalDate.of(2026, 6, 1), 1, Linter.DEFAULT_MAX_FILE_BYTES, content)
                .lint(List.of(InputFile.of(page)), path -> p).files().get(0);
    }

    /** Places, not findings: pasted-class reports once per posting, its other places related to the one finding. */
    private static long count(FileResult r, String rule) {
        return r.findings().stream().filter(f -> f.ruleId().equals(rule)).mapToLong(f -> 1 + f.related().size()).sum();
    }

    @Test
    void theNavigationAndFooterAreNotLintedAsThePosting() throws URISyntaxException {
        FileResult whole = lint(ContentChoice.WHOLE_FILE);
        FileResult auto = lint(ContentChoice.AUTO);
        // Linted whole, the navigation's and footer's classes (navbar, nav-link, footer ...) are "pasted"
        // classes too; with the content chosen, only the content column's own grid classes (row, col-sm-6) are left.
        assertEquals(56, count(whole, "pasted-class"), whole.findings().toString());
        assertEquals(15, count(auto, "pasted-class"), auto.findings().toString());
        // The footer's http:// links are the site's, not the posting's: only the posting's own count.
        assertTrue(count(whole, "insecure-link") > count(auto, "insecure-link"));
        for (Finding f : auto.findings()) {
            int line = f.span().start().line();
            boolean statementAtStart = f.span().startOffset() == 0 || line >= CONTENT_FIRST_LINE;
            assertTrue(statementAtStart && line <= CONTENT_LAST_LINE, "outside the posting: " + f);
            for (var place : f.related()) {
                int at = place.span().start().line();
                assertTrue(at >= CONTENT_FIRST_LINE && at <= CONTENT_LAST_LINE, "a related place outside the posting: " + place);
            }
        }
    }

    @Test
    void thePostingsOwnWordsAreStillJudged() throws URISyntaxException {
        FileResult auto = lint(ContentChoice.AUTO);
        List<String> ids = auto.findings().stream().map(Finding::ruleId).toList();
        // The posting has no EEO or accommodation statement and says "Competitive salary" in Madison, WI (no pay law).
        assertTrue(ids.contains("eeo-statement-present"), ids.toString());
        assertTrue(ids.contains("accommodation-statement-present"), ids.toString());
        // Its own http:// links (drifty.com, techcrunch.com, ionicframework.com) are found where they are.
        assertEquals(3, count(auto, "insecure-link"), auto.findings().toString());
        assertEquals("Backend Engineer - Ionic Framework", auto.title());
    }
}

package dev.postinglint.core.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.model.Finding;
import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.rules.FieldValue;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.posting.MarkdownParser;
import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.posting.PostingParser;
import dev.postinglint.core.rules.RuleContext;
import dev.postinglint.core.source.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Markdown posting and the same posting as HTML: the same findings, each at its own line and column. */
class MarkdownPostingTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);

    static final String MARKDOWN = """
            ---
            title: Senior Engineer
            location: "Lisbon, Portugal"
            updated: 2026-01-05
            ---
            # Senior Engineer

            We need a rockstar who is a digital **native** &amp; a great
            chairman of meetings.

            **Location:** Lisbon, Portugal

            ## Benefits

            - Health insurance
            - A `laptop` of your choice \\*

            ## About us

            Acme is an equal opportunity employer. See <a href="https://acme.example/jobs" target="_blank">our jobs</a>.

            ![team photo](team.png)
            """;

    static final String HTML = """
            <h1>Senior Engineer</h1>
            <p>We need a rockstar who is a digital <strong>native</strong> &amp; a great
            chairman of meetings.</p>
            <p><strong>Location:</strong> Lisbon, Portugal</p>
            <h2>Benefits</h2>
            <ul>
            <li>Health insurance</li>
            <li>A <code>laptop</code> of your choice *</li>
            </ul>
            <h2>About us</h2>
            <p>Acme is an equal opportunity employer. See <a href="https://acme.example/jobs" target="_blank">our jobs</a>.</p>
            <p><img src="team.png" alt="team photo"></p>
            """;

    static final String POLICY = """
            name: parity
            fields:
              location:
                pattern: '(?P<label>(?:Available )?Locations?:)\\s*(?P<value>[^\\n]+)'
                scope: p
            rules:
              - {id: rockstar, type: forbid, severity: error, category: inclusive-language, phrase: rockstar}
              - {id: digital-native, type: forbid, severity: warning, category: inclusive-language, phrase: digital native}
              - {id: ampersand, type: forbid, severity: info, category: style, pattern: '&'}
              - {id: star, type: forbid, severity: info, category: style, pattern: 'choice \\*'}
              - {id: laptop, type: forbid, severity: info, category: style, phrase: a laptop of}
              - id: chair
                type: substitute
                severity: warning
                category: inclusive-language
                swap: {chairman: chair}
              - {id: pension, type: require, severity: error, category: benefits, phrase: pension, scope: {section: Benefits}}
              - {id: eeo, type: require, severity: error, category: eeo, phrase: equal opportunity, scope: {section: About us}}
              - {id: images, type: selector, severity: info, category: html-hygiene, selector: img}
              - {id: blank, type: selector, severity: info, category: html-hygiene, selector: 'a[target=_blank]',
                 fix: {add-attribute: {rel: noopener}}}
              - {id: location-label, type: field, severity: warning, category: location, field: location,
                 label: "Available Locations:"}
            """;

    @TempDir
    Path dir;

    private Policy policy(String yaml) throws IOException {
        Files.writeString(dir.resolve("p.yaml"), yaml);
        return new PolicyLoader().load("p.yaml", dir);
    }

    static Posting markdown(String md) throws Exception {
        SourceText source = new SourceText("job.md", md);
        FrontMatter.Result front = FrontMatter.read(source);
        return MarkdownParser.parse(source, front.bodyStart(), front.metadata());
    }

    private static List<Finding> check(Policy p, Posting posting) {
        List<Finding> out = Linter.check(new RuleContext(posting, p.fields(), p.company(), AS_OF, p.gazetteer()), p.enabledRules());
        return out.stream().sorted(Comparator.comparing(Finding::ruleId).thenComparing(Finding::message)).toList();
    }

    private static String at(String src, Finding f) {
        return src.substring(f.span().startOffset(), f.span().endOffset());
    }

    @Test
    void markdownAndHtmlGiveTheSameFindingsEachAtItsOwnPlace() throws Exception {
        Policy p = policy(POLICY);
        List<Finding> md = check(p, markdown(MARKDOWN));
        List<Finding> html = check(p, PostingParser.parse(new SourceText("job.html", HTML)));
        assertEquals(html.stream().map(Finding::ruleId).toList(), md.stream().map(Finding::ruleId).toList());
        assertEquals(List.of("ampersand", "blank", "chair", "digital-native", "images", "laptop", "location-label",
                "pension", "rockstar", "star"), md.stream().map(Finding::ruleId).toList());
        for (int i = 0; i < md.size(); i++) {
            assertEquals(html.get(i).message(), md.get(i).message(), md.get(i).ruleId());
            if (!md.get(i).category().equals("html-hygiene")) { // selector findings quote their source: tag or Markdown
                assertEquals(html.get(i).excerpt(), md.get(i).excerpt(), md.get(i).ruleId());
            }
            assertEquals(html.get(i).severity(), md.get(i).severity());
        }
        // Each finding points at its own source: the Markdown's spelling, and the HTML's.
        assertAt(MARKDOWN, md, "rockstar", "rockstar", 8, 11);
        assertAt(HTML, html, "rockstar", "rockstar", 2, 14);
        assertAt(MARKDOWN, md, "digital-native", "digital **native", 8, 29);
        assertAt(HTML, html, "digital-native", "digital <strong>native", 2, 32);
        assertAt(MARKDOWN, md, "ampersand", "&amp;", 8, 48);
        assertAt(HTML, html, "ampersand", "&amp;", 2, 64);
        assertAt(MARKDOWN, md, "chair", "chairman", 9, 1);
        assertAt(HTML, html, "chair", "chairman", 3, 1);
        assertAt(MARKDOWN, md, "star", "choice \\*", 16, 22);
        assertAt(HTML, html, "star", "choice *", 8, 35);
        assertAt(MARKDOWN, md, "laptop", "A `laptop` of", 16, 3);
        assertAt(HTML, html, "laptop", "A <code>laptop</code> of", 8, 5);
        assertAt(MARKDOWN, md, "location-label", "Location:", 11, 3);
        assertAt(HTML, html, "location-label", "Location:", 4, 12);
        // A missing requirement points at the start of its section's content.
        assertAt(MARKDOWN, md, "pension", "H", 15, 3);
        assertAt(HTML, html, "pension", "H", 7, 5);
        // Selector findings: the HTML start tag; for Markdown, the raw tag itself or where the construct starts.
        assertAt(HTML, html, "images", "<img src=\"team.png\" alt=\"team photo\">", 12, 4);
        assertAt(MARKDOWN, md, "images", "![team photo](team.png)", 22, 1);
        assertAt(MARKDOWN, md, "blank", "<a href=\"https://acme.example/jobs\" target=\"_blank\">", 20, 44);
        assertAt(HTML, html, "blank", "<a href=\"https://acme.example/jobs\" target=\"_blank\">", 11, 47);
    }

    @Test
    void fixesAreInMarkdownCoordinatesAndMarkupFixesAreNotOffered() throws Exception {
        Policy p = policy(POLICY);
        List<Finding> md = check(p, markdown(MARKDOWN));
        // The label comes after the word, so fix it first: offsets before it stay valid.
        String fixed = apply(MARKDOWN, find(md, "location-label"));
        fixed = apply(fixed, find(md, "chair"));
        assertTrue(fixed.contains("\nchair of meetings."), fixed);
        assertTrue(fixed.contains("**Available Locations:** Lisbon, Portugal"), fixed);
        List<Finding> after = check(p, markdown(fixed));
        assertTrue(after.stream().noneMatch(f -> f.ruleId().equals("chair") || f.ruleId().equals("location-label")), after.toString());
        // The rendered <a> has no markup of its own in HTML; in Markdown it is raw HTML, but markup
        // fixes are never offered on Markdown (its jsoup tree is rendered).
        assertNull(find(md, "blank").fix());
        // A phrase split by emphasis has no text fix, as in HTML across tags.
        assertNull(find(md, "digital-native").fix());
    }

    @Test
    void frontMatterValuesAreFieldsPointingAtTheirValue() throws Exception {
        Policy p = policy("""
                name: meta
                fields:
                  title: {from: metadata}
                  board-location: {from: metadata, metadata: location}
                  updated: {from: metadata}
                rules:
                  - {id: stale, type: field, severity: warning, category: freshness, field: updated, max-age-days: 180}
                """);
        Posting posting = markdown(MARKDOWN);
        RuleContext ctx = new RuleContext(posting, p.fields(), p.company(), AS_OF, p.gazetteer());
        FieldValue loc = ctx.field("board-location");
        assertEquals("Lisbon, Portugal", loc.value());
        assertEquals(3, loc.valueSpan().start().line());
        assertEquals(11, loc.valueSpan().start().column());
        assertEquals("Senior Engineer", posting.title());
        List<Finding> found = Linter.check(ctx, p.enabledRules());
        assertEquals(1, found.size());
        assertEquals("2026-01-05", at(MARKDOWN, found.get(0)));
        assertTrue(found.get(0).message().contains("320 days before 2026-11-21"), found.get(0).message());
    }

    private static void assertAt(String src, List<Finding> fs, String id, String text, int line, int column) {
        Finding f = find(fs, id);
        assertEquals(text, at(src, f), id);
        assertEquals(line, f.span().start().line(), id + " line");
        assertEquals(column, f.span().start().column(), id + " column");
    }

    private static Finding find(List<Finding> fs, String id) {
        Finding f = fs.stream().filter(x -> x.ruleId().equals(id)).findFirst().orElse(null);
        assertNotNull(f, id);
        return f;
    }

    private static String apply(String src, Finding f) {
        assertNotNull(f.fix(), f.ruleId());
        return src.substring(0, f.fix().span().startOffset()) + f.fix().replacement() + src.substring(f.fix().span().endOffset());
    }
}

package dev.postinglint.core.posting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.source.Position;
import dev.postinglint.core.source.SourceText;
import org.junit.jupiter.api.Test;

class ContentChoiceTest {
    private static final String PAGE = """
            <!DOCTYPE html>
            <html><head><title>Engineer</title></head>
            <body>
            <a href="#main" class="skip-link">Skip to main content</a>
            <header class="site-header"><nav class="nav-bar"><a href="/">Home</a> <a href="/jobs">Jobs</a></nav></header>
            <main id="main">
            <h1>Engineer</h1>
            <p>Location: Denver, CO</p>
            <p>We are an equal opportunity employer.</p>
            </main>
            <footer class="site-footer"><p>Copyright Acme. Equal opportunity is our footer's word.</p></footer>
            </body></html>
            """;

    private static Posting parse(String html, ContentChoice choice) {
        return PostingParser.parse(new SourceText("page.html", html), Metadata.NONE, choice);
    }

    @Test
    void aWholePageIsItsMainElement() {
        Posting p = parse(PAGE, ContentChoice.AUTO);
        assertEquals("main", p.content().normalName());
        String text = p.view().text();
        assertTrue(text.startsWith("Engineer\nLocation: Denver, CO"), text);
        assertFalse(text.contains("Skip to main content"), text);
        assertFalse(text.contains("Home"), text);
        assertFalse(text.contains("footer's word"), text);
        assertEquals(3, p.blocks().size(), p.blocks().toString());
        assertEquals("Engineer", p.headings().get(0).text());
        assertEquals("Engineer", p.title());
    }

    @Test
    void positionsStayThoseOfTheFile() {
        Posting p = parse(PAGE, ContentChoice.AUTO);
        int at = p.view().text().indexOf("Denver");
        Position pos = p.view().sourceSpan(at, at + 6).start();
        assertEquals(8, pos.line());
        assertEquals(14, pos.column());
    }

    @Test
    void wholeFileKeepsEverything() {
        Posting p = parse(PAGE, ContentChoice.WHOLE_FILE);
        assertSame(p.document(), p.content());
        assertTrue(p.view().text().startsWith("Skip to main content"), p.view().text());
        assertTrue(p.view().text().contains("footer's word"));
    }

    @Test
    void aDescriptionBodyIsAllPosting() {
        // No <html> or <body> in the file: a board's description body, even with a header or an article in it.
        String body = "<header><p>Acme is hiring</p></header><article><p>Build things.</p></article><p>Apply now.</p>";
        Posting p = parse(body, ContentChoice.AUTO);
        assertSame(p.document(), p.content());
        assertEquals("Acme is hiring\nBuild things.\nApply now.", p.view().text().strip());
    }

    @Test
    void aWrittenPageOfBareParagraphsIsAllPosting() {
        Posting p = parse("<html><body><h1>Engineer</h1><p>Build things.</p></body></html>", ContentChoice.AUTO);
        assertSame(p.document(), p.content());
    }

    @Test
    void withoutMainTheContentColumnBetweenNavigationAndFooterIsChosen() {
        String page = """
                <html><body>
                <nav class="navbar"><ul><li><a class="nav-link" href="/docs">Docs</a></li></ul></nav>
                <div id="job" class="container"><div class="row"><h1>Backend Engineer</h1><p>Madison, WI</p></div>
                <div class="sidebar"><h3>Madison Office</h3></div></div>
                <footer class="footer"><nav><dl><dt>Docs</dt></dl></nav><p class="copy">Copyright</p></footer>
                <script>var x = "not text";</script>
                </body></html>
                """;
        Posting p = parse(page, ContentChoice.AUTO);
        assertEquals("job", p.content().id());
        assertEquals("Backend Engineer\nMadison, WI\nMadison Office", p.view().text().strip());
        assertFalse(p.inContent(p.document().selectFirst("a.nav-link")));
        assertTrue(p.inContent(p.document().selectFirst("h1")));
    }

    @Test
    void boardContainersAreKnown() {
        String lever = """
                <html><body><div class="main-header"><a href="/">Acme jobs</a></div>
                <footer>Jobs powered by a board</footer>
                <div class="content-wrapper posting-page"><div class="posting-headline"><h2>Engineer</h2>
                <div class="posting-categories"><div class="location">Austin, TX</div></div></div>
                <div class="section-wrapper"><p>Build things.</p></div></div></body></html>
                """;
        Posting p = parse(lever, ContentChoice.AUTO);
        assertTrue(p.content().hasClass("posting-page"));
        assertEquals("Engineer\nAustin, TX\nBuild things.", p.view().text().strip());
    }

    @Test
    void aSelectorNamesTheContent() {
        Posting p = parse(PAGE, ContentChoice.parse("footer"));
        assertEquals("footer", p.content().normalName());
        assertEquals("Copyright Acme. Equal opportunity is our footer's word.", p.view().text().strip());
        // Nothing matches: the whole file, rather than nothing at all.
        Posting none = parse(PAGE, ContentChoice.parse("#no-such-element"));
        assertSame(none.document(), none.content());
    }

    @Test
    void valuesAreReadOrRefusedWithAReason() {
        assertSame(ContentChoice.AUTO, ContentChoice.parse(" Auto "));
        assertSame(ContentChoice.WHOLE_FILE, ContentChoice.parse("whole-file"));
        assertEquals(".job__description", ContentChoice.parse(".job__description").toString());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ContentChoice.parse("div[["));
        assertTrue(bad.getMessage().contains("'div[['") && bad.getMessage().contains("not a valid CSS selector"), bad.getMessage());
        IllegalArgumentException regex = assertThrows(IllegalArgumentException.class, () -> ContentChoice.parse("p:matches(a+)"));
        assertTrue(regex.getMessage().contains("regex"), regex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ContentChoice.parse("  "));
    }
}

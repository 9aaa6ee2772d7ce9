package dev.postinglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import dev.postinglint.core.text.DiffToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postinglint.core.model.DriftGroup;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.Summary;
import dev.postinglint.core.report.ReportFormats;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HTML report in a real headless Chromium: the real CLI jar writes it (for the example postings and for
 * a hostile posting), Selenium opens it from file:// and checks what a reviewer sees, that filters and
 * sorting work, that the drift view renders, and that hostile posting text runs nothing and fetches nothing.
 *
 * <p>Needs /usr/bin/chromium and /usr/bin/chromedriver (Debian's chromium and chromium-driver; .ci/run
 * installs them). Without them the tests are skipped, except under CI (CI set), where that is a failure.
 */
class HtmlReportIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JAR = Path.of(System.getProperty("postinglint.jar", "target/posting-lint.jar")).toAbsolutePath();
    private static final Path EXAMPLES = Path.of(System.getProperty("postinglint.examples", "../examples")).toAbsolutePath().normalize();
    private static final Path OUT = Path.of("target", "it-html").toAbsolutePath();
    private static final String AS_OF = "2025-06-01";
    /** Runs before any page script: records alert/confirm/prompt calls instead of blocking on a dialog. */
    private static final String TRAP_DIALOGS = "window.__dialogs = [];"
            + "['alert', 'confirm', 'prompt', 'print'].forEach(function (n) {"
            + "  window[n] = function (m) { window.__dialogs.push(n + ':' + m); }; });";

    /** Selenium warns that it has no DevTools bindings for this Chromium; the tests use none (only chromedriver's CDP relay). */
    private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    private static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() throws IOException {
        CDP_LOG.setLevel(Level.SEVERE);
        Path chromium = Path.of(System.getProperty("postinglint.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("postinglint.chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            String why = "headless Chromium is needed for the HTML report tests: install Debian's chromium and chromium-driver ("
                    + chromium + ", " + chromedriver + ")";
            if (System.getenv("CI") != null) {
                fail(why);
            }
            assumeTrue(false, why);
        }
        Files.createDirectories(OUT);
        Path profile = Files.createTempDirectory(OUT, "chromium-profile-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 1000));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", TRAP_DIALOGS));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    // ---------------------------------------------------------------- the example postings

    @Test
    void examplesReportShowsWhatTheJsonSaysAndFilters() throws Exception {
        Path html = OUT.resolve("examples.html");
        Path json = OUT.resolve("examples.json");
        Result r = runCli(EXAMPLES.getParent(), "check", "examples", "--policy", "examples/report-demo-policy.yaml",
                "--as-of", AS_OF, "--format", "html=" + html, "--format", "json=" + json);
        assertEquals(1, r.exit(), "the demo policy finds an error in the examples:\n" + r.stderr());
        JsonNode data = JSON.readTree(json.toFile());
        JsonNode files = data.get("files");
        int passing = 0;
        for (JsonNode f : files) {
            if (severities(f).stream().noneMatch("error"::equals)) {
                passing++;
            }
        }
        open(html);

        JsonNode s = data.get("summary");
        assertEquals(s.get("files").asText(), stat("files"));
        assertEquals(s.get("errors").asText(), stat("errors"));
        assertEquals(s.get("warnings").asText(), stat("warnings"));
        assertEquals(s.get("infos").asText(), stat("infos"));
        assertEquals(Integer.toString(passing), stat("passing"));
        assertEquals(Integer.toString(files.size() - passing), stat("failing"));
        assertTrue(s.get("errors").asInt() > 0 && s.get("warnings").asInt() > 0 && s.get("infos").asInt() > 0,
                "the demo run has findings of every severity");
        String meta = driver.findElement(By.id("meta")).getText();
        assertTrue(meta.contains("As of " + AS_OF) && meta.contains("report-demo 1") && meta.contains("posting-lint "), meta);

        // The table: one row per posting, with the JSON's counts.
        List<WebElement> rows = rows();
        assertEquals(files.size(), rows.size());
        Map<String, JsonNode> byPath = new LinkedHashMap<>();
        files.forEach(f -> byPath.put(f.get("path").asText(), f));
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            JsonNode f = byPath.get(cells.get(0).getText());
            assertNotNull(f, "row for an unknown posting: " + cells.get(0).getText());
            List<String> sev = severities(f);
            assertEquals(Long.toString(sev.stream().filter("error"::equals).count()), cells.get(3).getText());
            assertEquals(Long.toString(sev.stream().filter("warning"::equals).count()), cells.get(4).getText());
            assertEquals(Long.toString(sev.stream().filter("info"::equals).count()), cells.get(5).getText());
            assertEquals(f.has("location") ? f.get("location").asText() : "", cells.get(2).getText());
        }

        // The chart has one bar group per category.
        List<String> categories = new ArrayList<>();
        files.forEach(f -> f.get("findings").forEach(x -> {
            if (!categories.contains(x.get("category").asText())) {
                categories.add(x.get("category").asText());
            }
        }));
        assertEquals(categories.size(), driver.findElements(By.cssSelector("#category-chart svg g[data-category]")).size());

        // Filtering by a category hides the postings without a finding in it, and their other findings.
        String category = "education";
        List<String> withCategory = new ArrayList<>();
        files.forEach(f -> {
            for (JsonNode x : f.get("findings")) {
                if (x.get("category").asText().equals(category)) {
                    withCategory.add(f.get("path").asText());
                    break;
                }
            }
        });
        assertTrue(withCategory.size() > 0 && withCategory.size() < files.size(), "the category must split the postings");
        new Select(driver.findElement(By.id("f-category"))).selectByValue(category);
        assertEquals(withCategory, visibleRowPaths());
        assertEquals("Showing " + withCategory.size() + " of " + files.size() + " postings (filtered by category " + category + ").",
                driver.findElement(By.id("f-summary")).getText());
        List<WebElement> shownFindings = visible(driver.findElements(By.cssSelector("#details-list .finding")));
        assertFalse(shownFindings.isEmpty());
        for (WebElement f : shownFindings) {
            assertEquals(category, f.getAttribute("data-category"));
        }

        // Severity and rule filters, search, reset.
        click(By.id("f-reset"));
        assertEquals(files.size(), visibleRowPaths().size());
        new Select(driver.findElement(By.id("f-severity"))).selectByValue("error");
        List<String> withErrors = new ArrayList<>();
        files.forEach(f -> {
            if (severities(f).contains("error")) {
                withErrors.add(f.get("path").asText());
            }
        });
        assertEquals(withErrors, visibleRowPaths());
        click(By.id("f-reset"));
        new Select(driver.findElement(By.id("f-rule"))).selectByValue("fast-paced");
        assertEquals(List.of("examples/001_f3e5182a31427572.html"), visibleRowPaths());
        click(By.id("f-reset"));
        driver.findElement(By.id("f-search")).sendKeys("lisbon");
        assertEquals(List.of("examples/003_edf398206cc5f2bd.html"), visibleRowPaths(), "search matches the location");
        click(By.id("f-reset"));

        // Sorting: by errors (most first), then back by path.
        click(By.cssSelector("th[data-key=errors] button"));
        assertEquals("descending", driver.findElement(By.cssSelector("th[data-key=errors]")).getAttribute("aria-sort"));
        assertEquals(withErrors.get(0), rows().get(0).findElements(By.tagName("td")).get(0).getText());
        click(By.cssSelector("th[data-key=path] button"));
        List<String> paths = visibleRowPaths();
        List<String> sorted = new ArrayList<>(paths);
        sorted.sort(Comparator.naturalOrder());
        assertEquals(sorted, paths);

        // A finding shows its source line with the match highlighted, and the fix.
        WebElement fast = driver.findElement(By.cssSelector(".finding[data-rule=fast-paced]"));
        assertEquals("fast-paced", fast.findElement(By.cssSelector("pre.src mark")).getText());
        assertTrue(fast.findElement(By.cssSelector(".fix")).getText().contains("Replace 'fast-paced' with 'dynamic'"));
        WebElement missing = driver.findElement(By.cssSelector(".finding[data-rule=location-stated]"));
        assertEquals(0, missing.findElements(By.cssSelector("pre.src")).size(), "nothing to mark for something missing");
        assertTrue(missing.findElement(By.cssSelector(".where")).getText().startsWith("not found in the posting (reported at line 2, column 15)"));
        WebElement cite = driver.findElement(By.cssSelector(".finding[data-rule=pay-range-present] .cite a"));
        assertEquals("https://eur-lex.europa.eu/eli/dir/2023/970/oj", cite.getAttribute("href"));
        assertEquals("noopener noreferrer", cite.getAttribute("rel"));
        // A finding reported once per posting names its other places, as the JSON lists them, and fixes every place.
        JsonNode grouped = null;
        for (JsonNode f : files.get(0).get("findings")) {
            if (f.get("ruleId").asText().equals("pasted-inline-style")) {
                grouped = f;
            }
        }
        assertTrue(grouped != null && grouped.get("related").size() > 8, "the first example pastes styles all over: " + grouped);
        WebElement pasted = driver.findElement(By.cssSelector("#posting-1 .finding[data-rule=pasted-inline-style]"));
        JsonNode second = grouped.get("related").get(0);
        String places = pasted.findElement(By.cssSelector(".places")).getText();
        assertTrue(places.startsWith("Also at: " + second.get("line").asInt() + ":" + second.get("column").asInt() + ", "), places);
        assertTrue(places.endsWith(" and " + (grouped.get("related").size() - 8) + " more (" + grouped.get("places").asInt()
                + " places, one finding for the posting)"), places);
        assertTrue(pasted.findElement(By.cssSelector(".fix")).getText().startsWith("Fix (every place): Remove the style attribute"),
                pasted.findElement(By.cssSelector(".fix")).getText());

        // Printed: controls hidden, content kept.
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertEquals("none", js("return getComputedStyle(document.querySelector('.filters')).display"));
        assertTrue(driver.findElement(By.id("details-list")).isDisplayed());
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        assertQuiet();
        js("window.scrollTo(0, 0)");
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, OUT.resolve("report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(OUT.resolve("report-screenshot.png")) > 10_000);
    }

    // ---------------------------------------------------------------- what to fix first, URL filters, pages

    @Test
    void whatToFixFirstRanksRulesBySeverityThenPostingsAndPicksARule() throws Exception {
        Path html = OUT.resolve("ranked.html");
        Path json = OUT.resolve("ranked.json");
        runCli(EXAMPLES.getParent(), "check", "examples", "--policy", "examples/report-demo-policy.yaml",
                "--as-of", AS_OF, "--format", "html=" + html, "--format", "json=" + json);
        JsonNode files = JSON.readTree(json.toFile()).get("files");
        record Expected(String id, int rank, int postings, int findings, int fixable, String link) {
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> links = new LinkedHashMap<>();
        files.forEach(f -> {
            List<String> seen = new ArrayList<>();
            f.get("findings").forEach(x -> {
                String id = x.get("ruleId").asText();
                int[] c = counts.computeIfAbsent(id, k -> new int[] {2, 0, 0, 0});
                c[0] = Math.min(c[0], List.of("error", "warning", "info").indexOf(x.get("severity").asText()));
                if (!seen.contains(id)) {
                    seen.add(id);
                    c[1]++;
                }
                c[2]++;
                c[3] += x.get("fix").isNull() ? 0 : 1;
                if (x.hasNonNull("link")) {
                    links.putIfAbsent(id, x.get("link").asText());
                }
            });
        });
        List<Expected> expected = new ArrayList<>();
        counts.forEach((id, c) -> expected.add(new Expected(id, c[0], c[1], c[2], c[3], links.get(id))));
        expected.sort(Comparator.comparingInt(Expected::rank).thenComparing(Comparator.comparingInt(Expected::postings).reversed())
                .thenComparing(Comparator.comparingInt(Expected::findings).reversed()).thenComparing(Expected::id));

        open(html);
        List<WebElement> ranked = driver.findElements(By.cssSelector("#fix-first-table tbody tr"));
        assertEquals(expected.stream().map(Expected::id).toList(), ranked.stream().map(r -> r.getAttribute("data-rule")).toList(),
                "most serious first, then by postings affected");
        for (int i = 0; i < ranked.size(); i++) {
            WebElement row = ranked.get(i);
            Expected e = expected.get(i);
            assertEquals(List.of("error", "warning", "info").get(e.rank()), row.findElement(By.cssSelector(".badge")).getAttribute("textContent"));
            assertEquals(Integer.toString(e.postings()), row.findElement(By.cssSelector("[data-col=postings]")).getText());
            assertEquals(Integer.toString(e.findings()), row.findElement(By.cssSelector("[data-col=findings]")).getText());
            assertEquals(Integer.toString(e.fixable()), row.findElement(By.cssSelector("[data-col=fixable]")).getText());
            if (e.link() != null && e.link().startsWith("https://")) {
                assertEquals(e.link(), row.findElement(By.cssSelector(".cite a")).getAttribute("href"), "the rule's citation");
            }
        }
        assertTrue(expected.stream().anyMatch(e -> e.fixable() > 0), "the demo has fixable findings");

        // Choosing a rule lists its postings, and the link says so.
        Expected top = expected.get(0);
        click(By.cssSelector("#fix-first-table tr[data-rule='" + top.id() + "'] button"));
        assertEquals(top.postings(), visibleRowPaths().size());
        assertEquals(top.id(), new Select(driver.findElement(By.id("f-rule"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals("#rule=" + top.id(), js("return location.hash"));
        assertQuiet();
    }

    @Test
    void filtersLiveInTheUrlSoALinkOpensTheSameView() throws Exception {
        Path html = OUT.resolve("linked.html");
        Path json = OUT.resolve("linked.json");
        runCli(EXAMPLES.getParent(), "check", "examples", "--policy", "examples/report-demo-policy.yaml",
                "--as-of", AS_OF, "--format", "html=" + html, "--format", "json=" + json);
        JsonNode files = JSON.readTree(json.toFile()).get("files");
        List<String> warningOrWorse = new ArrayList<>();
        files.forEach(f -> {
            if (severities(f).contains("error") || severities(f).contains("warning")) {
                warningOrWorse.add(f.get("path").asText());
            }
        });
        List<String> all = new ArrayList<>();
        files.forEach(f -> all.add(f.get("path").asText()));
        assertTrue(warningOrWorse.size() > 0, "the demo has warnings");

        driver.get("about:blank");
        driver.manage().logs().get(LogType.BROWSER);
        driver.get(html.toUri() + "#severity=warning&sort=errors&dir=-1");
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "true".equals(((JavascriptExecutor) d).executeScript("return document.documentElement.getAttribute('data-ready')")));
        assertEquals("warning", new Select(driver.findElement(By.id("f-severity"))).getFirstSelectedOption().getAttribute("value"));
        List<String> shown = visibleRowPaths();
        assertEquals(new java.util.HashSet<>(warningOrWorse), new java.util.HashSet<>(shown), "a threshold: warnings and above");
        assertEquals("descending", driver.findElement(By.cssSelector("th[data-key=errors]")).getAttribute("aria-sort"));
        assertTrue(driver.findElement(By.id("f-summary")).getText().contains("(filtered by severity warning and above)"));
        for (WebElement f : visible(driver.findElements(By.cssSelector("#details-list .finding")))) {
            assertTrue(List.of("error", "warning").contains(f.getAttribute("data-severity")), "no info under a warning threshold");
        }

        // Changing a filter rewrites the link; editing the link changes the view.
        new Select(driver.findElement(By.id("f-status"))).selectByValue("fail");
        assertEquals("#severity=warning&status=fail&sort=errors&dir=-1", js("return location.hash"));
        js("location.hash = '#q=lisbon'");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> visibleRowPaths().size() == 1);
        assertEquals(List.of("examples/003_edf398206cc5f2bd.html"), visibleRowPaths());
        assertEquals("lisbon", driver.findElement(By.id("f-search")).getAttribute("value"));
        assertEquals("", new Select(driver.findElement(By.id("f-severity"))).getFirstSelectedOption().getAttribute("value"));

        // A link naming a rule this run does not have shows everything rather than nothing.
        js("location.hash = '#rule=no-such-rule'");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> visibleRowPaths().size() == all.size());
        assertQuiet();
    }

    @Test
    void aLargeRunIsShownAPageAtATime() throws Exception {
        Path dir = OUT.resolve("many");
        deleteTree(dir);
        Files.createDirectories(dir.resolve("postings"));
        for (int i = 0; i < 230; i++) {
            Files.writeString(dir.resolve(String.format("postings/p%03d.html", i)), "<p>We want a rockstar, posting " + i + ".</p>\n");
        }
        Files.writeString(dir.resolve("policy.yaml"), """
                name: many
                rules:
                  - id: no-rockstar
                    type: forbid
                    severity: warning
                    category: inclusive-language
                    pattern: '(?i)\\brockstar\\b'
                """);
        Result r = runCli(dir, "check", "postings", "--policy", "policy.yaml", "--as-of", AS_OF, "--format", "html=report.html");
        assertEquals(0, r.exit(), r.stderr());
        open(dir.resolve("report.html"));
        assertEquals(100, rows().size(), "one page of rows in the document, not 230");
        assertEquals(100, driver.findElements(By.cssSelector("#details-list .posting")).size(), "findings of this page only");
        assertEquals("Page 1 of 3", driver.findElement(By.id("page-info")).getText());
        assertEquals("postings/p000.html", rows().get(0).findElement(By.tagName("td")).getText());
        click(By.id("page-next"));
        assertEquals("postings/p100.html", rows().get(0).findElement(By.tagName("td")).getText());
        assertEquals("#page=2", js("return location.hash"));
        js("location.hash = '#page=3'");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> rows().size() == 30);
        assertTrue(Boolean.TRUE.equals(js("return document.getElementById('page-next').disabled")));
        assertTrue(driver.findElement(By.id("f-summary")).getText().startsWith("Showing 230 of 230 postings. Rows 201\u2013230."));
        assertQuiet();
    }

    // ---------------------------------------------------------------- hostile input

    @Test
    void hostilePostingRendersAsTextAndRunsNothing() throws Exception {
        Path dir = OUT.resolve("hostile");
        deleteTree(dir);
        Files.createDirectories(dir);
        String hostileName = "<img src=x onerror=alert(3)>.html";
        copyResource("it/hostile-posting.html", dir.resolve(hostileName));
        copyResource("it/hostile-policy.yaml", dir.resolve("hostile-policy.yaml"));
        Result r = runCli(dir, "check", ".", "--policy", "hostile-policy.yaml", "--as-of", AS_OF,
                "--format", "html=report.html", "--format", "json=report.json");
        assertEquals(1, r.exit(), r.stderr());
        JsonNode file = JSON.readTree(dir.resolve("report.json").toFile()).get("files").get(0);
        assertEquals(hostileName, file.get("path").asText());
        assertEquals("<script>alert('title')</script> Senior ninja", file.get("title").asText());

        open(dir.resolve("report.html"));
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
        assertEquals(List.of(), js("return window.__dialogs"), "no alert, confirm or prompt was called");
        assertEquals("posting-lint report", driver.getTitle(), "no injected handler changed the title");
        assertEquals(0L, js("return document.querySelectorAll('img, iframe, object, embed').length"));
        assertEquals(2L, js("return document.scripts.length"), "only the report's data block and its own script");
        assertEquals(0L, js("return document.querySelectorAll('a[href^=\"javascript\" i]').length"));
        assertEquals(0L, js("return Array.from(document.querySelectorAll('*')).filter(function (e) {"
                + " return Array.from(e.attributes).some(function (a) { return /^on/i.test(a.name); }); }).length"),
                "no element carries an event handler attribute");
        for (WebElement a : driver.findElements(By.tagName("a"))) {
            String href = a.getAttribute("href");
            assertTrue(href.startsWith("https://") || href.contains("#posting-"), "only https citations and in-page links: " + href);
        }

        String text = driver.findElement(By.tagName("body")).getText();
        for (String shown : List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "</style>",
                "</script>", hostileName, "<script>alert('title')</script> Senior ninja", "<img src=x onerror=alert(2)> Berlin",
                "Use '<b>expert</b> & \"co\"' instead of 'ninja'", "<a href=\"javascript:alert(1)\">",
                "<img src=x onerror=\"document.title='pwned'\">", "漢字 😀")) {
            assertTrue(text.contains(shown), "the page shows as text: " + shown);
        }
        assertEquals("&lt;img src=x onerror=alert(1)&gt;",
                driver.findElement(By.cssSelector(".finding[data-rule=markup-in-text] pre.src mark")).getText(),
                "the source line shows the raw HTML, entities and all, decoded by nobody");
        WebElement badCite = driver.findElement(By.cssSelector(".finding[data-rule=markup-in-text] .cite"));
        assertEquals(0, badCite.findElements(By.tagName("a")).size(), "a javascript: citation stays text");
        assertTrue(badCite.getText().contains("javascript:alert(1)"));
        assertQuiet();
    }

    @Test
    void controlAndBidiCharactersInNamesAndMessagesShowAsVisibleEscapes() throws Exception {
        Path dir = OUT.resolve("control-names");
        deleteTree(dir);
        Files.createDirectories(dir);
        // An ESC sequence, a bell, a line break and a right-to-left override ("Trojan Source") in a file name.
        String name = "evil\u001b[2J\u0007bell\nline\u202elmth.html";
        Files.writeString(dir.resolve(name), "<h1>Rock\u202estar</h1>\n<p>We want a rockstar.</p>\n");
        Files.writeString(dir.resolve("policy.yaml"), """
                name: names
                rules:
                  - id: no-rockstar
                    type: forbid
                    severity: error
                    category: wording
                    pattern: '(?i)rock.?star'
                    message: "Avoid '{match}'"
                """);
        Result r = runCli(dir, "check", ".", "--policy", "policy.yaml", "--as-of", AS_OF, "--format", "html=report.html");
        assertEquals(1, r.exit(), r.stderr());

        open(dir.resolve("report.html"));
        String text = driver.findElement(By.tagName("body")).getText();
        assertTrue(text.contains("evil\\x1b[2J\\x07bell\\x0aline\\u202elmth.html"), "the name shows escaped: " + text);
        assertTrue(text.contains("Avoid 'Rock\\u202estar'"), "a message quoting a bidi override shows it escaped: " + text);
        assertEquals("Rock\\u202estar", driver.findElement(By.cssSelector(".finding[data-rule=no-rockstar] pre.src mark")).getText(),
                "the source line escapes it too, and still marks the match");
        assertEquals(0L, js("return (document.body.innerText.match(/[\\u0000-\\u0008\\u000b-\\u001f\\u202a-\\u202e\\u2066-\\u2069]/g) || []).length"),
                "no raw control or bidi character in the page's text");
        assertQuiet();
    }

    @Test
    void aWaivedFindingShowsWhoApprovedItAndUntilWhen() throws Exception {
        Path dir = OUT.resolve("waived");
        deleteTree(dir);
        Files.createDirectories(dir.resolve("postings"));
        Files.writeString(dir.resolve("postings/legacy.html"), "<h1>Legacy</h1>\n<p>We want a rockstar.</p>\n");
        Files.writeString(dir.resolve("policy.yaml"), """
                name: waived
                rules:
                  - id: no-rockstar
                    type: forbid
                    severity: error
                    category: inclusive-language
                    pattern: '(?i)\\brockstar\\b'
                waivers:
                  - posting: legacy
                    rule: no-rockstar
                    reason: "Republished unchanged until the Q3 rewrite <b>(COMP-12)</b>"
                    approved-by: Jane Doe (Compliance)
                    expires: 2026-06-30
                """);
        Result r = runCli(dir, "check", "postings", "--policy", "policy.yaml", "--as-of", "2026-06-01", "--format", "html=report.html");
        assertEquals(0, r.exit(), r.stderr());
        open(dir.resolve("report.html"));
        WebElement finding = driver.findElement(By.cssSelector(".finding[data-rule=no-rockstar]"));
        assertTrue(finding.getAttribute("class").contains("waived"));
        assertEquals("WAIVED", finding.findElement(By.cssSelector(".badge.waived")).getText());
        assertEquals("Jane Doe (Compliance)", finding.findElement(By.cssSelector(".waiver .approved-by")).getText());
        assertEquals("2026-06-30", finding.findElement(By.cssSelector(".waiver .expires")).getText());
        assertTrue(finding.findElement(By.cssSelector(".waiver")).getText().contains("Republished unchanged until the Q3 rewrite <b>(COMP-12)</b>"),
                "the reason is shown as text");
        assertEquals("1", stat("waived"));
        assertEquals("0", stat("errors"));
        assertEquals("1", stat("passing"));
        assertQuiet();
    }

    // ---------------------------------------------------------------- drift

    @Test
    void driftViewShowsVariantsPostingsAndWordDiff() throws Exception {
        String approved = "Acme is an equal opportunity employer and welcomes applicants of every background.";
        DriftGroup.Variant reference = new DriftGroup.Variant(approved, List.of("jobs/a.html", "jobs/b.html", "jobs/c.html"), 1.0,
                List.of(new DiffToken(DiffToken.Kind.SAME, approved)));
        DriftGroup.Variant older = new DriftGroup.Variant("Acme is an equal opportunity employer.", List.of("jobs/d.html", "jobs/e.html"),
                0.62, List.of(new DiffToken(DiffToken.Kind.SAME, "Acme is an equal opportunity"),
                        new DiffToken(DiffToken.Kind.REMOVED, "employer and welcomes applicants of every background."),
                        new DiffToken(DiffToken.Kind.ADDED, "employer.")));
        DriftGroup.Variant hostile = new DriftGroup.Variant("Acme <script>alert(1)</script> employer", List.of("jobs/<img src=x onerror=alert(1)>.html"),
                0.2, List.of(new DiffToken(DiffToken.Kind.SAME, "Acme"),
                        new DiffToken(DiffToken.Kind.ADDED, "<script>alert(1)</script> </style>"),
                        new DiffToken(DiffToken.Kind.REMOVED, "is an equal opportunity"),
                        new DiffToken(DiffToken.Kind.SAME, "employer")));
        DriftGroup eeo = new DriftGroup("eeo-boilerplate", "EEO statement", approved, DriftGroup.ReferenceKind.APPROVED,
                List.of(reference, older, hostile));
        String about = "We build tools for recruiters.";
        DriftGroup aboutUs = new DriftGroup("about-boilerplate", "About us", about, DriftGroup.ReferenceKind.MAJORITY, List.of(
                new DriftGroup.Variant(about, List.of("jobs/a.html", "jobs/b.html"), 1.0, List.of(new DiffToken(DiffToken.Kind.SAME, about))),
                new DriftGroup.Variant("We build great tools for recruiters.", List.of("jobs/c.html"), 0.9, List.of(
                        new DiffToken(DiffToken.Kind.SAME, "We build"), new DiffToken(DiffToken.Kind.ADDED, "great"),
                        new DiffToken(DiffToken.Kind.SAME, "tools for recruiters.")))));
        List<FileResult> files = new ArrayList<>();
        for (String p : List.of("jobs/a.html", "jobs/b.html", "jobs/c.html", "jobs/d.html", "jobs/e.html")) {
            files.add(new FileResult(p, List.of(), "corp 3", null, null, false));
        }
        LintReport report = new LintReport("1.2.3", LocalDate.parse(AS_OF), List.of("corp 3"), files, Summary.of(files),
                Duration.ofMillis(5), List.of(eeo, aboutUs));
        Path html = OUT.resolve("drift.html");
        Files.createDirectories(OUT);
        try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
            ReportFormats.create("html").write(report, w);
        }

        open(html);
        List<WebElement> groups = driver.findElements(By.cssSelector("#drift-list .drift-group"));
        assertEquals(2, groups.size());
        WebElement g = groups.get(0);
        assertTrue(g.findElement(By.tagName("h3")).getText().contains("EEO statement"));
        assertTrue(g.findElement(By.cssSelector(".sub")).getText().startsWith("3 variants across 6 postings; compared with the approved text"));
        assertEquals(approved, g.findElement(By.cssSelector("blockquote.reference")).getText());
        List<WebElement> variants = g.findElements(By.cssSelector(".variant"));
        assertEquals(3, variants.size());
        assertTrue(variants.get(0).findElement(By.tagName("h4")).getText().contains("used by 3 postings"));
        assertEquals(1, variants.get(0).findElements(By.cssSelector(".tag")).size(), "the reference variant is marked");
        assertEquals(List.of("jobs/a.html", "jobs/b.html", "jobs/c.html"), texts(variants.get(0).findElements(By.cssSelector("ul.used-by li"))));
        WebElement older2 = variants.get(1);
        assertTrue(older2.findElement(By.tagName("h4")).getText().contains("used by 2 postings \u00b7 62% similar"));
        assertEquals(List.of("employer and welcomes applicants of every background."), texts(older2.findElements(By.cssSelector(".diff del"))));
        assertEquals(List.of("employer."), texts(older2.findElements(By.cssSelector(".diff ins"))));
        assertEquals("Acme is an equal opportunity employer and welcomes applicants of every background. employer.",
                older2.findElement(By.cssSelector(".diff")).getText());
        assertEquals("line-through", js("return getComputedStyle(arguments[0]).textDecorationLine",
                older2.findElement(By.cssSelector(".diff del"))));
        WebElement bad = variants.get(2);
        assertEquals(List.of("<script>alert(1)</script> </style>"), texts(bad.findElements(By.cssSelector(".diff ins"))));
        assertEquals(List.of("jobs/<img src=x onerror=alert(1)>.html"), texts(bad.findElements(By.cssSelector("ul.used-by li"))));
        assertTrue(groups.get(1).findElement(By.cssSelector(".sub")).getText().contains("majority variant"));
        assertEquals(List.of("great"), texts(groups.get(1).findElements(By.cssSelector(".diff ins"))));
        assertEquals(List.of(), js("return window.__dialogs"));
        assertEquals(0L, js("return document.querySelectorAll('img').length"));
        js("document.getElementById('drift').scrollIntoView()");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), OUT.resolve("drift-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
        assertQuiet();
    }

    // ---------------------------------------------------------------- helpers

    record Result(int exit, String stdout, String stderr) {
    }

    static Result runCli(Path workDir, String... args) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), "build the CLI jar first: " + JAR);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Files.createDirectories(OUT);
        Path out = Files.createTempFile(OUT, "cli-", ".out");
        Path err = Files.createTempFile(OUT, "cli-", ".err");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("posting-lint did not finish in 120 s: " + cmd);
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void open(Path html) {
        driver.manage().logs().get(LogType.BROWSER); // drop what earlier pages logged
        driver.get(html.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "true".equals(((JavascriptExecutor) d).executeScript("return document.documentElement.getAttribute('data-ready')")));
    }

    /** No console error or CSP report, and not a single network (or file) request beyond the page itself. */
    private static void assertQuiet() {
        List<String> problems = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue() || e.getMessage().contains("Content Security Policy")) {
                problems.add(e.getLevel() + " " + e.getMessage());
            }
        }
        assertEquals(List.of(), problems, "browser console");
        assertEquals(0L, js("return performance.getEntriesByType('resource').length"), "the report fetched something");
        assertEquals(List.of(), js("return window.__dialogs"));
    }

    private static Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    private static String stat(String name) {
        return driver.findElement(By.cssSelector("[data-stat=" + name + "]")).getText();
    }

    private static List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#postings-table tbody tr"));
    }

    private static List<String> visibleRowPaths() {
        List<String> out = new ArrayList<>();
        for (WebElement row : rows()) {
            if (row.isDisplayed()) {
                out.add(row.findElement(By.tagName("td")).getText());
            }
        }
        return out;
    }

    private static List<WebElement> visible(List<WebElement> elements) {
        return elements.stream().filter(WebElement::isDisplayed).toList();
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    private static void click(By by) {
        driver.findElement(by).click();
    }

    private static List<String> severities(JsonNode file) {
        List<String> out = new ArrayList<>();
        file.get("findings").forEach(f -> out.add(f.get("severity").asText()));
        return out;
    }

    private static void copyResource(String name, Path to) throws IOException {
        try (var in = HtmlReportIT.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, "test resource " + name);
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

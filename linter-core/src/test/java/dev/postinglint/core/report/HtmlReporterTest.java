package dev.postinglint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.source.SourceText;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The HTML report's structure and safety, checked without a browser (the cli module's HtmlReportIT uses one). */
class HtmlReporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String html(LintReport report) throws Exception {
        StringWriter w = new StringWriter();
        new HtmlReporter().write(report, w);
        return w.toString();
    }

    private static String hash(String text) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void contentSecurityPolicyAllowsOnlyTheInlineStyleAndScriptByHash() throws Exception {
        String out = html(ReportFixtures.hostile());
        Document doc = Jsoup.parse(out);
        Element csp = doc.selectFirst("head > meta[http-equiv=Content-Security-Policy]");
        assertNotNull(csp);
        Element firstActive = doc.selectFirst("head style, head script, head link");
        assertTrue(csp.siblingIndex() < firstActive.siblingIndex(), "the policy precedes every style, script and link");
        String policy = csp.attr("content");
        List<Element> scripts = doc.select("script");
        assertEquals(2, scripts.size(), "the data block and the page script, nothing else");
        Element data = doc.selectFirst("script#report-data");
        assertEquals("application/json", data.attr("type"));
        Element page = scripts.stream().filter(s -> !s.hasAttr("type")).findFirst().orElseThrow();
        List<Element> styles = doc.select("style");
        assertEquals(1, styles.size());
        assertTrue(policy.startsWith("default-src 'none'; "), policy);
        assertTrue(policy.contains("script-src '" + hash(page.data()) + "'"), "script hash must match the script as parsed");
        assertTrue(policy.contains("style-src '" + hash(styles.get(0).data()) + "'"), "style hash must match the style as parsed");
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval") || policy.contains("http"), policy);
        assertEquals(HtmlReporter.contentSecurityPolicy(), policy);
    }

    @Test
    void theMarkupIsConstantAndHostileDataCannotAddElementsOrHandlers() throws Exception {
        String hostile = html(ReportFixtures.hostile());
        String sample = html(ReportFixtures.sample());
        Document doc = Jsoup.parse(hostile);
        assertEquals(0, doc.select("img, iframe, object, embed, frame, base, form, svg, a").size(),
                "no data-driven elements exist before the script runs");
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertFalse(a.getKey().toLowerCase().startsWith("on"), "event handler attribute " + a);
                assertFalse(a.getValue().toLowerCase().contains("javascript:"), "javascript: URL in " + a);
            }
            assertFalse(e.hasAttr("src"), "nothing is loaded: " + e.tagName());
        }
        assertEquals("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E", doc.selectFirst("link[rel=icon]").attr("href"));
        String skeleton = hostile.substring(0, hostile.indexOf("<script type=\"application/json\""));
        assertEquals(skeleton, sample.substring(0, sample.indexOf("<script type=\"application/json\"")),
                "everything before the data block is the same whatever the findings");
    }

    @Test
    void theDataBlockIsEscapedAndRoundTrips() throws Exception {
        String out = html(ReportFixtures.hostile());
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL).matcher(out);
        assertTrue(m.find());
        String raw = m.group(1);
        for (String forbidden : List.of("<", ">", "&", "\u2028", "\u2029")) {
            assertFalse(raw.contains(forbidden), "the data block must not contain " + forbidden);
        }
        assertTrue(raw.contains("\\u003C/script\\u003E") || raw.contains("\\u003c/script\\u003e"));
        JsonNode data = HtmlData.decode(raw);
        String expected = ReportSupport.wellFormed(ReportFixtures.HOSTILE);
        JsonNode file = data.get("files").get(0);
        assertEquals(ReportFixtures.HOSTILE_PATH, file.get("path").asText());
        assertEquals(expected, file.get("title").asText());
        assertEquals(expected, file.get("location").asText());
        JsonNode f = file.get("findings").get(0);
        assertEquals(expected, f.get("message").asText());
        assertEquals(expected, f.get("excerpt").asText());
        assertEquals(expected, f.get("link").asText());
        assertEquals(expected, f.get("fix").get("replacement").asText());
        assertEquals(expected, f.get("fix").get("description").asText());
        JsonNode src = f.get("source");
        assertEquals("<b>", src.get("text").asText().substring(src.get("start").asInt(), src.get("end").asInt()));
        JsonNode drift = data.get("drift").get(0);
        assertEquals(expected, drift.get("block").asText());
        assertEquals("approved", drift.get("referenceKind").asText());
        JsonNode bad = drift.get("variants").get(1);
        assertEquals(List.of("same", "removed", "added"), bad.get("diff").findValuesAsText("kind"));
        assertEquals(expected, bad.get("diff").get(2).get("text").asText());
        assertFalse(bad.get("isReference").asBoolean());
        assertTrue(drift.get("variants").get(0).get("isReference").asBoolean());
        assertEquals(2, drift.get("variants").get(0).get("postings").size());
    }

    @Test
    void summaryCountsPostingsAndCategories() throws Exception {
        String out = html(ReportFixtures.sample());
        JsonNode data = HtmlData.decode(Jsoup.parse(out).selectFirst("script#report-data").data());
        JsonNode s = data.get("summary");
        assertEquals(4, s.get("files").asInt());
        assertEquals(2, s.get("passing").asInt(), "b (warning only) and c (clean) pass; a has errors, d is unreadable");
        assertEquals(3, s.get("errors").asInt());
        assertEquals(2, s.get("warnings").asInt());
        assertEquals(1, s.get("infos").asInt());
        assertEquals(List.of("age", "eeo", "inclusive-language", "input"), data.get("categories").findValuesAsText("name"));
        JsonNode lang = data.get("categories").get(2);
        assertEquals(1, lang.get("errors").asInt());
        assertEquals(2, lang.get("warnings").asInt());
        assertEquals(3, lang.get("total").asInt());
        assertEquals(List.of("demo 1", "extra <policy> \"2\""), List.of(data.get("policies").get(0).asText(), data.get("policies").get(1).asText()));
        assertEquals("2025-06-01", data.get("asOf").asText());
        assertEquals("9.9.9-test", data.get("tool").get("version").asText());
        JsonNode a = data.get("files").get(0);
        assertFalse(a.get("passes").asBoolean());
        assertEquals("London, UK", a.get("location").asText());
        assertTrue(data.get("files").get(3).get("ioError").asBoolean());
        assertEquals(0, data.get("drift").size());
    }

    @Test
    void highlightMarksTheMatchInTheSourceLineWindow() {
        String longLine = "x".repeat(300) + "rockstar" + "y".repeat(300);
        SourceText s = new SourceText("p.html", "<p>\n" + longLine + "\n</p>");
        int at = s.text().indexOf("rockstar");
        Finding f = ReportFixtures.finding(s, "r", "c", Severity.WARNING, "m", at, at + 8, null, null);
        assertTrue(f.line().startColumn() > 1, "the engine cut the line to a window");
        HtmlReporter.Highlight h = HtmlReporter.highlight(f);
        assertEquals("rockstar", h.text().substring(h.start(), h.end()));

        SourceText multi = new SourceText("p.html", "<p>Young\nand hungry</p>");
        Finding across = ReportFixtures.finding(multi, "r", "c", Severity.INFO, "m", 3, 19, null, null);
        HtmlReporter.Highlight h2 = HtmlReporter.highlight(across);
        assertEquals("Young", h2.text().substring(h2.start(), h2.end()), "a match running on marks the rest of its first line");

        Finding empty = ReportFixtures.finding(multi, "r", "c", Severity.ERROR, "m", 0, 0, null, null);
        assertNull(HtmlReporter.highlight(empty), "an empty span marks nothing");
        Finding missing = new Finding("r", "c", Severity.ERROR, "m", multi.span(3, 4), "", null, null, across.line());
        assertNull(HtmlReporter.highlight(missing), "a require rule's anchor character is not a match");
    }

    @Test
    void thePageScriptNeverTurnsDataIntoMarkupOrTouchesTheNetwork() {
        String js = HtmlReporter.js();
        for (String banned : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function(",
                "fetch(", "XMLHttpRequest", "WebSocket", "localStorage", "sessionStorage", "import(", "setTimeout('", ".src")) {
            assertFalse(js.contains(banned), "report.js must not use " + banned);
        }
        assertTrue(js.contains("textContent"));
        assertTrue(js.contains("'http:'") && js.contains("'https:'") && js.contains("noopener noreferrer"),
                "only http(s) citations become links, and they open without opener or referrer");
    }
}

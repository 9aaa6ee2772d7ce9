package dev.postinglint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportSupportTest {

    @Test
    void pathsBecomeUriReferences() {
        assertEquals("jobs/a.html", ReportSupport.pathToUri("jobs/a.html"));
        assertEquals("jobs/a.html", ReportSupport.pathToUri("jobs\\a.html"));
        assertEquals("my%20jobs/caf%C3%A9%20%F0%9F%98%80.html", ReportSupport.pathToUri("my jobs/café 😀.html"));
        assertEquals("a%25b%23c%3Fd%5Be%5D%7Bf%7D%3Ag.html", ReportSupport.pathToUri("a%b#c?d[e]{f}:g.html"));
        assertEquals("file:///srv/x%20y.html", ReportSupport.pathToUri("/srv/x y.html"));
        assertEquals("file:///C:/jobs/a.html", ReportSupport.pathToUri("C:\\jobs\\a.html"));
        assertTrue(ReportSupport.isAbsolutePath("/srv/a.html"));
        assertFalse(ReportSupport.isAbsolutePath("srv/a.html"));
    }

    @Test
    void xmlTextEscapesWhatXmlCannotCarry() {
        assertEquals("a\nb\nc\td", ReportSupport.xmlText("a\r\nb\rc\td"));
        assertEquals("x\\x00\\x01\\x1b\\ufffe\\uffffy", ReportSupport.xmlText("x\u0000\u0001\u001b\ufffe\uffffy"));
        assertEquals("\ud83d\ude00", ReportSupport.xmlText("\ud83d\ude00"));
        assertEquals("a\\ud800b", ReportSupport.xmlText("a\ud800b"));
        assertEquals("a\\udc00b", ReportSupport.xmlText("a\udc00b"));
        assertEquals("a b c d", ReportSupport.xmlAttr("a\nb\r\nc\td"));
    }

    @Test
    void wellFormedReplacesOnlyLoneSurrogates() {
        assertEquals("a\ufffdb\ud83d\ude00\ufffd", ReportSupport.wellFormed("a\udc00b\ud83d\ude00\ud83d"));
        String fine = "plain";
        assertTrue(fine == ReportSupport.wellFormed(fine), "no copy when nothing changes");
    }

    @Test
    void onlyAbsoluteWebLinksCount() {
        for (String ok : List.of("https://askjan.org/", "http://example.org/a?b=c", " https://x.org ")) {
            assertTrue(ReportSupport.isWebLink(ok), ok);
        }
        for (String bad : List.of("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//evil.org", "/rules/x",
                "https://", "https://a b.org", "ftp://x.org")) {
            assertFalse(ReportSupport.isWebLink(bad), bad);
        }
        assertFalse(ReportSupport.isWebLink(null));
    }
}

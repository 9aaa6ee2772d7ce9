package dev.postinglint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which files the report goal writes, whatever formats this build of the core registers. */
class ReportFormatsChoiceTest {
    @Test
    void htmlComesFirstWhenAvailable() {
        assertEquals(List.of("html"), ReportMojo.reportFormats(List.of("text", "json", "html"), List.of()));
        assertEquals(List.of("html", "json", "sarif"),
                ReportMojo.reportFormats(List.of("text", "json", "sarif", "html"), List.of("json", "html", "sarif")));
    }

    @Test
    void withoutHtmlTheAskedFormatsOrJson() {
        assertEquals(List.of("json"), ReportMojo.reportFormats(List.of("text", "json"), List.of()));
        assertEquals(List.of("text"), ReportMojo.reportFormats(List.of("text", "json"), List.of("text")));
    }
}

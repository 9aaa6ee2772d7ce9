package dev.postinglint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/MAVEN.md's {@code <reporting>} example is what the invoker build site-report runs {@code mvn site} with,
 * but for what the build adds to keep its page small and its counts fixed ({@code excludeDefaults}, {@code asOf})
 * and the version (the build's own).
 */
class SiteReportExampleTest {
    private static final String SECTION = "## The site report";

    private static Path property(String name) {
        String value = System.getProperty(name);
        assertNotNull(value, name + " is set by the surefire configuration");
        return Path.of(value);
    }

    @Test
    void docsReportingBlockIsTheSiteReportBuilds() throws IOException {
        String doc = Files.readString(property("postinglint.maven.doc"));
        int at = doc.indexOf("\n" + SECTION + "\n");
        assertTrue(at >= 0, "docs/MAVEN.md has a section '" + SECTION + "'");
        Matcher block = Pattern.compile("```xml\n(<reporting>.*?</reporting>)\n```", Pattern.DOTALL).matcher(doc);
        assertTrue(block.find(at), "the section starts with a <reporting> block");
        String documented = ReadmeExampleTest.normalize(block.group(1));

        Matcher reporting = Pattern.compile("<reporting>.*?</reporting>")
                .matcher(ReadmeExampleTest.normalize(Files.readString(property("postinglint.it.site.pom"))));
        assertTrue(reporting.find(), "the site-report build has <reporting>");
        String version = documented.replaceAll(".*?posting-lint-maven-plugin</artifactId><version>([^<]+)</version>.*", "$1");
        String built = reporting.group()
                .replace("<excludeDefaults>true</excludeDefaults>", "")
                .replaceAll("<asOf>[0-9-]+</asOf>", "")
                .replace("@project.version@", version);

        assertEquals(built, documented);
        assertTrue(documented.contains("<artifactId>posting-lint-maven-plugin</artifactId>"), documented);
    }
}

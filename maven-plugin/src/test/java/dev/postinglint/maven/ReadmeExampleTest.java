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
 * The README's "Use it in Maven" block is what the integration test check-violations-fail builds
 * with real Maven: same coordinates, same configuration. Only the version differs, as the IT
 * takes it from this build ({@code @project.version@}).
 */
class ReadmeExampleTest {
    private static final String SECTION = "## Use it in Maven";

    private static Path property(String name) {
        String value = System.getProperty(name);
        assertNotNull(value, name + " is set by the surefire configuration");
        return Path.of(value);
    }

    static String readmePlugin(String readme) {
        int at = readme.indexOf("\n" + SECTION + "\n");
        assertTrue(at >= 0, "README has a section '" + SECTION + "'");
        Matcher m = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(at), "the section has an xml block");
        return m.group(1);
    }

    static String pomPlugin(String pom) {
        Matcher m = Pattern.compile("<plugin>.*?</plugin>", Pattern.DOTALL).matcher(withoutComments(pom));
        assertTrue(m.find(), "the IT pom has a plugin");
        return m.group();
    }

    /** Comments dropped, whitespace between tags ignored, other runs of whitespace made one space. */
    static String normalize(String xml) {
        return withoutComments(xml).replaceAll(">\\s+<", "><").replaceAll("\\s+", " ").strip();
    }

    private static String withoutComments(String xml) {
        return xml.replaceAll("(?s)<!--.*?-->", "");
    }

    @Test
    void readmeBlockIsTheIntegrationTestsPlugin() throws IOException {
        String version = System.getProperty("postinglint.version");
        assertNotNull(version);
        String readme = normalize(readmePlugin(Files.readString(property("postinglint.readme"))));
        String it = normalize(pomPlugin(Files.readString(property("postinglint.it.pom"))).replace("@project.version@", version));

        assertEquals(it, readme);
        assertTrue(readme.contains("<version>" + version + "</version>"), readme);
        assertTrue(readme.contains("<goal>check</goal>"), readme);
    }

    @Test
    void normalizingKeepsValuesAndDropsLayout() {
        assertEquals("<a><b>x y</b></a>", normalize("<a>\n  <!-- note -->\n  <b>x  y</b>\n</a>\n"));
        assertTrue(!normalize("<a><b>x</b></a>").equals(normalize("<a><b>z</b></a>")));
    }
}

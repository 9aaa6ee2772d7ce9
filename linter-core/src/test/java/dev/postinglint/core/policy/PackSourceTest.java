package dev.postinglint.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.jurisdiction.Gazetteer;
import dev.postinglint.core.rules.RuleTypes;
import dev.postinglint.core.yaml.PolicyException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packs and the gazetteer come from the PackSource handed to the loader, never from a global. */
class PackSourceTest {
    @TempDir
    Path dir;

    /** A source with one pack and the given gazetteer. */
    private static PackSource source(Gazetteer gazetteer) {
        return new PackSource() {
            @Override
            public List<String> names() {
                return List.of("mine");
            }

            @Override
            public InputStream open(String name) {
                return name.equals("mine") ? new ByteArrayInputStream("""
                        name: mine
                        fields:
                          location:
                            pattern: 'Location: (?P<value>[^\n]+)'
                        rules:
                          - id: pay
                            type: require
                            severity: warning
                            category: pay
                            pattern: '\\$\\d+'
                            when:
                              jurisdiction: [US-CO]
                        """.getBytes(StandardCharsets.UTF_8)) : null;
            }

            @Override
            public Gazetteer gazetteer() {
                return gazetteer;
            }

            @Override
            public String gazetteerLocation() {
                return "test:gazetteer";
            }
        };
    }

    @Test
    void builtinPacksComeFromTheSourceTheLoaderWasGiven() {
        Gazetteer g = new Gazetteer(Map.of("regions", List.of(Map.of("code", "US-CO", "names", List.of("Colorado")))));
        PolicyLoader loader = new PolicyLoader(RuleTypes.builtin(), source(g));
        assertEquals(List.of("mine"), loader.builtinNames());
        Policy p = loader.load("builtin:mine", null);
        assertSame(g, p.gazetteer(), "the policy resolves places with the source's gazetteer");
        PolicyException e = assertThrows(PolicyException.class, () -> loader.load("builtin:default", null));
        assertTrue(e.getMessage().contains("unknown built-in pack 'builtin:default' (available: mine)"), e.getMessage());
    }

    @Test
    void aJurisdictionRuleWithAnEmptyGazetteerFailsLoudlyAtTheRule() {
        PolicyLoader loader = new PolicyLoader(RuleTypes.builtin(), source(Gazetteer.EMPTY));
        PolicyException e = assertThrows(PolicyException.class, () -> loader.load("builtin:mine", null));
        assertTrue(e.getMessage().startsWith("builtin:mine:7:5:"), e.getMessage());
        assertTrue(e.getMessage().contains("rule 'pay' judges jurisdictions, but no gazetteer was found (test:gazetteer"),
                e.getMessage());
    }

    @Test
    void aPolicyWithoutJurisdictionRulesNeedsNoGazetteer() throws IOException {
        Files.writeString(dir.resolve("p.yaml"), """
                name: plain
                rules:
                  - id: no-rockstar
                    type: forbid
                    severity: error
                    category: wording
                    phrase: rockstar
                """);
        Policy p = new PolicyLoader(RuleTypes.builtin(), source(Gazetteer.EMPTY)).load("p.yaml", dir);
        assertSame(Gazetteer.EMPTY, p.gazetteer());
    }

    @Test
    void theClasspathSourceReadsTheGazetteerOnce() {
        ClasspathPacks packs = new ClasspathPacks(getClass().getClassLoader());
        assertFalse(packs.gazetteer().isEmpty(), "the test classpath has a gazetteer");
        assertSame(packs.gazetteer(), packs.gazetteer());
        assertTrue(new ClasspathPacks(new ClassLoader(null) { }).gazetteer().isEmpty(), "no resources: an empty gazetteer");
    }
}

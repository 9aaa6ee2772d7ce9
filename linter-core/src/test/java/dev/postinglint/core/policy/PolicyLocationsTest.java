package dev.postinglint.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.rules.RuleTypes;
import dev.postinglint.core.yaml.PolicyException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A company's policy shipped as a jar: read as {@code jar:FILE!/PATH} and as {@code classpath:PATH} through a
 * class loader (as the Maven plugin's dependencies give it), with relative {@code extends:} inside the jar.
 */
class PolicyLocationsTest {
    @TempDir
    Path dir;
    Path jar;

    static final String COMPANY = """
            name: acme
            version: "2026.11"
            extends: common/base.yaml
            rules:
              - id: no-ninja
                type: forbid
                severity: warning
                category: inclusive-language
                pattern: '(?i)\\bninja\\b'
            """;
    static final String BASE = """
            name: acme-base
            rules:
              - id: no-rockstar
                type: forbid
                severity: error
                category: inclusive-language
                pattern: '(?i)\\brockstar\\b'
            """;

    @BeforeEach
    void policyJar() throws IOException {
        jar = dir.resolve("acme-policy-1.0.jar");
        write(jar, Map.of("acme/policy.yaml", COMPANY, "acme/common/base.yaml", BASE, "acme/broken.yaml", "name: b\nextends: nope.yaml\n"));
    }

    static void write(Path jar, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                j.putNextEntry(new JarEntry(e.getKey()));
                j.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
    }

    private static List<String> ruleIds(Policy p) {
        return p.rules().stream().map(r -> r.id()).toList();
    }

    @Test
    void aJarGivenByPathWithExtendsInsideIt() {
        Policy p = new PolicyLoader().load("jar:acme-policy-1.0.jar!/acme/policy.yaml", dir);
        assertEquals("acme 2026.11", p.label());
        assertEquals(List.of("no-rockstar", "no-ninja"), ruleIds(p), "common/base.yaml resolved inside the jar");
        Policy asJarUrl = new PolicyLoader().load("jar:" + jar.toUri() + "!/acme/policy.yaml", dir);
        assertEquals(ruleIds(p), ruleIds(asJarUrl), "a jar:file: URL");
    }

    @Test
    void aFileUrl() throws IOException {
        Path base = Files.writeString(dir.resolve("base.yaml"), BASE);
        assertEquals(List.of("no-rockstar"), ruleIds(new PolicyLoader().load(base.toUri().toString(), null)));
    }

    @Test
    void theClassPathOfAPluginsDependencies() throws IOException {
        try (URLClassLoader deps = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            PolicyLoader loader = new PolicyLoader(RuleTypes.builtin(), new ClasspathPacks(deps));
            assertEquals(List.of("no-rockstar", "no-ninja"), ruleIds(loader.load("classpath:acme/policy.yaml", dir)));
            assertEquals(List.of("no-rockstar", "no-ninja"), ruleIds(loader.load("classpath:/acme/policy.yaml", dir)),
                    "a leading slash, as Checkstyle's configLocation allows");
            PolicyException missing = assertThrows(PolicyException.class, () -> loader.load("classpath:acme/nope.yaml", dir));
            assertTrue(missing.getMessage().contains("'classpath:acme/nope.yaml' is not on the class path")
                    && missing.getMessage().contains("<dependency> of the plugin"), missing.getMessage());
        }
    }

    @Test
    void mistakesNameTheJarAndThePlace() {
        PolicyException noJar = assertThrows(PolicyException.class, () -> new PolicyLoader().load("jar:missing.jar!/a.yaml", dir));
        assertTrue(noJar.getMessage().contains("policy jar not found: " + dir.resolve("missing.jar")), noJar.getMessage());
        PolicyException noEntry = assertThrows(PolicyException.class,
                () -> new PolicyLoader().load("jar:acme-policy-1.0.jar!/acme/other.yaml", dir));
        assertTrue(noEntry.getMessage().contains("policy file not found: jar:file:") && noEntry.getMessage().endsWith("!/acme/other.yaml"),
                noEntry.getMessage());
        PolicyException inside = assertThrows(PolicyException.class,
                () -> new PolicyLoader().load("jar:acme-policy-1.0.jar!/acme/broken.yaml", dir));
        assertTrue(inside.getMessage().contains("acme-policy-1.0.jar!/acme/broken.yaml:2:")
                && inside.getMessage().contains("policy file not found: jar:file:"), inside.getMessage());
        PolicyException noBang = assertThrows(PolicyException.class, () -> new PolicyLoader().load("jar:acme-policy-1.0.jar", dir));
        assertTrue(noBang.getMessage().contains("must be jar:FILE!/PATH"), noBang.getMessage());
        PolicyException http = assertThrows(PolicyException.class, () -> new PolicyLoader().load("jar:http://example.org/p.jar!/a.yaml", dir));
        assertTrue(http.getMessage().contains("not http: URLs") || http.getMessage().contains("policy jar not found"), http.getMessage());
    }

    /** Found by fuzzing the loader: an opaque {@code file:} URL ended the load with IllegalArgumentException. */
    @Test
    void oddFileUrlsInExtendsAreErrorsAtTheirPlace() throws IOException {
        for (String url : List.of("file:inamefault", "file://host/base.yaml", "file:/tmp/base.yaml?x=1", "jar:file:x!/a.yaml")) {
            Path team = Files.writeString(dir.resolve("team.yaml"), "name: team\nextends:\n  - " + url + "\nrules: []\n");
            PolicyException e = assertThrows(PolicyException.class, () -> new PolicyLoader().load(team.toString(), dir), url);
            assertTrue(e.getMessage().startsWith(team + ":3:5: "), e.getMessage());
            assertTrue(e.getMessage().contains("'" + url + "'"), e.getMessage());
        }
    }
}

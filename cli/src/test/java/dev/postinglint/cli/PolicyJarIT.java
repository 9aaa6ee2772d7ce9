package dev.postinglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --policy jar:FILE!/PATH}: the policy jar the Maven plugin reads as classpath:, used by the real CLI. */
class PolicyJarIT {
    @TempDir
    Path tmp;

    @Test
    void thePolicyInsideAJarWithItsRelativeExtends() throws IOException {
        try (OutputStream out = Files.newOutputStream(tmp.resolve("acme-policy-2.0.jar")); JarOutputStream jar = new JarOutputStream(out)) {
            entry(jar, "acme/careers-policy.yaml", """
                    name: acme-careers
                    version: "2.0"
                    extends: common/base.yaml
                    rules: []
                    """);
            entry(jar, "acme/common/base.yaml", """
                    name: acme-base
                    rules:
                      - id: no-rockstar
                        type: forbid
                        severity: error
                        category: inclusive-language
                        pattern: '(?i)\\brockstar\\b'
                    """);
        }
        Files.createDirectories(tmp.resolve("postings"));
        Files.writeString(tmp.resolve("postings/a.html"), "<p>A rockstar.</p>\n");

        Cli.Result r = Cli.run(tmp, "check", "--policy", "jar:acme-policy-2.0.jar!/acme/careers-policy.yaml", "--format", "json", "postings");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("\"ruleId\" : \"no-rockstar\""), r.toString());
        assertTrue(r.out().contains("\"acme-careers 2.0\""), r.toString());

        Cli.Result missing = Cli.run(tmp, "check", "--policy", "jar:acme-policy-2.0.jar!/acme/nope.yaml", "postings");
        assertEquals(2, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("policy file not found: jar:file:") && missing.err().contains("acme-policy-2.0.jar!/acme/nope.yaml"),
                missing.toString());
    }

    private static void entry(JarOutputStream jar, String name, String text) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(text.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }
}

package dev.postinglint.core.policy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.yaml.PolicyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pattern whose compiled program would be huge is refused at load time, at its place in the policy. */
class HostilePatternTest {
    @TempDir
    Path dir;

    private String load(String pattern) throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), """
                name: hostile
                rules:
                  - id: r
                    type: forbid
                    severity: error
                    category: c
                    pattern: '%s'
                """.formatted(pattern));
        return assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(PolicyException.class, () -> new PolicyLoader().load("policy.yaml", dir)).getMessage());
    }

    @Test
    void nestedCountedRepetitionIsRefusedWithFileLineAndColumn() throws Exception {
        String m = load("((((a{100}){100}){100}){100})");
        assertTrue(m.contains("policy.yaml:7:14"), m);
        assertTrue(m.contains("would compile to a program of about"), m);
        assertTrue(m.contains("the limit is 20000"), m);
        String m2 = load("(a{1000}){1000}");
        assertTrue(m2.contains("about 2001000 instructions"), m2);
        assertTrue(load("((((((((((a{1000}){1000}){1000}){1000}){1000}){1000}){1000}){1000}){1000}){1000})").contains("more than 10^9"));
    }

    @Test
    void ordinaryCountsLoad() throws Exception {
        for (String ok : new String[] {"[a-z]{1,1000}", "(\\\\w+\\\\s?){1,30}", "(?i)\\\\b(rock ?stars?|ninjas?)\\\\b", "\\\\d{3}-\\\\d{4}"}) {
            Files.writeString(dir.resolve("policy.yaml"), """
                    name: hostile
                    rules:
                      - id: r
                        type: forbid
                        severity: error
                        category: c
                        pattern: "%s"
                    """.formatted(ok));
            new PolicyLoader().load("policy.yaml", dir);
        }
    }
}

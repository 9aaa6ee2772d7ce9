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

    @Test
    void aliasBombsAndDeepNestingAreReportedAtTheirPlace() throws Exception {
        StringBuilder bomb = new StringBuilder("name: bomb\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String prev = "*" + (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [").append(String.join(", ", java.util.Collections.nCopies(6, prev))).append("]\n");
        }
        Files.writeString(dir.resolve("policy.yaml"), bomb);
        String m = assertThrows(PolicyException.class, () -> new PolicyLoader().load("policy.yaml", dir)).getMessage();
        assertTrue(m.matches("(?s).*policy\\.yaml:11:\\d+: invalid YAML: Number of aliases.*"), m);

        Files.writeString(dir.resolve("policy.yaml"), "name: deep\nrules:\n  - a: " + "[".repeat(60) + "1" + "]".repeat(60) + "\n");
        String deep = assertThrows(PolicyException.class, () -> new PolicyLoader().load("policy.yaml", dir)).getMessage();
        assertTrue(deep.matches("(?s).*policy\\.yaml:3:\\d+: invalid YAML: Nesting Depth exceeded.*"), deep);
    }
}

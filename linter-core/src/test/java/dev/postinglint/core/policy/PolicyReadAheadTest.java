package dev.postinglint.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.rules.RuleTypes;
import dev.postinglint.core.yaml.PolicyException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Built-in packs are read and parsed ahead on other threads while the loader works on the files that
 * extend them; the policy, and every problem and its order, must be what a load on one thread gives.
 */
class PolicyReadAheadTest {
    private static final RuleTypes TYPES = RuleTypes.builtin();

    /** Every pack the rules module ships (from its sources: that module depends on this one). */
    @Test
    void everyShippedPackLoadsTheSameWithAndWithoutReadAhead() throws java.io.IOException {
        java.net.URL resources = Path.of("../rules/src/main/resources").toRealPath().toUri().toURL();
        PackSource shipped = new ClasspathPacks(new java.net.URLClassLoader(new java.net.URL[] {resources}, null));
        PolicyLoader one = new PolicyLoader(TYPES, shipped, 0);
        PolicyLoader ahead = new PolicyLoader(TYPES, shipped, 3);
        List<String> names = one.builtinNames();
        assertTrue(names.contains("default") && names.size() > 5, names.toString());
        for (String name : names) {
            Policy a = one.load("builtin:" + name, null);
            Policy b = ahead.load("builtin:" + name, null);
            assertEquals(a.sources(), b.sources(), name);
            assertEquals(a.rules().stream().map(r -> r.id() + " " + r.severity() + " " + r.enabled()).toList(),
                    b.rules().stream().map(r -> r.id() + " " + r.severity() + " " + r.enabled()).toList(), name);
            assertEquals(PolicyPrinter.print(a), PolicyPrinter.print(b), name);
            assertEquals(a.gazetteer().isEmpty(), b.gazetteer().isEmpty(), name);
        }
    }

    /**
     * Problems in several extended packs (a diamond, a pack that cannot be composed, an unknown pack, a
     * cycle, rules with bad keys): the same message, listing the same problems in the same order.
     */
    @Test
    void problemsInPacksReadAheadAreReportedAsOneThreadReportsThem() {
        Map<String, String> packs = Map.of(
                "top", """
                        name: top
                        extends: [builtin:a, builtin:b, builtin:broken, builtin:nope, builtin:c]
                        rules:
                          - {id: top-rule, type: forbid, severity: warning, category: wording, phrases: [rockstar], colour: red}
                        """,
                "a", """
                        name: a
                        extends: [builtin:b]
                        rules:
                          - {id: a-rule, type: forbid, severity: loud, category: wording, phrases: [ninja]}
                          - {id: a-rule-2, type: forbid, severity: warning, category: wording, pattern: '(unclosed'}
                        """,
                "b", """
                        name: b
                        rules:
                          - {id: b-rule, type: frobnicate, severity: warning, category: wording}
                        overrides:
                          no-such-rule: off
                        """,
                "broken", "name: broken\nrules: [ {id: x\n",
                "c", """
                        name: c
                        extends: [builtin:top]
                        rules:
                          - {id: top-rule, type: forbid, severity: warning, category: wording, phrases: [guru]}
                        """);
        PackSource source = new MemoryPacks(packs, "test:gazetteer");
        String one = assertThrows(PolicyException.class, () -> new PolicyLoader(TYPES, source, 0).load("builtin:top", null)).getMessage();
        for (int i = 0; i < 5; i++) {
            String ahead = assertThrows(PolicyException.class, () -> new PolicyLoader(TYPES, source, 3).load("builtin:top", null)).getMessage();
            assertEquals(one, ahead);
        }
        for (String expected : List.of("builtin:a", "builtin:b", "builtin:broken", "unknown built-in pack 'builtin:nope'", "cycle",
                "severity must be", "unknown rule type 'frobnicate'", "no-such-rule")) {
            assertTrue(one.contains(expected), expected + " in:\n" + one);
        }
    }
}

package dev.postinglint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.postinglint.core.policy.ClasspathPacks;

import dev.postinglint.core.engine.ExampleRunner;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.policy.PolicyRule;
import dev.postinglint.core.rules.RuleTypes;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every shipped pack loads, and every example of every rule in it flags or passes as it says. */
class ShippedPacksTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);

    static Stream<String> packs() {
        return ClasspathPacks.shipped().names().stream();
    }

    @Test
    void theIndexListsTheDefaultPack() {
        assertTrue(ClasspathPacks.shipped().names().contains("default"), ClasspathPacks.shipped().names().toString());
    }

    @ParameterizedTest
    @MethodSource("packs")
    void everyExampleHolds(String pack) {
        Policy p = new PolicyLoader().load("builtin:" + pack, null);
        String own = "builtin:" + pack;
        List<ExampleRunner.Outcome> outcomes = ExampleRunner.run(p, own::equals, AS_OF);
        List<String> failures = outcomes.stream().filter(o -> !o.passed())
                .map(o -> o.ruleId() + " " + o.kind() + " [" + o.example() + "]: " + o.problem()).toList();
        assertEquals(List.of(), failures);
    }

    /**
     * The shipped packs are checked here, so a cold check need not check them again: their patterns' RE2/J
     * programs are compiled when a search first needs them ({@code PackSource#checked}). Each pack must load
     * from a source that is not trusted so, with every pattern checked and compiled on load as a user's policy
     * is, and give the same rules and the same automaton.
     */
    @ParameterizedTest
    @MethodSource("packs")
    void everyPackLoadsWithEveryPatternCheckedAsAUsersPolicyIs(String pack) {
        ClasspathPacks untrusted = new ClasspathPacks(ShippedPacksTest.class.getClassLoader());
        assertTrue(ClasspathPacks.shipped().checked());
        assertFalse(untrusted.checked());
        Policy shipped = new PolicyLoader().load("builtin:" + pack, null);
        Policy strict = new PolicyLoader(RuleTypes.builtin(), untrusted).load("builtin:" + pack, null);
        assertEquals(strict.rules().stream().map(r -> r.id() + " " + r.severity() + " " + r.enabled()).toList(),
                shipped.rules().stream().map(r -> r.id() + " " + r.severity() + " " + r.enabled()).toList());
        assertEquals(strict.matcher().size(), shipped.matcher().size());
    }

    @ParameterizedTest
    @MethodSource("packs")
    void everyRuleHasAFlagAndAPassExampleAndACitation(String pack) {
        // consistency and canonical rules are tested on the seed postings instead
        Policy p = new PolicyLoader().load("builtin:" + pack, null);
        for (PolicyRule r : p.rules()) {
            var info = r.rule().info();
            if (!info.origin().equals("builtin:" + pack)) {
                continue;
            }
            boolean coveredByPackExample = p.examples().stream().anyMatch(e -> e.flag().contains(info.id()))
                    && p.examples().stream().anyMatch(e -> e.pass().contains(info.id()));
            if (info.type().equals("consistency") || info.type().equals("canonical")) {
                continue; // judged on whole postings and runs: see SeedAcceptanceTest
            }
            assertTrue(coveredByPackExample || (!info.examples().flag().isEmpty() && !info.examples().pass().isEmpty()),
                    info.id() + " needs flag and pass examples");
            // A citation for every rule that rests on a source; editorial rules (drift) explain themselves.
            assertFalse((info.link() == null || info.link().isBlank()) && info.description().isBlank(),
                    info.id() + " needs a link: citation or a description");
            if (info.link() != null) {
                assertTrue(info.link().startsWith("https://"), info.id() + " link should be https: " + info.link());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("packs")
    void everyCitationIsAnAbsoluteHttpsAddress(String pack) {
        Policy p = new PolicyLoader().load("builtin:" + pack, null);
        for (PolicyRule r : p.rules()) {
            var info = r.rule().info();
            List<String> links = new java.util.ArrayList<>();
            if (info.link() != null) {
                links.add(info.link());
            }
            info.when().jurisdictions().stream().map(w -> w.link()).filter(java.util.Objects::nonNull).forEach(links::add);
            for (String link : links) {
                java.net.URI u = java.net.URI.create(link);
                assertTrue("https".equals(u.getScheme()) && u.getHost() != null, info.id() + ": " + link);
            }
        }
    }

    /**
     * A finding cites the law of the jurisdiction that brought its rule into scope: where a rule lists
     * several, each has a link of its own (a Delaware finding must not cite Colorado's regulation).
     */
    @ParameterizedTest
    @MethodSource("packs")
    void everyJurisdictionOfARuleWithSeveralCitesItsOwnLaw(String pack) {
        Policy p = new PolicyLoader().load("builtin:" + pack, null);
        for (PolicyRule r : p.rules()) {
            var info = r.rule().info();
            var windows = info.when().jurisdictions();
            if (!info.origin().equals("builtin:" + pack) || windows.size() < 2) {
                continue;
            }
            for (var w : windows) {
                assertTrue(w.link() != null, info.id() + ": " + w.code() + " has no link of its own");
            }
        }
    }

    @Test
    void thePasteArtifactsAreReportedOncePerPosting() {
        Policy p = new PolicyLoader().load("builtin:html-hygiene", null);
        for (String id : List.of("pasted-inline-style", "pasted-class", "empty-paragraph", "nbsp-padding")) {
            assertEquals(dev.postinglint.core.rules.ReportMode.ONCE_PER_POSTING, p.rule(id).orElseThrow().rule().info().report(), id);
        }
        for (String id : List.of("fake-heading", "vague-link-text", "blank-target-without-noopener", "insecure-link", "image-without-alt")) {
            assertEquals(dev.postinglint.core.rules.ReportMode.EACH, p.rule(id).orElseThrow().rule().info().report(),
                    id + ": each place is a problem of its own");
        }
    }
}

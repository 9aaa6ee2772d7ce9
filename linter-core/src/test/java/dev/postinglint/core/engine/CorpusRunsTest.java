package dev.postinglint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.policy.PolicyResolver;
import dev.postinglint.core.rules.CorpusRule;
import dev.postinglint.core.rules.FindingSink;
import dev.postinglint.core.rules.Rule;
import dev.postinglint.core.rules.RuleContext;
import dev.postinglint.core.rules.RuleInfo;
import dev.postinglint.core.rules.RuleType;
import dev.postinglint.core.rules.RuleTypes;
import dev.postinglint.core.yaml.YamlMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus-rule contract: a fresh state per run, typed observations in path order, the run's own threads. */
class CorpusRunsTest {
    @TempDir
    Path dir;

    /** What the test rule saw: per run, the observations' paths and the threads that judged its groups. */
    static final List<List<String>> RUNS = new ArrayList<>();
    static final Set<String> JUDGED_ON = ConcurrentHashMap.newKeySet();

    /** A corpus rule that keeps each posting's character count and judges one group per posting. */
    static final class CountingRule implements CorpusRule<Integer> {
        private final RuleInfo info;
        private final RuleContext.Slot<Integer> length = new RuleContext.Slot<>(Integer.class);

        CountingRule(RuleInfo info) {
            this.info = info;
        }

        @Override
        public RuleInfo info() {
            return info;
        }

        @Override
        public void check(RuleContext ctx, FindingSink sink) {
            ctx.put(length, ctx.posting().source().text().length());
        }

        @Override
        public Run<Integer> startRun() {
            List<String> seen = new ArrayList<>();
            synchronized (RUNS) {
                RUNS.add(seen);
            }
            return new Run<>() {
                @Override
                public Integer observe(RuleContext ctx) {
                    return ctx.get(length);
                }

                @Override
                public void finish(List<Observation<Integer>> observations, Workers workers, CorpusSink sink) {
                    observations.forEach(o -> seen.add(o.path() + "=" + o.data()));
                    List<String> threads = workers.map(observations.size(), i -> Thread.currentThread().getName());
                    JUDGED_ON.addAll(threads);
                }
            };
        }
    }

    static final class CountingType implements RuleType {
        @Override
        public String name() {
            return "counting";
        }

        @Override
        public Set<String> variables() {
            return Set.of();
        }

        @Override
        public String defaultMessage() {
            return "counted";
        }

        @Override
        public Rule create(RuleInfo info, YamlMap spec) {
            return new CountingRule(info);
        }
    }

    private LintReport run(int threads) throws IOException {
        Files.writeString(dir.resolve("p.yaml"), """
                name: counting
                rules:
                  - id: count
                    type: counting
                    severity: info
                    category: test
                """);
        List<InputFile> files = new ArrayList<>();
        for (String name : List.of("c.html", "a.html", "b.html")) {
            Path f = dir.resolve(name);
            Files.writeString(f, "<p>" + name.repeat(name.charAt(0) - 'a' + 1) + "</p>");
            files.add(InputFile.of(f));
        }
        Policy p = new PolicyLoader(new RuleTypes(List.of(new CountingType()))).load("p.yaml", dir);
        PolicyResolver resolver = PolicyResolver.fixed(p);
        return new Linter(LocalDate.of(2026, 6, 1), threads, Linter.DEFAULT_MAX_FILE_BYTES).lint(files, resolver);
    }

    @Test
    void eachRunStartsFreshAndSeesTypedObservationsInPathOrder() throws IOException {
        RUNS.clear();
        run(1);
        run(1);
        assertEquals(2, RUNS.size(), "one state per run");
        for (List<String> seen : RUNS) {
            assertEquals(3, seen.size(), seen.toString());
            assertTrue(seen.get(0).endsWith("a.html=13") && seen.get(1).endsWith("b.html=19") && seen.get(2).endsWith("c.html=25"),
                    seen.toString());
        }
    }

    @Test
    void groupsAreJudgedOnTheRunsOwnThreads() throws IOException {
        JUDGED_ON.clear();
        run(1);
        assertEquals(Set.of(Thread.currentThread().getName()), JUDGED_ON, "one thread: judged on the caller's");
        JUDGED_ON.clear();
        run(2);
        assertTrue(JUDGED_ON.stream().allMatch(n -> n.equals("posting-lint-worker")), JUDGED_ON.toString());
    }
}

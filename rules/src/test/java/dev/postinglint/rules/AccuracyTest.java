package dev.postinglint.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.policy.PolicyRule;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The default pack on real postings that no one here wrote (src/test/resources/accuracy: sources and
 * licences in each folder's NOTICE.md; the method in docs/ACCURACY.md). Each posting has an
 * {@code .expected.yaml} written by reading it: the errors and warnings it should get ({@code expect})
 * and the ones whose law's reach the research notes do not settle ({@code unsure}, counted neither way).
 * Each posting is linted on its own (drift across postings is not judged here). Precision of the
 * errors and warnings reported, and recall of the expected ones, must each be at least 95%.
 */
class AccuracyTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);

    record Outcome(String posting, Set<String> expected, Set<String> unsure, Set<String> reported) {
        Set<String> falsePositives() {
            Set<String> s = new TreeSet<>(reported);
            s.removeAll(expected);
            s.removeAll(unsure);
            return s;
        }

        Set<String> misses() {
            Set<String> s = new TreeSet<>(expected);
            s.removeAll(reported);
            return s;
        }

        int truePositives() {
            Set<String> s = new TreeSet<>(reported);
            s.retainAll(expected);
            return s.size();
        }
    }

    static List<Outcome> run() throws IOException, URISyntaxException {
        Path root = Path.of(AccuracyTest.class.getResource("/accuracy").toURI());
        Policy policy = new PolicyLoader().load("builtin:default", null);
        List<Path> postings;
        try (Stream<Path> s = Files.walk(root)) {
            postings = s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".expected.yaml") && !p.getFileName().toString().equals("NOTICE.md"))
                    .sorted().toList();
        }
        List<Outcome> out = new ArrayList<>();
        for (Path posting : postings) {
            Path exp = posting.resolveSibling(posting.getFileName() + ".expected.yaml");
            assertTrue(Files.exists(exp), "no expected findings for " + root.relativize(posting));
            Map<String, Object> e;
            try (Reader r = Files.newBufferedReader(exp)) {
                e = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            }
            // One posting per run: the drift rules compare postings of a run and are not judged here.
            FileResult result = new Linter(AS_OF, 1, Linter.DEFAULT_MAX_FILE_BYTES)
                    .lint(List.of(InputFile.of(posting)), p -> policy).files().get(0);
            Set<String> reported = new TreeSet<>();
            for (Finding f : result.findings()) {
                if (f.severity() != Severity.INFO) {
                    reported.add(f.ruleId());
                }
            }
            out.add(new Outcome(root.relativize(posting).toString(), ids(e.get("expect")), ids(e.get("unsure")), reported));
        }
        return out;
    }

    private static Set<String> ids(Object o) {
        Set<String> s = new TreeSet<>();
        if (o instanceof List<?> l) {
            l.forEach(x -> s.add(String.valueOf(x)));
        }
        return s;
    }

    /** Right, false and missed counts of the rule ids of one severity (null: every severity). */
    record Tally(int right, int wrong, int missed) {
        static Tally of(List<Outcome> outcomes, Map<String, Severity> severities, Severity only) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (Outcome o : outcomes) {
                Set<String> reported = new TreeSet<>(o.reported());
                reported.retainAll(o.expected());
                tp += count(reported, severities, only);
                fp += count(o.falsePositives(), severities, only);
                fn += count(o.misses(), severities, only);
            }
            return new Tally(tp, fp, fn);
        }

        private static int count(Set<String> ids, Map<String, Severity> severities, Severity only) {
            return (int) ids.stream().filter(id -> only == null || severities.get(id) == only).count();
        }

        double precision() {
            return right + wrong == 0 ? 1.0 : (double) right / (right + wrong);
        }

        double recall() {
            return right + missed == 0 ? 1.0 : (double) right / (right + missed);
        }

        String line() {
            return String.format(java.util.Locale.ROOT, "%d right, %d false, %d missed; precision %.3f, recall %.3f",
                    right, wrong, missed, precision(), recall());
        }
    }

    @Test
    void precisionAndRecallOnRealPostings() throws Exception {
        List<Outcome> outcomes = run();
        Map<String, Severity> severities = new java.util.HashMap<>();
        for (PolicyRule r : new PolicyLoader().load("builtin:default", null).enabledRules()) {
            severities.put(r.rule().info().id(), r.severity());
        }
        StringBuilder report = new StringBuilder();
        for (Outcome o : outcomes) {
            if (!o.falsePositives().isEmpty() || !o.misses().isEmpty()) {
                report.append("\n  ").append(o.posting()).append(": false ").append(o.falsePositives()).append(", missed ").append(o.misses());
            }
        }
        Tally all = Tally.of(outcomes, severities, null);
        double precision = all.precision();
        double recall = all.recall();
        String summary = String.format(java.util.Locale.ROOT, "%d postings: %s (errors: %s; warnings: %s)%s",
                outcomes.size(), all.line(), Tally.of(outcomes, severities, Severity.ERROR).line(),
                Tally.of(outcomes, severities, Severity.WARNING).line(), report);
        System.out.println("[accuracy] " + summary);
        assertTrue(outcomes.size() >= 25, summary);
        assertTrue(precision >= 0.95, summary);
        assertTrue(recall >= 0.95, summary);
    }
}

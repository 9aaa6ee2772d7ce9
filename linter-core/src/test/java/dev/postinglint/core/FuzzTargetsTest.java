package dev.postinglint.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.filter.Baseline;
import dev.postinglint.core.fix.FixPlanner;
import dev.postinglint.core.input.BoardExport;
import dev.postinglint.core.input.FrontMatter;
import dev.postinglint.core.input.InputProblem;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.policy.MemoryPacks;
import dev.postinglint.core.policy.PackSource;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.posting.MarkdownParser;
import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.posting.PostingParser;
import dev.postinglint.core.posting.TextView;
import dev.postinglint.core.posting.UnreadableMarkup;
import dev.postinglint.core.rules.RuleContext;
import dev.postinglint.core.rules.RuleTypes;
import dev.postinglint.core.source.SourceText;
import dev.postinglint.core.yaml.PolicyException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzz targets (Jazzer). In {@code mvn verify} each runs its seed corpus
 * ({@code src/test/resources/dev/postinglint/core/FuzzTargetsTestInputs/METHOD/}) as regression
 * tests; {@code JAZZER_FUZZ=1} fuzzes one for its {@code maxDuration} (docs/RELIABILITY.md). An
 * input passes when the code under test returns or refuses it with its documented exception (a
 * policy error, an input problem); anything else (another exception, a stack overflow, a broken
 * invariant) is a finding, which Jazzer saves as a new regression input.
 *
 * <p>All targets are in one class so the Jazzer agent starts once per build. The class is in the core's
 * root package because Jazzer's JUnit integration instruments, for coverage, the fuzz test's package and
 * those below it: from here that is the whole core.
 */
class FuzzTargetsTest {
    /**
     * The most characters a text target reads from one input. Costs grow with the input's length, so
     * the fuzzer spends its time on many short inputs instead of few long ones; 4,096 is also
     * libFuzzer's default maximum length (as long as no seed is longer) and is far past every
     * structural limit the readers enforce (100 levels of nesting take 200 characters).
     */
    static final int MAX_TEXT = 4096;

    private static final Path SCRATCH;
    private static final Path BASELINE = Path.of("fuzz", "baseline.json");
    private static final Policy FIXING;

    /**
     * Built-in packs for the policy loader target, in memory and built once: {@code builtin:default} and
     * {@code builtin:cloudflare} (which the seeds extend) resolve, so the fuzzer reaches merging and
     * overriding without each execution searching every jar of the test class path for a pack.
     */
    private static final PackSource PACKS = new MemoryPacks(Map.of(
            "default", """
                    name: default
                    version: "1"
                    fields:
                      location:
                        pattern: '(?i)location:\\s*(?P<value>[^\\n]{2,80})'
                    rules:
                      - id: no-rockstar
                        type: forbid
                        severity: error
                        category: wording
                        pattern: '(?i)rock ?stars?'
                        replace: engineer
                      - id: pay-range-present
                        type: require
                        severity: warning
                        category: pay
                        pattern: '\\$\\d+'
                        message: No pay range
                      - id: section-drift
                        type: consistency
                        severity: info
                        category: boilerplate
                        group-by: heading
                    """,
            "cloudflare", """
                    name: cloudflare
                    extends: [builtin:default]
                    company:
                      name: Cloudflare
                      offices: [Austin, TX]
                    rules:
                      - id: no-ninja
                        type: forbid
                        severity: warning
                        category: wording
                        pattern: '(?i)ninja'
                    """), "fuzz:gazetteer.yaml");

    static {
        try {
            SCRATCH = Files.createTempDirectory("posting-lint-fuzz");
            SCRATCH.toFile().deleteOnExit();
            Files.writeString(SCRATCH.resolve("fixing.yaml"), """
                    name: fixing
                    rules:
                      - id: no-rockstar
                        type: forbid
                        severity: error
                        category: c
                        pattern: '(?i)rock ?stars?'
                        replace: engineer
                      - id: no-ninja
                        type: forbid
                        severity: warning
                        category: c
                        pattern: '(?i)ninja|guru'
                        replace: expert
                    """);
            FIXING = new PolicyLoader().load("fixing.yaml", SCRATCH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The policy loader: any bytes either load or fail with a PolicyException (file:line:col). */
    @FuzzTest(maxDuration = "60s")
    void policyLoader(FuzzedDataProvider data) throws IOException {
        Path p = SCRATCH.resolve("policy.yaml");
        Files.write(p, data.consumeRemainingAsBytes());
        try {
            new PolicyLoader(RuleTypes.builtin(), PACKS).load("policy.yaml", SCRATCH);
        } catch (PolicyException expected) {
            assertTrue(expected.getMessage().startsWith(expected.location()), expected.getMessage());
        }
    }

    /** The packs the policy loader target extends are valid, so the fuzzer starts from policies that load. */
    @org.junit.jupiter.api.Test
    void theFuzzPacksLoad() throws IOException {
        Files.writeString(SCRATCH.resolve("extends.yaml"), "name: x\nextends: [builtin:cloudflare]\n");
        Policy p = new PolicyLoader(RuleTypes.builtin(), PACKS).load("extends.yaml", SCRATCH);
        assertEquals(List.of("no-ninja", "no-rockstar", "pay-range-present", "section-drift"),
                p.enabledRules().stream().map(r -> r.id()).sorted().toList());
    }

    /** The HTML parser and text view: every character of the view maps inside the source, in order. */
    @FuzzTest(maxDuration = "60s")
    void htmlTextView(FuzzedDataProvider data) {
        SourceText source = new SourceText("fuzz.html", data.consumeString(MAX_TEXT));
        viewInsideSource(PostingParser.parse(source), source);
    }

    /** The Markdown reader (front matter included): positions inside the source, or a refusal. */
    @FuzzTest(maxDuration = "60s")
    void markdown(FuzzedDataProvider data) {
        SourceText source = new SourceText("fuzz.md", data.consumeString(MAX_TEXT));
        try {
            FrontMatter.Result front = FrontMatter.read(source);
            assertTrue(front.bodyStart() >= 0 && front.bodyStart() <= source.text().length());
            viewInsideSource(MarkdownParser.parse(source, front.bodyStart(), front.metadata()), source);
        } catch (InputProblem | UnreadableMarkup expected) {
            // a refusal with a reason is the documented outcome for malformed input
        }
    }

    /** Front matter alone: its body starts inside the source, or it is refused with a place. */
    @FuzzTest(maxDuration = "60s")
    void frontMatter(FuzzedDataProvider data) {
        SourceText source = new SourceText("fuzz.md", "---\n" + data.consumeString(MAX_TEXT));
        try {
            FrontMatter.Result front = FrontMatter.read(source);
            assertTrue(front.bodyStart() >= 0 && front.bodyStart() <= source.text().length());
        } catch (InputProblem expected) {
            // refused
        }
    }

    /** Board exports: every job streamed has an id and content, or the export is refused. */
    @FuzzTest(maxDuration = "60s")
    void boardExport(FuzzedDataProvider data) {
        try {
            BoardExport.read(new StringReader(data.consumeString(MAX_TEXT)), 1 << 20, job -> {
                assertTrue(job.content() != null || job.problem() != null, "a job has content or a problem");
            });
        } catch (InputProblem expected) {
            // refused
        }
    }

    /**
     * The fix planner: edits never overlap and stay inside the text; applying the fixes until nothing
     * changes converges, and fixing the result again changes nothing.
     */
    @FuzzTest(maxDuration = "60s")
    void fixPlanner(FuzzedDataProvider data) {
        String text = data.consumeString(MAX_TEXT);
        for (int pass = 0; pass < 10; pass++) {
            FixPlanner.Plan plan = FixPlanner.plan(text, findings(text));
            if (plan.isEmpty()) {
                return;
            }
            int at = 0;
            for (FixPlanner.Edit e : plan.edits()) {
                assertTrue(e.start() >= at && e.end() >= e.start() && e.end() <= text.length(), "edits overlap: " + plan.edits());
                at = e.end();
            }
            String fixed = FixPlanner.apply(text, plan.edits());
            if (fixed.equals(text)) {
                assertEquals(List.of(), plan.edits(), "a plan that changes nothing has no edits");
            }
            text = fixed;
        }
        assertEquals(List.of(), FixPlanner.plan(text, findings(text)).edits(), "fixing twice changes nothing");
    }

    /**
     * The baseline reader: any bytes read or are refused as a baseline problem. The bytes are parsed as
     * {@code Baseline.read} parses a file's (UTF-8 checked, then JSON), without writing a file per input:
     * opening a file for writing cost more than the parse.
     */
    @FuzzTest(maxDuration = "60s")
    void baseline(FuzzedDataProvider data) {
        try {
            Baseline.parse(data.consumeRemainingAsBytes(), BASELINE);
        } catch (Baseline.BaselineException expected) {
            // refused with a reason
        }
    }

    private static List<Finding> findings(String html) {
        Posting posting = PostingParser.parse(new SourceText("fuzz.html", html));
        RuleContext ctx = new RuleContext(posting, FIXING.fields(), FIXING.company(), LocalDate.of(2026, 1, 1), FIXING.gazetteer());
        return Linter.check(ctx, FIXING.enabledRules());
    }

    private static void viewInsideSource(Posting posting, SourceText source) {
        TextView view = posting.view();
        int n = source.text().length();
        for (int i = 0; i < view.length(); i++) {
            int s = view.sourceStart(i);
            int e = view.sourceEnd(i);
            assertTrue(0 <= s && s <= e && e <= n, "view char " + i + " maps to [" + s + "," + e + ") in a source of " + n);
        }
    }
}

package dev.postinglint.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.postinglint.core.text.DiffToken;

import dev.postinglint.core.model.DriftGroup;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.policy.PolicyResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift across the postings of a run, with no approved text. */
class ConsistencyRuleTest {
    @TempDir
    Path dir;

    static final String ABOUT = "We build tools for careful people. Our team works across six countries and ships every week.";
    static final String ABOUT_OLD = "We build tools for careful people. Our team works across four countries and ships every week.";

    private LintReport lint(String policy, String... bodies) throws IOException {
        List<InputFile> files = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            Path p = dir.resolve("p" + i + ".html");
            Files.writeString(p, bodies[i]);
            files.add(InputFile.of(p));
        }
        return new Linter(LocalDate.of(2026, 1, 1), 2, 1 << 20).lint(files, PolicyResolver.fixed(Lint.policy(policy)));
    }

    static final String BY_HEADING = "name: t\nrules:\n  - id: drift\n    type: consistency\n    severity: warning\n"
            + "    category: boilerplate\n    group-by: heading\n    min-words: 5\n";

    private static String posting(String about, String duties) {
        return "<h2>About us</h2>\n<p>" + about + "</p>\n<h2>What you will do</h2>\n<p>" + duties + "</p>";
    }

    @Test
    void theMinorityVariantIsReportedWithCountsAndADiff() throws IOException {
        LintReport r = lint(BY_HEADING,
                posting(ABOUT, "Write the billing service in Go and run it in production."),
                posting(ABOUT, "Design dashboards for the support team with React."),
                posting(ABOUT_OLD, "Tune PostgreSQL queries and plan capacity for growth."));
        List<Finding> all = new ArrayList<>();
        r.files().forEach(f -> all.addAll(f.findings()));
        assertEquals(1, all.size(), all.toString());
        FileResult minority = r.files().get(2);
        Finding f = minority.findings().get(0);
        assertEquals("drift", f.ruleId());
        assertTrue(f.message().startsWith("About us differs from the version used by 2 of 3 postings ("), f.message());
        assertTrue(f.message().contains("removed 'six'; added 'four'"), f.message());
        assertEquals(2, f.span().start().line());
        assertEquals(1, r.drift().size());
        DriftGroup g = r.drift().get(0);
        assertEquals(DriftGroup.ReferenceKind.MAJORITY, g.referenceKind());
        assertEquals(2, g.variants().get(0).postings().size());
        assertEquals(List.of(minority.path()), g.variants().get(1).postings());
        assertTrue(g.variants().get(1).diff().stream().anyMatch(t -> t.kind() == DiffToken.Kind.ADDED && t.text().equals("four")));
    }

    private LintReport lintMarkdown(String policy, String... bodies) throws IOException {
        List<InputFile> files = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            Path p = dir.resolve("m" + i + ".md");
            Files.writeString(p, bodies[i]);
            files.add(InputFile.of(p));
        }
        return new Linter(LocalDate.of(2026, 6, 1), 2, 1 << 20).lint(files, PolicyResolver.fixed(Lint.policy(policy)));
    }

    private static String dated(String updated, String about, String duties) {
        return "---\nupdated: " + updated + "\n---\n## About us\n\n" + about + "\n\n## What you will do\n\n" + duties + "\n";
    }

    static final String PAY_2026 = "Pay for this role follows the 2026 pay table: band two is reviewed every January by the people team and published here.";
    static final String PAY_2025 = "Pay for this role follows the 2025 pay table: band two is reviewed every January by the people team and published here.";
    static final String PAY_NEW = "Pay for this role follows the new pay table: band two is reviewed every January by the people team and published here.";
    static final String PAY_OLD = "Pay for this role follows the old pay table: band two is reviewed every January by the people team and published here.";

    @Test
    void aNewerVersionIsTheReferenceWhenDatesAreKnown() throws IOException {
        LintReport r = lintMarkdown(BY_HEADING,
                dated("2025-03-01", PAY_OLD, "Write the billing service."),
                dated("2025-04-01", PAY_OLD, "Design dashboards."),
                dated("2025-05-01", PAY_OLD, "Tune queries."),
                dated("2026-02-01", PAY_NEW, "Plan capacity."));
        FileResult newer = r.files().get(3);
        assertEquals(List.of(), newer.findings(), "the newest text is never told to go back to the older one");
        for (int i = 0; i < 3; i++) {
            Finding f = r.files().get(i).findings().get(0);
            assertTrue(f.message().startsWith("About us differs from the newest version (updated 2026-02-01, used by 1 of 4 postings"),
                    f.message());
            assertTrue(f.message().contains("removed 'new'; added 'old'"), f.message());
        }
        DriftGroup g = r.drift().get(0);
        assertEquals(DriftGroup.ReferenceKind.NEWEST, g.referenceKind());
        assertEquals(List.of(newer.path()), g.variants().get(0).postings());
    }

    @Test
    void withoutDatesOrWithAnOlderMinorityTheMajorityStands() throws IOException {
        // An undated posting: nothing is known about which text is newer.
        LintReport undated = lintMarkdown(BY_HEADING,
                dated("2025-03-01", PAY_OLD, "a"), dated("2025-04-01", PAY_OLD, "b"), dated("2025-05-01", PAY_OLD, "c"),
                "## About us\n\n" + PAY_NEW + "\n");
        assertEquals(1, undated.files().get(3).findings().size());
        assertEquals(DriftGroup.ReferenceKind.MAJORITY, undated.drift().get(0).referenceKind());
        // The minority is older than the majority's newest posting: it is the one that drifted.
        LintReport older = lintMarkdown(BY_HEADING,
                dated("2026-03-01", PAY_NEW, "a"), dated("2026-04-01", PAY_NEW, "b"), dated("2026-05-01", PAY_NEW, "c"),
                dated("2026-04-15", PAY_OLD, "d"));
        assertTrue(older.files().get(3).findings().get(0).message().contains("the version used by 3 of 4 postings"),
                older.files().get(3).findings().toString());
    }

    @Test
    void onlyYearsOrPunctuationDifferingIsNotDrift() throws IOException {
        LintReport years = lint(BY_HEADING, posting(PAY_2026, "a"), posting(PAY_2026, "b"), posting(PAY_2025, "c"));
        assertEquals(0, years.summary().warnings(), years.files().toString());
        String punctuated = PAY_2026.replace("table: band two", "table, band two").replace("here.", "here!");
        LintReport punctuation = lint(BY_HEADING, posting(PAY_2026, "a"), posting(PAY_2026, "b"), posting(punctuated, "c"));
        assertEquals(0, punctuation.summary().warnings(), punctuation.files().toString());
        // A changed word is still drift.
        LintReport word = lint(BY_HEADING, posting(PAY_2026, "a"), posting(PAY_2026, "b"), posting(PAY_2026.replace("January", "June"), "c"));
        assertEquals(1, word.summary().warnings());
    }

    @Test
    void aRoleSentenceAddedToASharedParagraphIsNotDrift() throws IOException {
        String withRole = ABOUT + " In this role you will lead our billing team.";
        String inTheMiddle = ABOUT.replace("people. Our", "people. This role leads the billing team. Our");
        LintReport r = lint(BY_HEADING, posting(ABOUT, "a"), posting(ABOUT, "b"), posting(ABOUT, "c"),
                posting(withRole, "d"), posting(inTheMiddle, "e"));
        assertEquals(0, r.summary().warnings(), r.files().toString());
        // Words added inside a sentence are drift.
        LintReport inSentence = lint(BY_HEADING, posting(ABOUT, "a"), posting(ABOUT, "b"),
                posting(ABOUT.replace("careful people", "careful and curious people"), "c"));
        assertEquals(1, inSentence.summary().warnings());
    }

    @Test
    void noClearMajorityAndDifferentContentAreNotDrift() throws IOException {
        LintReport tie = lint(BY_HEADING, posting(ABOUT, "a b c d e f"), posting(ABOUT_OLD, "g h i j k l"));
        assertEquals(0, tie.summary().warnings(), "fewer than min-postings");
        LintReport even = lint(BY_HEADING.replace("min-words: 5", "min-words: 5\n    min-postings: 2"),
                posting(ABOUT, "x"), posting(ABOUT_OLD, "y"));
        assertEquals(0, even.summary().warnings(), "one against one is no majority");
        assertEquals(0, even.drift().size());
    }

    @Test
    void scopeModeComparesTheWholeScope() throws IOException {
        String policy = "name: t\nrules:\n  - id: intro\n    type: consistency\n    severity: info\n    category: boilerplate\n"
                + "    scope: .intro\n    block: Intro\n    min-words: 5\n";
        String a = "<div class=intro><p>" + ABOUT + "</p></div><p>Job one.</p>";
        String b = "<div class=intro><p>" + ABOUT_OLD + "</p></div><p>Job two.</p>";
        LintReport r = lint(policy, a, a, a, b);
        assertEquals(1, r.summary().infos());
        assertTrue(r.files().get(3).findings().get(0).message().startsWith("Intro differs from the version used by 3 of 4 postings"));
    }

    @Test
    void outputDoesNotDependOnThreads() throws IOException {
        String[] bodies = new String[12];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = posting(i % 4 == 0 ? ABOUT_OLD : ABOUT, "Duty number " + i + " for this particular role only.");
        }
        LintReport two = lint(BY_HEADING, bodies);
        List<InputFile> files = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            files.add(InputFile.of(dir.resolve("p" + i + ".html")));
        }
        LintReport one = new Linter(LocalDate.of(2026, 1, 1), 1, 1 << 20).lint(files, PolicyResolver.fixed(Lint.policy(BY_HEADING)));
        assertEquals(3, two.summary().warnings());
        assertEquals(one.files(), two.files());
        assertEquals(one.drift(), two.drift());
    }

    @Test
    void ignoredTextIsNotDrift() throws IOException {
        String policy = BY_HEADING + "    ignore: ['#LI-[A-Z0-9]+']\n";
        LintReport r = lint(policy, posting(ABOUT + " #LI-AB1", "x"), posting(ABOUT + " #LI-CD2", "y"), posting(ABOUT + " #LI-EF3", "z"));
        assertEquals(0, r.summary().warnings(), "the same About us, tagged by three recruiters");
        LintReport still = lint(policy, posting(ABOUT + " #LI-AB1", "x"), posting(ABOUT, "y"), posting(ABOUT_OLD + " #LI-EF3", "z"));
        assertEquals(1, still.summary().warnings());
    }
    /**
     * The rule keeps a block's display text and makes its normalized text again when judging (issue 16): texts
     * that differ only in what normalizing drops (curly quotes, dashes, non-breaking spaces, several blocks under
     * one heading) are still one variant, the first posting's text stands for it, and an edit is still drift.
     */
    @Test
    void textsThatNormalizeAlikeAreOneVariantAcrossBlocks() throws IOException {
        String typographic = "We\u2019ve grown fast \u2014 since 2014.</p>\n<p>Our team \u201cships\u201d every week\u2013without fail.";
        String plain = "We've grown fast -- since 2014.</p>\n<p>Our team \"ships\" every week-without fail.";
        String spaced = "We've&nbsp;grown fast --&nbsp;since 2014.</p>\n<p>  Our team \"ships\"  every week-without fail.  ";
        String edited = "We've grown slowly -- since 2014.</p>\n<p>Our team \"ships\" every week-without fail.";
        LintReport r = lint(BY_HEADING, posting(typographic, "a"), posting(plain, "b"), posting(spaced, "c"), posting(edited, "d"));
        assertEquals(1, r.summary().warnings(), r.toString());
        Finding f = r.files().get(3).findings().get(0);
        assertTrue(f.message().startsWith("About us differs from the version used by 3 of 4 postings ("), f.message());
        DriftGroup g = r.drift().get(0);
        assertEquals("We\u2019ve grown fast \u2014 since 2014.\n\nOur team \u201cships\u201d every week\u2013without fail.", g.referenceText());
        assertEquals(List.of(r.files().get(0).path(), r.files().get(1).path(), r.files().get(2).path()), g.variants().get(0).postings());
        assertEquals(List.of(r.files().get(3).path()), g.variants().get(1).postings());
    }

    /** {@code loose} and {@code tokenCount}, made without regular expressions, give what the regular expressions gave. */
    @Test
    void looseWordsAreTheRegexOnes() {
        java.util.regex.Pattern year = java.util.regex.Pattern.compile("(?:19|20)\\d\\d");
        java.util.regex.Pattern notLetterOrDigit = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
        String alphabet = "aZ09'-.,\u00e9\u0301\u00b2\u00bd\u2163\u0660\u3042\u02b0\u01c5$#\u00a9";
        java.util.Random random = new java.util.Random(16);
        for (int n = 0; n < 5_000; n++) {
            List<String> tokens = new ArrayList<>();
            for (int k = random.nextInt(8); k > 0; k--) {
                StringBuilder t = new StringBuilder();
                if (random.nextInt(5) == 0) {
                    t.append(random.nextBoolean() ? "19" : random.nextBoolean() ? "20" : "21").append(random.nextInt(100));
                } else {
                    for (int c = 1 + random.nextInt(6); c > 0; c--) {
                        if (random.nextInt(30) == 0) {
                            t.appendCodePoint(random.nextBoolean() ? 0x1D400 + random.nextInt(50) : 0x1F600); // a letter or an emoji outside the BMP
                        } else {
                            t.append(alphabet.charAt(random.nextInt(alphabet.length())));
                        }
                    }
                }
                tokens.add(t.toString());
            }
            StringBuilder expected = new StringBuilder();
            for (String t : tokens) {
                if (!t.isEmpty() && Character.isLetterOrDigit(t.charAt(0))) {
                    expected.append(year.matcher(t).matches() ? "#year" : notLetterOrDigit.matcher(t).replaceAll("")).append(' ');
                }
            }
            assertEquals(expected.toString(), ConsistencyRule.loose(tokens), tokens.toString());
            String normalized = String.join(" ", tokens);
            if (tokens.stream().noneMatch(String::isEmpty)) {
                assertEquals(normalized.split(" ").length, ConsistencyRule.tokenCount(normalized), normalized);
            }
        }
        assertEquals(1, ConsistencyRule.tokenCount(""));
    }

    /** A heading's group key, made code point by code point, is what the regular expression it replaced gave. */
    @Test
    void headingKeysAreTheRegexOnes() {
        java.util.regex.Pattern notLetterOrDigit = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
        String alphabet = "aZ09 '-.,:&/()\u00a0\t\u00e9\u00c9\u0301\u00b2\u00bd\u2163\u0660\u3042\u02b0\u01c5\u0130\u03a3$#\u00a9\u2014\ud800";
        java.util.Random random = new java.util.Random(16);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder h = new StringBuilder();
            for (int c = random.nextInt(14); c > 0; c--) {
                if (random.nextInt(30) == 0) {
                    h.appendCodePoint(random.nextBoolean() ? 0x1D400 + random.nextInt(50) : 0x1F600); // a letter or an emoji outside the BMP
                } else {
                    h.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String heading = h.toString();
            String expected = notLetterOrDigit.matcher(heading.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ").strip();
            assertEquals(expected, ConsistencyRule.headingKey(heading), heading);
        }
        assertEquals("about us", ConsistencyRule.headingKey("  About Us: "));
        assertEquals("", ConsistencyRule.headingKey("\u2014 ... \u2014"));
    }
}

package dev.postinglint.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.posting.PostingParser;
import dev.postinglint.core.regex.PolicyPattern;
import dev.postinglint.core.source.SourceText;
import dev.postinglint.core.text.Words;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The blocks as the consistency rules compare them are what applying each {@code ignore:} pattern in turn
 * to the block's text and tokenizing the rest gives, though most blocks are found unchanged from the
 * patterns' literals without running them, and a match is replaced from the search's matches.
 */
class ComparedBlocksTest {
    /** The default pack's patterns, and one that can match the empty string (never found from literals). */
    private static final String POLICY = "name: t\nrules:\n"
            + "  - id: drift\n    type: consistency\n    severity: warning\n    category: boilerplate\n    group-by: heading\n"
            + "    ignore: ['#?\\bLI-[A-Za-z0-9]+\\b', '(?:[$€£]|\\b(?:USD|EUR|GBP|CAD)\\b)\\s?\\d[\\d,.]*\\s?[kKmM]?']\n"
            + "  - id: loose\n    type: consistency\n    severity: warning\n    category: boilerplate\n    group-by: heading\n"
            + "    ignore: ['\\(?x*\\)?', 'USD']\n";

    private static final String[] WORDS = {"We", "pay", "$120,000", "$", "95k", "USD 95k", "USD", "€80K", "£70,000.50", "EUR",
        "CAD", "cad", "academic", "entrepreneurial", "European", "#LI-AB1", "LI-Remote", "multi-year", "li-", "#", "x", "(x)",
        "Remote", "2,400", "we\u2019ve", "\u2014", ",", ".", "and", "the", "team", "m", "K"};

    @Test
    void blocksAreTheIgnorePatternsAppliedInTurn() {
        Policy policy = Lint.policy(POLICY);
        Random random = new Random(16);
        int changed = 0;
        int unchanged = 0;
        for (int n = 0; n < 300; n++) {
            StringBuilder html = new StringBuilder();
            for (int s = 0; s < 1 + random.nextInt(4); s++) {
                html.append("<h2>Section ").append(s).append("</h2>\n");
                for (int p = 0; p < 1 + random.nextInt(3); p++) {
                    html.append("<p>");
                    for (int w = 0; w < random.nextInt(25); w++) {
                        html.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(5) == 0 ? "" : " ");
                    }
                    html.append("</p>\n");
                }
            }
            Posting posting = PostingParser.parse(new SourceText("t.html", html.toString()));
            RuleContext ctx = new RuleContext(posting, policy.fields(), policy.company(), LocalDate.of(2026, 1, 1), policy.gazetteer(),
                    policy.matcher());
            for (int r = 0; r < 2; r++) {
                List<PolicyPattern> ignore = policy.enabledRules().get(r).rule().ownPatterns();
                ComparedBlocks compared = new ComparedBlocks(ctx, ignore);
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < posting.blocks().size(); i++) {
                    order.add(i);
                }
                Collections.shuffle(order, random); // asked in any order, as sections and paragraphs ask
                for (int i : order) {
                    Posting.Block b = posting.blocks().get(i);
                    assertEquals(i, compared.indexOf(b));
                    String kept = withoutIgnored(ignore, b.text());
                    String context = b.text() + " with " + ignore;
                    assertEquals(kept != null, compared.changed(i), context);
                    List<String> norms = Words.norms(Words.tokenize(kept == null ? b.text() : kept));
                    assertEquals(norms, compared.norms(i), context);
                    // What a rule keeps to compare (normalized only when judging) has those tokens.
                    assertEquals(norms, Words.norms(Words.tokenize(compared.comparedText(i))), context);
                    int words = (int) norms.stream().filter(t -> Character.isLetterOrDigit(t.charAt(0))).count();
                    int limit = 1 + random.nextInt(20);
                    assertEquals(Math.min(words, limit), compared.words(i, limit), context);
                    int higher = limit + random.nextInt(12); // counted on from where the first count stopped
                    assertEquals(Math.min(words, higher), compared.words(i, higher), context);
                    assertEquals(words, compared.words(i, Integer.MAX_VALUE), context);
                    assertEquals(Math.min(words, limit), compared.words(i, limit), context);
                    assertEquals(b.text().strip(), compared.display(i));
                    if (kept == null) {
                        unchanged++;
                    } else {
                        changed++;
                    }
                }
            }
        }
        assertTrue(changed > 500 && unchanged > 100, changed + " changed, " + unchanged + " unchanged");
    }

    /** As the rule did before blocks were shared: each pattern on what the ones before it left; null when none matched. */
    private static String withoutIgnored(List<PolicyPattern> ignore, String blockText) {
        String text = blockText;
        boolean changed = false;
        for (PolicyPattern p : ignore) {
            if (p.find(text)) {
                text = p.matcher(text).replaceAll(" ");
                changed = true;
            }
        }
        return changed ? text : null;
    }
}

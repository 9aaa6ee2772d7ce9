package dev.postinglint.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordDiffTest {
    @Test
    void normalizationIgnoresSpacingQuotesAndDashes() {
        assertEquals(Words.normalized("We’re  here — “now”"), Words.normalized("We're here -- \"now\""));
        assertEquals(List.of("2,400", "1.1.1.1", "we've", "e-mail", "."), Words.norms(Words.tokenize("2,400 1.1.1.1 we’ve e-mail.")));
    }

    @Test
    void aRemovedWordIsADifference() {
        List<String> a = Words.norms(Words.tokenize("All qualified applicants will be considered."));
        List<String> b = Words.norms(Words.tokenize("All applicants will be considered."));
        WordDiff d = WordDiff.of(a, b);
        assertFalse(d.identical());
        assertEquals(List.of(new DiffToken(DiffToken.Kind.SAME, "All"), new DiffToken(DiffToken.Kind.REMOVED, "qualified"),
                new DiffToken(DiffToken.Kind.SAME, "applicants will be considered.")), d.tokens());
        assertEquals(2.0 * 6 / 13, d.similarity(), 1e-9); // 7 and 6 tokens ('.' counts), 6 shared
        assertEquals("removed 'qualified'", d.summary(3));
        assertEquals(92, d.percent());
    }

    @Test
    void identicalTextsAreOneHundredPercent() {
        List<String> a = Words.norms(Words.tokenize("Come join us!"));
        assertTrue(WordDiff.of(a, a).identical());
        assertEquals(100, WordDiff.of(a, a).percent());
    }

    @Test
    void summariesAreBounded() {
        List<String> a = Words.norms(Words.tokenize("a b c d e f g h"));
        List<String> b = Words.norms(Words.tokenize("a x c y e z g w"));
        String s = WordDiff.of(a, b).summary(2);
        assertTrue(s.endsWith("more changes"), s);
    }

    @Test
    void leadingWordsSkipPunctuation() {
        assertEquals("cloudflare is proud to", Words.leadingWords(Words.tokenize("Cloudflare, is proud - to be"), 4));
        assertEquals(null, Words.leadingWords(Words.tokenize("Too short"), 4));
    }
}

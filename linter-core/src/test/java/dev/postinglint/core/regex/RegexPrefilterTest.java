package dev.postinglint.core.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The prefilter's search of an unfolded text against the search of its folded copy. */
class RegexPrefilterTest {
    /** Characters the random texts and literals are made of: cased letters, the ones that fold oddly, markup. */
    private static final String ALPHABET = "aAkKsSiI\u212a\u017f\u0130\u0131&;<>/ 0\u00e9\u00c9\u00a0nbpN";

    @Test
    void onlyAnAsciiCharacterThatIsNotALetterFoldsToItself() {
        // containsFolded finds an anchor with indexOf: no other character may fold to it.
        for (int x = 0; x <= Character.MAX_VALUE; x++) {
            char f = RegexPrefilter.foldChar((char) x);
            if (f < 128 && !Character.isLetter(f)) {
                assertEquals(f, (char) x, "U+" + Integer.toHexString(x) + " folds to '" + f + "'");
            }
        }
    }

    @Test
    void searchingTheUnfoldedTextFindsWhatTheFoldedCopyHolds() {
        Random random = new Random(16);
        int found = 0;
        for (int round = 0; round < 40_000; round++) {
            String text = randomText(random, random.nextInt(60));
            String literal = PolicyPattern.fold(randomText(random, 1 + random.nextInt(4)));
            boolean expected = PolicyPattern.fold(text).contains(literal);
            assertEquals(expected, RegexPrefilter.containsFolded(text, literal), () -> "'" + literal + "' in '" + text + "'");
            found += expected ? 1 : 0;
        }
        assertTrue(found > 4_000, "the random cases include enough hits: " + found);
    }

    @Test
    void aPatternsPrefilterAnswersAlikeOnTheTextAndOnItsFoldedCopy() {
        PolicyPattern nbsp = PolicyPattern.of(com.google.re2j.Pattern.compile("(?P<match>(?:\\s*&nbsp;)+)\\s*</(?:p|li|div)>"));
        PolicyPattern caseless = PolicyPattern.of(com.google.re2j.Pattern.compile("(?i)\\bwithout\\s+regard\\s+to\\b"));
        for (String text : new String[] {"<p>Join us!&nbsp;</p>", "<p>Join us!&NBSP;</p>", "<p>10 km</p>", "",
                "WITHOUT REGARD TO", "witHout", "&nbsp", "x&nbsp;"}) {
            assertEquals(nbsp.mayMatch(PolicyPattern.fold(text)), nbsp.mayMatchUnfolded(text), text);
            assertEquals(caseless.mayMatch(PolicyPattern.fold(text)), caseless.mayMatchUnfolded(text), text);
        }
        assertFalse(nbsp.mayMatchUnfolded("<p>no entity here</p>"));
    }

    private static String randomText(Random random, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}

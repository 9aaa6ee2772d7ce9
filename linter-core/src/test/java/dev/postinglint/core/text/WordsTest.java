package dev.postinglint.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void tokensAreNormalized() {
        String text = "We\u2019ve 2014\u20132024, e-mail\u00a02,400 \u2014\u2014 1.1.1.1 \u201cok\u201d.";
        List<String> expected = List.of("We've", "2014-2024", ",", "e-mail", "2,400", "-", "1.1.1.1", "\"", "ok", "\"", ".");
        assertEquals(expected, Words.norms(Words.tokenize(text)));
        assertEquals(expected, Words.norms(text, 0, text.length()));
        assertEquals(List.of("2014-2024", ","), Words.norms(text, 5, 16), "a range is tokenized as if cut out");
        assertEquals(6, Words.countWords(text, 0, text.length()));
        assertEquals("we've 2014-2024 e-mail", Words.leadingWords(text, 0, text.length(), 3));
        assertEquals(null, Words.leadingWords(text, 0, 16, 3), "fewer words than asked: no key");
    }

    /** The in-place tokenizer gives exactly the tokens' norms of the range copied out, on text made of the characters that matter. */
    @Test
    void normsOfARangeAreThoseOfItsTokens() {
        // Upper case ASCII, a dotted capital I and a capital sigma (whose lower cases are not char for char), and
        // the marks normalize() maps on either side of its ASCII fast path (U+00AB).
        String alphabet = "aZ9 ,.-'\u2019\u2013\u2014\u201c\"`\u00a0\n\t\u00e9\u0301\u00b2\u00aa!?:;#$\u20ac/()\u3042"
                + "QA\u0130\u03a3\u00ab\u00b4\u00bb\u2032\uff0d\u00aa\u00a9";
        Random random = new Random(16);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(24);
            for (int k = 0; k < length; k++) {
                if (random.nextInt(40) == 0) {
                    b.appendCodePoint(0x1F600 + random.nextInt(10)); // a surrogate pair
                } else {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String text = b.toString();
            int from = text.isEmpty() ? 0 : random.nextInt(text.length());
            int to = from + random.nextInt(text.length() - from + 1);
            List<String> expected = Words.norms(Words.tokenize(text.substring(from, to)));
            assertEquals(expected, Words.norms(text, from, to), () -> "'" + text + "' [" + from + ", " + to + ")");
            assertEquals(expected.stream().filter(t -> Character.isLetterOrDigit(t.charAt(0))).count(), Words.countWords(text, from, to), text);
            int limit = random.nextInt(6);
            assertEquals(Math.min(limit, Words.countWords(text, from, to)), Words.countWords(text, from, to, limit), text);
            long stopped = Words.countWordsFrom(text, from, to, limit);
            assertEquals(Words.countWords(text, from, to), (int) stopped + Words.countWords(text, (int) (stopped >>> 32), to),
                    () -> "counting on from where a count stopped: '" + text + "' [" + from + ", " + to + ")");
            int leading = 1 + random.nextInt(4);
            assertEquals(Words.leadingNorms(expected, leading), Words.leadingWords(text, from, to, leading), text);
            // The same read from the whole text as an array (a posting's, made once): offsets are the text's.
            char[] chars = text.toCharArray();
            assertEquals(stopped, Words.countWordsFrom(chars, from, to, limit), () -> "from the array: '" + text + "' [" + from + ", " + to + ")");
            assertEquals(Words.countWordsFrom(text, from, to, Integer.MAX_VALUE), Words.countWordsFrom(chars, from, to, Integer.MAX_VALUE), text);
            assertEquals(Words.leadingWords(text, from, to, leading), Words.leadingWords(chars, from, to, leading), text);
            // The bound of where words may start is never below the count, and stops at the limit.
            int bound = Words.wordStartsAtMost(chars, from, to, limit);
            assertTrue(bound >= Words.countWords(text, from, to, limit) && bound <= limit,
                    () -> "bound " + bound + ": '" + text + "' [" + from + ", " + to + ")");
            assertEquals(String.join(" ", Words.norms(Words.tokenize(text))), Words.normalized(text), text);
        }
    }
}

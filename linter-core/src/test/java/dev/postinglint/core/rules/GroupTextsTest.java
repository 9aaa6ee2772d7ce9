package dev.postinglint.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A group's texts: one copy per text, however many threads ask, and never one text for another. The reference is
 * what the run-wide table it replaced did (round 8's {@code TextInterner}): a map from each text to its first copy.
 */
class GroupTextsTest {
    @Test
    void equalTextsShareOneCopyAndOthersStayApart() {
        GroupTexts texts = new GroupTexts("about us");
        assertEquals("about us", texts.key());
        String first = new String("We build tools for careful people.");
        assertSame(first, texts.keep(first));
        assertSame(first, texts.keep(new String("We build tools for careful people.")));
        // The same length, middle and last character: told apart by equals.
        String a = texts.keep(new String("We build tools for careful pe0ple."));
        assertEquals("We build tools for careful pe0ple.", a);
        assertNotSame(first, a);
        assertEquals("We build tools for careful people!", texts.keep("We build tools for careful people!"));
        assertEquals("", texts.keep(new String("")));
        assertSame(texts.keep(""), texts.keep(new String("")));
        assertEquals("caf\u00e9 \u2019", texts.keep(new String("caf\u00e9 \u2019")));
        assertEquals(5, texts.size());
    }

    /** Random near copies (the variants of a group: the same length, one character changed) against the map. */
    @Test
    void nearCopiesAgainstTheMapOfFirstCopies() {
        Random random = new Random(16);
        String base = "Our benefits include health, dental and vision cover, a 401(k) match and \u201cflexible\u201d hours.";
        GroupTexts texts = new GroupTexts("benefits");
        Map<String, String> reference = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder(base);
            int edits = random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(b.length());
                switch (random.nextInt(3)) {
                    case 0 -> b.setCharAt(at, "aeiou\u2014 ".charAt(random.nextInt(7)));
                    case 1 -> b.deleteCharAt(at);
                    default -> b.insert(at, (char) ('a' + random.nextInt(26)));
                }
            }
            String s = b.toString();
            String expected = reference.computeIfAbsent(s, k -> s);
            assertSame(expected, texts.keep(s), s);
        }
        assertEquals(reference.size(), texts.size());
    }

    @Test
    void manyTextsFromTwoThreadsAreEachKeptOnce() throws Exception {
        GroupTexts texts = new GroupTexts("responsibilities");
        int n = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String[]>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    String[] got = new String[n];
                    for (int i = 0; i < n; i++) {
                        got[i] = texts.keep(new String("paragraph " + i + (i % 3 == 0 ? " \u2014 with a dash" : "")));
                    }
                    return got;
                }));
            }
            String[] a = runs.get(0).get();
            String[] b = runs.get(1).get();
            for (int i = 0; i < n; i++) {
                assertSame(a[i], b[i]);
                assertEquals("paragraph " + i + (i % 3 == 0 ? " \u2014 with a dash" : ""), a[i]);
            }
            assertEquals(n, texts.size());
        } finally {
            pool.shutdown();
        }
    }
}

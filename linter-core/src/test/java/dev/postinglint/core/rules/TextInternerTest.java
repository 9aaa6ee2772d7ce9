package dev.postinglint.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The run's table of shared texts: one copy per text, however many threads ask, and never one text for another. */
class TextInternerTest {
    @Test
    void equalTextsShareOneCopyAndOthersStayApart() {
        TextInterner texts = new TextInterner();
        String first = new String("We build tools for careful people.");
        assertSame(first, texts.intern(first));
        assertSame(first, texts.intern(new String("We build tools for careful people.")));
        // Equal String hash codes, and texts that differ only past the first characters or in length.
        String aa = texts.intern(new String("Aa"));
        String bb = texts.intern(new String("BB"));
        assertEquals("Aa", aa);
        assertEquals("BB", bb);
        assertNotSame(aa, bb);
        assertEquals("We build tools for careful people!", texts.intern("We build tools for careful people!"));
        assertEquals("", texts.intern(new String("")));
        assertEquals("caf\u00e9 \u2019", texts.intern(new String("caf\u00e9 \u2019")));
        assertEquals(6, texts.size());
    }

    @Test
    void manyTextsFromTwoThreadsAreEachKeptOnce() throws Exception {
        TextInterner texts = new TextInterner();
        int n = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String[]>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    String[] got = new String[n];
                    for (int i = 0; i < n; i++) {
                        got[i] = texts.intern(new String("paragraph " + i + (i % 3 == 0 ? " \u2014 with a dash" : "")));
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

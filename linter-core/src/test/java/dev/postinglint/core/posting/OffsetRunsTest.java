package dev.postinglint.core.posting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OffsetRunsTest {
    /**
     * The runs give every character the offsets an offset pair per character (the view's former arrays,
     * kept here as the reference) would: random sequences of what the walk does (text copied as it is,
     * characters of entities and folded spaces, zero-width line breaks, a folded space growing over the
     * white space after it), checked after every step and at the end.
     */
    @Test
    void sameOffsetsAsAPairPerCharacter() {
        Random random = new Random(16);
        for (int t = 0; t < 3_000; t++) {
            OffsetRuns.Builder runs = t % 2 == 0 ? new OffsetRuns.Builder(1) : new OffsetRuns.Builder(new OffsetRuns.Builder(4));
            List<int[]> reference = new ArrayList<>();
            int at = random.nextInt(5);
            for (int step = random.nextInt(40); step > 0; step--) {
                at += random.nextInt(4) == 0 ? random.nextInt(6) : 0; // mostly contiguous, now and then a tag skipped
                switch (random.nextInt(5)) {
                    case 0, 1 -> {
                        int n = random.nextInt(6);
                        runs.identity(at, n);
                        for (int k = 0; k < n; k++) {
                            reference.add(new int[] {at + k, at + k + 1});
                        }
                        at += n;
                    }
                    case 2 -> {
                        int width = random.nextInt(4); // 0: a line break; 1: a character as it is; more: an entity
                        int repeat = 1 + (random.nextInt(3) == 0 ? 1 : 0); // an entity can decode to two characters
                        for (int k = 0; k < repeat; k++) {
                            runs.add(at, at + width);
                            reference.add(new int[] {at, at + width});
                        }
                        at += width;
                    }
                    default -> {
                        if (!reference.isEmpty()) {
                            int[] last = reference.get(reference.size() - 1);
                            assertEquals(last[1], runs.lastEnd());
                            int end = Math.max(last[0], last[1]) + random.nextInt(3);
                            runs.setLastEnd(end);
                            last[1] = end;
                            at = Math.max(at, end);
                        }
                    }
                }
                if (!reference.isEmpty()) {
                    assertEquals(reference.get(reference.size() - 1)[1], runs.lastEnd(), "test " + t);
                }
            }
            OffsetRuns built = runs.build();
            assertEquals(reference.size(), built.length());
            assertTrue(built.runCount() <= reference.size());
            for (int i = 0; i < reference.size(); i++) {
                assertEquals(reference.get(i)[0], built.start(i), "start of " + i + " in test " + t);
                assertEquals(reference.get(i)[1], built.end(i), "end of " + i + " in test " + t);
            }
            assertThrows(IndexOutOfBoundsException.class, () -> built.start(reference.size()));
            assertThrows(IndexOutOfBoundsException.class, () -> built.end(-1));
        }
    }

    @Test
    void textCopiedAsItIsIsOneRun() {
        OffsetRuns.Builder runs = new OffsetRuns.Builder(4);
        runs.identity(10, 5);
        runs.identity(15, 3); // the next text node, right after: the same run
        runs.add(18, 19);
        assertEquals(1, runs.build().runCount());
        runs.identity(25, 2); // after a tag
        runs.add(27, 27); // a line break
        assertEquals(3, runs.build().runCount());
    }

    @Test
    void theViewOfAPostingHasFarFewerRunsThanCharacters() {
        Posting p = PostingParser.parse(new dev.postinglint.core.source.SourceText("t.html",
                "<h2>About the role</h2>\n<p>We are hiring an <b>engineer</b> to build   our platform &amp; tools.</p>\n<ul><li>Rust</li><li>Go</li></ul>"));
        TextView v = p.view();
        assertEquals("About the role\nWe are hiring an engineer to build our platform & tools.\nRust\nGo\n", v.text());
        assertTrue(v.offsets().runCount() < 15, "runs: " + v.offsets().runCount());
    }
}

package dev.postinglint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Fix;
import dev.postinglint.core.model.JobOrigin;
import dev.postinglint.core.model.RelatedPlace;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.source.Position;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Results that wait for the corpus rules on disk come back equal, in order. */
class ResultSpillTest {
    private static SourceSpan span(int from, int to) {
        return new SourceSpan(from, to, new Position(2, from + 1), new Position(3, to + 1));
    }

    @Test
    void resultsComeBackEqualAndInOrder() {
        String big = "x".repeat(70_000) + "\ud83d\ude00 lone \ud800 end"; // past writeUTF's 64 KB, a pair and a lone surrogate
        Finding full = new Finding("rockstar", "wording", Severity.ERROR, "say \"skilled\"\n" + big, span(3, 11), "rockstar",
                "https://example.com/why", new Fix(span(3, 11), "skilled engineer", "swap"), new SourceLine("a rockstar b", 4));
        Finding bare = new Finding("drift", "boilerplate", Severity.INFO, "", span(0, 0), "", null, null, null);
        Finding noLine = new Finding("x", "c", Severity.WARNING, "m", span(1, 2), "e", null, null, SourceLine.NONE);
        Finding grouped = new Finding("pasted-inline-style", "html-hygiene", Severity.INFO, "style", span(5, 9), "style", null,
                new Fix(span(5, 9), "", "drop"), null, null,
                List.of(new RelatedPlace(span(20, 24), "style again", "style", new Fix(span(20, 24), "", "drop")),
                        new RelatedPlace(span(30, 34), "no fix here", "style", null)), true);
        List<FileResult> results = List.of(
                new FileResult("a.html", List.of(full, bare, noLine, grouped), "team", "Engineer", "Berlin", false, 3, null),
                new FileResult("jobs.json#7", List.of(), "team", null, null, true, 0, new JobOrigin("jobs.json", "7", 12, 5)));
        try (ResultSpill spill = new ResultSpill()) {
            results.forEach(spill::write);
            assertEquals(results.get(0), spill.next());
            assertEquals(results.get(1), spill.next());
            assertThrows(IllegalStateException.class, spill::next);
        }
    }

    /** Any UTF-16 text: ASCII, Latin-1, other planes, and surrogates alone or in pairs, swapped, at either end. */
    private static String anyText(Random random, int max) {
        char[] pool = {'a', 'Z', ' ', '\n', '\u00e9', '\u00ff', '\u0100', '\u2019', '\ud83d', '\ude00', '\ud800', '\udfff', '\u0000', '\uffff'};
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            b.append(random.nextInt(3) == 0 ? (char) random.nextInt(0x10000) : pool[random.nextInt(pool.length)]);
        }
        return b.toString();
    }

    @Test
    void anyStringComesBackExactLoneSurrogatesIncluded() {
        List<String> samples = List.of("", "\ud800", "\udc00", "a\udc00", "\udbff\ud800", "\ude00\ud83d", "caf\u00e9 \u00ff",
                "\u0100", "\u0000", "\uffff\ud83d\ude00\ud83d");
        Random random = new Random(16);
        List<FileResult> results = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String text = i < samples.size() ? samples.get(i) : anyText(random, 40);
            Finding f = new Finding(text, text, Severity.WARNING, text, span(i, i + 1), anyText(random, 5), i % 2 == 0 ? null : text,
                    new Fix(span(i, i + 1), text, text), new SourceLine(text, -i));
            results.add(new FileResult(text, List.of(f, f), text, text, i % 3 == 0 ? null : text, false, i, null));
        }
        try (ResultSpill spill = new ResultSpill()) {
            results.forEach(spill::write);
            for (FileResult r : results) {
                assertEquals(r, spill.next());
            }
        }
    }

    @Test
    void aStringUsedAgainIsWrittenOnce() {
        String line = "<p>We are an equal opportunity employer and value diversity at our company.</p>".repeat(10);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            findings.add(new Finding("rule-" + (i % 2), "wording", Severity.INFO, "message " + (i % 4), span(i, i + 2), "excerpt",
                    "https://example.com/rule", null, new SourceLine(line, 1)));
        }
        FileResult r = new FileResult("p.html", findings, "default", "T", "L", false, 0, null);
        ResultSpill.Encoder encoder = new ResultSpill.Encoder();
        encoder.result(r);
        byte[] first = encoder.bytes();
        assertTrue(first.length < 2 * line.length(), "the line once, then its number: " + first.length + " bytes");
        encoder.result(r);
        byte[] second = encoder.bytes();
        assertTrue(second.length < first.length, "rule ids, category, link and policy by number from the spill's table");
        ResultSpill.Decoder decoder = new ResultSpill.Decoder();
        decoder.take(first);
        FileResult back = decoder.result();
        assertEquals(r, back);
        assertSame(back.findings().get(0).line().text(), back.findings().get(19).line().text(), "read once, shared");
        decoder.take(second);
        assertEquals(r, decoder.result());
    }

    @Test
    void manyDistinctRuleIdsOutgrowTheSpillsTableAndStillComeBack() {
        List<FileResult> results = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            Finding f = new Finding("rule-" + i, "c" + (i % 3), Severity.INFO, "m", span(0, 1), "e", "x".repeat(i % 700), null, null);
            results.add(new FileResult("f" + i, List.of(f, f), "p", null, null, false, 0, null));
        }
        try (ResultSpill spill = new ResultSpill()) {
            results.forEach(spill::write);
            for (FileResult r : results) {
                assertEquals(r, spill.next());
            }
        }
    }

    @Test
    void everyComponentIsWritten() {
        // The spill writes each component by hand: a new one in these records must be added to it (and here).
        assertEquals(12, Finding.class.getRecordComponents().length, "Finding grew: write the new component in ResultSpill");
        assertEquals(8, FileResult.class.getRecordComponents().length, "FileResult grew: write the new component in ResultSpill");
        assertEquals(4, RelatedPlace.class.getRecordComponents().length, "RelatedPlace grew: write the new component in ResultSpill");
        assertEquals(3, Fix.class.getRecordComponents().length, "Fix grew: write the new component in ResultSpill");
        assertEquals(2, SourceLine.class.getRecordComponents().length, "SourceLine grew: write the new component in ResultSpill");
    }
}

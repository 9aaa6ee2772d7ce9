package dev.postinglint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Fix;
import dev.postinglint.core.model.JobOrigin;
import dev.postinglint.core.model.RelatedPlace;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.source.Position;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceSpan;
import java.util.List;
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

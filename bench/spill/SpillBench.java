package dev.postinglint.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Fix;
import dev.postinglint.core.model.RelatedPlace;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.source.Position;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceSpan;
import java.lang.management.ManagementFactory;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * bench/spill.sh: a run's results (rebuilt from its JSON report) through a {@link ResultSpill}, written then read
 * back, timed on this thread; the results read back must equal those written. Compiled against a CLI jar into the
 * spill's package (it is package-private), so the same source measures any build. The JSON report has no source
 * line: each finding's excerpt and message stand for it (about as long as a real line window).
 */
public class SpillBench {
    static String s(JsonNode n, String k) { JsonNode v = n.get(k); return v == null || v.isNull() ? null : v.asText(); }
    static SourceSpan span(JsonNode n) {
        int so = n.has("startOffset") ? n.get("startOffset").asInt() : n.get("column").asInt();
        int eo = n.has("endOffset") ? n.get("endOffset").asInt() : n.get("endColumn").asInt();
        return new SourceSpan(so, eo, new Position(n.get("line").asInt(), n.get("column").asInt()), new Position(n.get("endLine").asInt(), n.get("endColumn").asInt()));
    }
    static Fix fix(JsonNode f) { return f == null || f.isNull() ? null : new Fix(span(f), s(f, "replacement"), s(f, "description")); }
    public static void main(String[] a) throws Exception {
        JsonNode root = new ObjectMapper().readTree(new File(a[0]));
        List<FileResult> results = new ArrayList<>();
        for (JsonNode f : root.get("files")) {
            List<Finding> fs = new ArrayList<>();
            for (JsonNode x : f.get("findings")) {
                // the JSON has no source line: the excerpt's surroundings stand for it (about as long as a real one)
                String ex = s(x, "excerpt");
                String line = (ex == null ? "" : ex) + " " + s(x, "message");
                List<RelatedPlace> rel = new ArrayList<>();
                if (x.has("related")) for (JsonNode r : x.get("related")) rel.add(new RelatedPlace(span(r), s(r, "message"), s(r, "excerpt"), fix(r.get("fix"))));
                fs.add(new Finding(s(x, "ruleId"), s(x, "category"), Severity.valueOf(s(x, "severity").toUpperCase(Locale.ROOT)), s(x, "message"), span(x), ex, s(x, "link"), fix(x.get("fix")), new SourceLine(line, 1), null, rel, x.has("places")));
            }
            results.add(new FileResult(s(f, "path"), fs, s(f, "policy"), s(f, "title"), s(f, "location"), false, 0, null));
        }
        int runs = Integer.parseInt(a[1]);
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long w = 0;
            try (ResultSpill spill = new ResultSpill()) {
                for (FileResult x : results) spill.write(x);
                long t1 = System.nanoTime();
                List<FileResult> back = new ArrayList<>();
                for (int i = 0; i < results.size(); i++) back.add(spill.next());
                long c1 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long t2 = System.nanoTime();
                if (!back.equals(results)) throw new AssertionError("differs");
                System.out.printf(Locale.ROOT, "run %d: %d results, write %.0f ms, read %.0f ms, both %.0f ms CPU%n", r, back.size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (c1 - c0) / 1e6);
            }
        }
    }
}

package dev.postinglint.core.model;

import java.io.IOException;

/**
 * A run's results in the order reports show them: {@link #begin} once, then {@link #file} for each posting in
 * path order as soon as it is final, then {@link #end} once with the totals. A report that streams writes as
 * it goes and holds no posting's findings after its call returns; {@link Collector} makes the whole
 * {@link LintReport} for those that need it.
 */
public interface ResultStream {
    void begin(RunHeader header) throws IOException;

    void file(FileResult result) throws IOException;

    void end(RunTotals totals) throws IOException;

    /** Sends a report made already through a stream: what a streamed run would have sent. */
    static void replay(LintReport report, ResultStream to) throws IOException {
        to.begin(RunHeader.of(report));
        for (FileResult r : report.files()) {
            to.file(r);
        }
        to.end(new RunTotals(report.summary(), report.elapsed(), report.drift()));
    }

    /** Keeps everything sent, for callers that want the whole report. */
    final class Collector implements ResultStream {
        private RunHeader header;
        private final java.util.List<FileResult> files = new java.util.ArrayList<>();
        private LintReport report;

        @Override
        public void begin(RunHeader h) {
            this.header = h;
        }

        @Override
        public void file(FileResult result) {
            files.add(result);
        }

        @Override
        public void end(RunTotals totals) {
            report = new LintReport(header.toolVersion(), header.asOf(), header.policies(), files, totals.summary(),
                    totals.elapsed(), totals.drift(), header.rules());
            files.clear();
        }

        /** The report, once the stream has ended. */
        public LintReport report() {
            if (report == null) {
                throw new IllegalStateException("the run has not ended");
            }
            return report;
        }
    }
}

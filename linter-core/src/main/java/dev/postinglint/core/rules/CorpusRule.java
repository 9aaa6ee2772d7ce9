package dev.postinglint.core.rules;

import dev.postinglint.core.model.DriftGroup;
import dev.postinglint.core.model.Fix;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceSpan;
import java.util.List;

/**
 * A rule that also judges postings against each other (boilerplate drift across a board). During the
 * run it keeps only a small observation per posting (normalized text and hashes, never a DOM);
 * after every posting has been read it reports findings on any of them, and drift groups.
 */
public interface CorpusRule extends Rule {
    /** What to keep of one posting, or null; called on the worker thread, after {@link #check}. */
    Object observe(RuleContext ctx);

    /** Called once per run with every observation, in path order. */
    void finish(List<Observation> observations, CorpusSink sink);

    /** One posting's observation. */
    record Observation(String path, Object data) {
    }

    /** Where a corpus rule reports. */
    interface CorpusSink {
        void report(String path, SourceSpan span, SourceLine line, String message, String excerpt, Fix fix);

        void drift(DriftGroup group);
    }
}

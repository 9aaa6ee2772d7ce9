package dev.postinglint.core.rules;

import dev.postinglint.core.model.DriftGroup;
import dev.postinglint.core.model.Fix;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceSpan;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A rule that also judges postings against each other (boilerplate drift across a board). The rule
 * itself stays immutable: what a run accumulates lives in a {@link Run} that the engine starts for
 * each run. During the run it keeps only a small observation of type {@code O} per posting
 * (normalized text and places, never a DOM); after every posting has been read it reports findings
 * on any of them, and drift groups.
 *
 * @param <O> what the rule keeps of one posting
 */
public interface CorpusRule<O> extends Rule {
    /** A fresh state for one run. */
    Run<O> startRun();

    /**
     * A fresh state for one run, which may share what it keeps with the other corpus rules' states of the same run
     * through {@code shared} (one copy of what several of them keep). By default, {@link #startRun()}.
     */
    default Run<O> startRun(RunShared shared) {
        return startRun();
    }

    /** What the corpus rules' states of one run share, by key: made by the first that asks. Thread-safe. */
    final class RunShared {
        private final java.util.Map<Object, Object> values = new java.util.concurrent.ConcurrentHashMap<>();

        public <T> T get(Object key, Class<T> type, java.util.function.Supplier<T> make) {
            return type.cast(values.computeIfAbsent(key, k -> make.get()));
        }
    }

    /** One run's state. {@link #observe} is called on the engine's worker threads, concurrently. */
    interface Run<O> {
        /** What to keep of one posting, or null; called after the rule's {@code check} on the same context. */
        O observe(RuleContext ctx);

        /** Called once, with every observation in path order; independent work may use the engine's workers. */
        void finish(List<Observation<O>> observations, Workers workers, CorpusSink sink);

        /**
         * The same judgement, where only what concerns the postings {@code only} is wanted (an editor's open posting
         * judged against a workspace index): a rule may skip work that cannot report on them. By default it judges
         * everything; what it reports on {@code only} must be what {@link #finish(List, Workers, CorpusSink)} reports.
         */
        default void finish(List<Observation<O>> observations, Set<String> only, Workers workers, CorpusSink sink) {
            finish(observations, workers, sink);
        }
    }

    /** One posting's observation. */
    record Observation<O>(String path, O data) {
    }

    /** The engine's worker threads (as many as {@code --threads}), for judging independent groups. */
    interface Workers {
        /** Runs {@code task} for 0 to {@code count - 1}, in parallel where there are threads; results in index order. */
        <T> List<T> map(int count, IntFunction<T> task);
    }

    /** Where a corpus rule reports. */
    interface CorpusSink {
        void report(String path, SourceSpan span, SourceLine line, String message, String excerpt, Fix fix);

        void drift(DriftGroup group);
    }
}

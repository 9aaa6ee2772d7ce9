package dev.postinglint.core.engine;

import dev.postinglint.core.model.DriftGroup;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Fix;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyRule;
import dev.postinglint.core.rules.CorpusRule;
import dev.postinglint.core.rules.RuleContext;
import dev.postinglint.core.rules.RuleInfo;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceSpan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The corpus rules of one run: a state per rule (started by the engine, in policy order, so the
 * order of their findings and drift groups never depends on timing), what each posting gave them,
 * and their judgement once every posting is in.
 */
final class CorpusRuns {
    /** One corpus rule's run and the observations it was given, in path order. */
    private static final class State<O> {
        final PolicyRule rule;
        final CorpusRule.Run<O> run;
        final List<CorpusRule.Observation<O>> observations = new ArrayList<>();

        State(PolicyRule rule, CorpusRule<O> corpusRule, CorpusRule.RunShared shared) {
            this.rule = rule;
            this.run = corpusRule.startRun(shared);
        }

        /** Adds what {@code index} kept for this rule of the files not in this run, and puts all in path order. */
        @SuppressWarnings("unchecked") // the index's observations for this rule were made by this rule's runs
        void addIndexed(CorpusIndex index, Set<Path> linted) {
            // Merge: this run's observations (in path order already) into the index's (kept in path order).
            List<CorpusRule.Observation<O>> own = new ArrayList<>(observations);
            observations.clear();
            int i = 0;
            for (CorpusIndex.Kept k : index.of(rule, linted)) {
                while (i < own.size() && own.get(i).path().compareTo(k.path()) <= 0) {
                    observations.add(own.get(i++));
                }
                observations.add(new CorpusRule.Observation<>(k.path(), (O) k.data()));
            }
            observations.addAll(own.subList(i, own.size()));
        }

        /** What the rule keeps of this posting, bound to this state; null when nothing. */
        Observed<O> observe(RuleContext ctx) {
            O data = run.observe(ctx);
            return data == null ? null : new Observed<>(this, data);
        }
    }

    /** One posting's observation for one rule's state. */
    record Observed<O>(State<O> state, O data) {
        void addTo(String path) {
            state.observations.add(new CorpusRule.Observation<>(path, data));
        }
    }

    private final Map<PolicyRule, State<?>> states = new IdentityHashMap<>();
    private final List<State<?>> ordered = new ArrayList<>();
    /** The other postings' observations (an editor's workspace), or null for a run that sees only its own postings. */
    private final CorpusIndex index;

    CorpusRuns(Collection<Policy> policies) {
        this(policies, null);
    }

    CorpusRuns(Collection<Policy> policies, CorpusIndex index) {
        this.index = index;
        CorpusRule.RunShared shared = new CorpusRule.RunShared();
        for (Policy p : policies) {
            for (PolicyRule pr : p.enabledRules()) {
                if (pr.rule() instanceof CorpusRule<?> cr && !states.containsKey(pr)) {
                    State<?> s = new State<>(pr, cr, shared);
                    states.put(pr, s);
                    ordered.add(s);
                }
            }
        }
    }

    /** What the policy's corpus rules keep of one posting (on a worker thread). */
    List<Observed<?>> observe(Policy policy, RuleContext ctx) {
        List<Observed<?>> out = new ArrayList<>();
        for (PolicyRule pr : policy.enabledRules()) {
            State<?> s = states.get(pr);
            if (s == null || !pr.rule().info().when().test(ctx)) {
                continue;
            }
            long o0 = RuleTimes.ON ? RuleTimes.now() : 0;
            Observed<?> o = s.observe(ctx);
            if (RuleTimes.ON) {
                RuleTimes.add(pr.rule().info().id() + " (observe)", RuleTimes.now() - o0);
            }
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    /** Whether any corpus rule runs: if not, each posting's result is final as soon as it is checked. */
    boolean isEmpty() {
        return ordered.isEmpty();
    }

    /** Gives the corpus rules one posting's observations; postings come in path order. */
    void add(PostingOutcome o) {
        for (Observed<?> obs : o.observed()) {
            obs.addTo(o.result().path());
        }
    }

    /**
     * Judges every posting {@link #add added}; returns the findings the rules report, by path. {@code linted}: the
     * files of this run, {@code paths}: their postings' paths (both used only when judging against an index).
     */
    Map<String, List<Finding>> finish(Set<Path> linted, Set<String> paths, CorpusRule.Workers workers, List<DriftGroup> drift) {
        if (index != null) {
            ordered.forEach(s -> s.addIndexed(index, linted));
        }
        // Judged against an index, only the postings of this run are reported on: rules may skip the rest.
        Set<String> only = index == null ? null : paths;
        Map<String, List<Finding>> extra = new HashMap<>();
        for (State<?> s : ordered) {
            finish(s, only, workers, extra, drift);
        }
        return extra;
    }

    /** Whether this run is judged against an editor's index (then {@link #finish} needs the run's files and paths). */
    boolean indexed() {
        return index != null;
    }

    private static <O> void finish(State<O> s, Set<String> only, CorpusRule.Workers workers, Map<String, List<Finding>> extra, List<DriftGroup> drift) {
        if (s.observations.isEmpty()) {
            return;
        }
        PolicyRule pr = s.rule;
        RuleInfo info = pr.rule().info();
        long f0 = RuleTimes.ON ? RuleTimes.now() : 0;
        CorpusRule.CorpusSink sink = new CorpusRule.CorpusSink() {
            @Override
            public void report(String path, SourceSpan span, SourceLine line, String message, String excerpt, Fix fix) {
                extra.computeIfAbsent(path, k -> new ArrayList<>()).add(new Finding(info.id(), info.category(),
                        pr.severity(), message, span, excerpt, info.link(), fix, line));
            }

            @Override
            public void drift(DriftGroup group) {
                drift.add(group);
            }
        };
        if (only == null) {
            s.run.finish(s.observations, workers, sink);
        } else {
            s.run.finish(s.observations, only, workers, sink);
        }
        if (RuleTimes.ON) {
            RuleTimes.add(info.id() + " (finish, corpus)", RuleTimes.now() - f0);
        }
    }
}

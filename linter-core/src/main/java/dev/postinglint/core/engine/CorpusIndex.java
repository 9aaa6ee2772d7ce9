package dev.postinglint.core.engine;

import dev.postinglint.core.policy.PolicyRule;
import dev.postinglint.core.rules.CorpusRule;
import dev.postinglint.core.rules.RuleContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What corpus rules kept of the postings of a workspace, by file: only their small observations, never a
 * parsed posting, so an editor can judge one posting against thousands of others in bounded memory. An
 * editor fills it with {@link Linter#observe} and keeps it current file by file; {@link Linter#lint(java.util.List,
 * dev.postinglint.core.policy.PolicyResolver, dev.postinglint.core.input.Sources, CorpusIndex)} then judges the
 * postings it lints against it, as a run over the whole workspace would. Observations belong to the policy
 * rules that made them (by identity): when a policy is reloaded, build a new index. Thread-safe.
 */
public final class CorpusIndex {
    /** One posting's observation for one corpus rule; {@code path} is the posting's display path. */
    public record Kept(PolicyRule rule, String path, Object data) {
    }

    private final Map<Path, List<Kept>> byFile = new HashMap<>();
    /** Each rule's observations in path order, made on first use after a change: an edit re-lints without sorting. */
    private final Map<PolicyRule, List<Entry>> sorted = new IdentityHashMap<>();

    private record Entry(Path file, Kept kept) {
    }
    /** One run per rule makes every observation of the index, so a rule's per-run sharing (interned texts) spans them all. */
    private final Map<PolicyRule, CorpusRule.Run<?>> observers = new IdentityHashMap<>();
    /** What those runs share, as the rules' runs of one linting run do. */
    private final CorpusRule.RunShared shared = new CorpusRule.RunShared();

    /** Replaces what is kept of one file (every posting in it: a board export has several). */
    public synchronized void put(Path file, List<Kept> kept) {
        byFile.put(key(file), List.copyOf(kept));
        sorted.clear();
    }

    /** Forgets a file (deleted, or no longer a posting). */
    public synchronized void remove(Path file) {
        if (byFile.remove(key(file)) != null) {
            sorted.clear();
        }
    }

    public synchronized boolean contains(Path file) {
        return byFile.containsKey(key(file));
    }

    /** How many files are indexed. */
    public synchronized int files() {
        return byFile.size();
    }

    /** How many observations are kept in all. */
    public synchronized int observations() {
        return byFile.values().stream().mapToInt(List::size).sum();
    }

    /** The observations of {@code rule} in every file but those in {@code except}, in path order. */
    synchronized List<Kept> of(PolicyRule rule, Set<Path> except) {
        Set<Path> skip = new HashSet<>();
        except.forEach(p -> skip.add(key(p)));
        List<Entry> all = sorted.computeIfAbsent(rule, this::snapshot);
        List<Kept> out = new ArrayList<>(all.size());
        for (Entry e : all) {
            if (!skip.contains(e.file())) {
                out.add(e.kept());
            }
        }
        return out;
    }

    private List<Entry> snapshot(PolicyRule rule) {
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<Path, List<Kept>> e : byFile.entrySet()) {
            for (Kept k : e.getValue()) {
                if (k.rule() == rule) {
                    out.add(new Entry(e.getKey(), k));
                }
            }
        }
        out.sort(Comparator.comparing((Entry e) -> e.kept().path()));
        return out;
    }

    /** Observes one posting for {@code rule}, through the index's run for that rule. */
    Object observe(PolicyRule rule, CorpusRule<?> corpusRule, RuleContext ctx) {
        CorpusRule.Run<?> run;
        synchronized (this) {
            run = observers.computeIfAbsent(rule, r -> corpusRule.startRun(shared));
        }
        return run.observe(ctx);
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}

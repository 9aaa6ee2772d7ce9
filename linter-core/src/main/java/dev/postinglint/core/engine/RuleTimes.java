package dev.postinglint.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * CPU time spent in each rule (the thread's own, so other processes on a busy machine do not
 * count), for finding hot spots: on only when the JVM runs with
 * {@code -Dposting-lint.rule-times=true}, and then printed to standard error when the JVM exits.
 * Off (the normal case) it costs one static boolean test per rule and posting.
 */
final class RuleTimes {
    static final boolean ON = Boolean.getBoolean("posting-lint.rule-times");
    private static final Map<String, LongAdder> NANOS = new ConcurrentHashMap<>();

    static {
        if (ON) {
            Runtime.getRuntime().addShutdownHook(new Thread(RuleTimes::print));
        }
    }

    private RuleTimes() {
    }

    /** The current thread's CPU time in nanoseconds. */
    static long now() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static void add(String what, long nanos) {
        NANOS.computeIfAbsent(what, k -> new LongAdder()).add(nanos);
    }

    private static void print() {
        List<Map.Entry<String, LongAdder>> all = new ArrayList<>(NANOS.entrySet());
        all.sort((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()));
        System.err.println("posting-lint: CPU time per rule (ms, summed over threads)");
        for (Map.Entry<String, LongAdder> e : all) {
            System.err.printf("%10.1f  %s%n", e.getValue().sum() / 1e6, e.getKey());
        }
    }
}

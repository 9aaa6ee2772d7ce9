package dev.postinglint.core.session;

import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/** The sentences every face prints or logs the same way, so that they cannot drift apart. */
public final class Messages {
    private Messages() {
    }

    /** {@code 1 file}, {@code 2 files}. */
    public static String plural(long n, String word) {
        return plural(n, word, word + "s");
    }

    /** {@code 1 entry}, {@code 2 entries}. */
    public static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** {@code 3 files checked: 2 errors, 1 warning, 0 infos}, plus the waived, suppressed and baselined counts. */
    public static String summary(Summary s) {
        return plural(s.files(), "file") + " checked: " + plural(s.errors(), "error") + ", "
                + plural(s.warnings(), "warning") + ", " + plural(s.infos(), "info") + s.extras();
    }

    /**
     * {@code baseline FILE: 4 known findings not reported; 1 entry fixed since (HINT)}; {@code dropHint(n)}
     * tells this face's user how to drop the {@code n} fixed entries.
     */
    public static String baselineApplied(String file, CheckOutcome.BaselineUse use, IntFunction<String> dropHint) {
        return "baseline " + file + ": " + plural(use.known(), "known finding") + " not reported"
                + (use.fixed() == 0 ? "" : "; " + plural(use.fixed(), "entry", "entries") + " fixed since (" + dropHint.apply(use.fixed()) + ")");
    }

    /** {@code wrote baseline FILE: 4 entries (1 fixed and dropped, 0 new)}; the counts only when it replaced one. */
    public static String baselineWritten(String file, CheckOutcome.BaselineWrite write) {
        return "wrote baseline " + file + ": " + plural(write.entries(), "entry", "entries")
                + (write.replaced() ? " (" + write.dropped() + " fixed and dropped, " + write.added() + " new)" : "");
    }

    /** {@code changed since main: 2 of 40 postings reported (all 40 linted, so drift is judged against every one)}. */
    public static String changedSince(CheckOutcome outcome, String ref) {
        int shown = outcome.report().files().size();
        int all = outcome.full().files().size();
        return "changed since " + ref + ": " + shown + " of " + plural(all, "posting") + " reported (all " + all
                + " linted, so drift is judged against every one)";
    }

    /**
     * {@code 3 fixes (fast-paced TIMES2, no-inline-style)}: the fixes applied to one posting, counted by rule and
     * place (the fix of a finding reported once per posting is one per place; see {@code Fixer.FileFix#applied}).
     */
    public static String fixesByRule(Map<String, Integer> byRule, String times) {
        List<String> parts = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, Integer> e : new TreeMap<>(byRule).entrySet()) {
            int n = e.getValue();
            total += n;
            parts.add(n == 1 ? e.getKey() : e.getKey() + " " + times + n);
        }
        return plural(total, "fix", "fixes") + " (" + String.join(", ", parts) + ")";
    }
}

package dev.postinglint.core.model;

import java.util.List;

/**
 * Counts over a whole run. {@code errors}, {@code warnings} and {@code infos} count only the findings
 * that count against {@code --fail-on}: not the {@code waived} ones (reported, accepted by a policy
 * waiver), nor those that comments {@code suppressed} or a {@code baselined} run left out (neither is
 * reported).
 */
public record Summary(int files, int errors, int warnings, int infos, int waived, int suppressed, int baselined) {

    public Summary(int files, int errors, int warnings, int infos) {
        this(files, errors, warnings, infos, 0, 0, 0);
    }

    public static Summary of(List<FileResult> results) {
        int e = 0;
        int w = 0;
        int i = 0;
        int waived = 0;
        int suppressed = 0;
        for (FileResult r : results) {
            suppressed += r.suppressed();
            for (Finding f : r.findings()) {
                if (f.waived()) {
                    waived++;
                    continue;
                }
                switch (f.severity()) {
                    case ERROR -> e++;
                    case WARNING -> w++;
                    case INFO -> i++;
                }
            }
        }
        return new Summary(results.size(), e, w, i, waived, suppressed, 0);
    }

    public Summary withBaselined(int n) {
        return new Summary(files, errors, warnings, infos, waived, suppressed, n);
    }

    /** Whether any counted finding is at least as serious as the threshold (null threshold: never). */
    public boolean reaches(Severity threshold) {
        if (threshold == null) {
            return false;
        }
        return switch (threshold) {
            case ERROR -> errors > 0;
            case WARNING -> errors + warnings > 0;
            case INFO -> errors + warnings + infos > 0;
        };
    }

    /** ", 2 waived, 1 suppressed, 5 in the baseline": the counts that are not zero, for summary lines. */
    public String extras() {
        StringBuilder b = new StringBuilder();
        if (waived > 0) {
            b.append(", ").append(waived).append(" waived");
        }
        if (suppressed > 0) {
            b.append(", ").append(suppressed).append(" suppressed");
        }
        if (baselined > 0) {
            b.append(", ").append(baselined).append(" in the baseline");
        }
        return b.toString();
    }
}

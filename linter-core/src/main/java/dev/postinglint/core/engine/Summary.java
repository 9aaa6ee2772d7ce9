package dev.postinglint.core.engine;

import java.util.List;

/** Counts over a whole run. */
public record Summary(int files, int errors, int warnings, int infos) {
    public static Summary of(List<FileResult> results) {
        int e = 0;
        int w = 0;
        int i = 0;
        for (FileResult r : results) {
            for (Finding f : r.findings()) {
                switch (f.severity()) {
                    case ERROR -> e++;
                    case WARNING -> w++;
                    case INFO -> i++;
                }
            }
        }
        return new Summary(results.size(), e, w, i);
    }

    /** Whether any finding is at least as serious as the threshold (null threshold: never). */
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
}

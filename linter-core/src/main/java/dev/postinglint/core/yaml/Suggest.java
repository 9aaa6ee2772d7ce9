package dev.postinglint.core.yaml;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * "Did you mean": the known name closest to a misspelt one, by Levenshtein distance (Commons Text),
 * with Jaro-Winkler similarity breaking ties in favour of a shared beginning. A name is only
 * suggested when it is close enough to be a typo: at most 1 edit for short names, 2 from 5
 * characters, 3 from 10.
 */
public final class Suggest {
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private Suggest() {
    }

    /** The closest known name, if one is close enough to be what was meant. */
    public static Optional<String> closest(String typed, Collection<String> known) {
        String t = typed.toLowerCase(Locale.ROOT);
        int limit = t.length() >= 10 ? 3 : t.length() >= 5 ? 2 : 1;
        LevenshteinDistance distance = new LevenshteinDistance(limit);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        double bestSimilarity = -1;
        for (String k : known) {
            String kl = k.toLowerCase(Locale.ROOT);
            if (kl.equals(t) && !k.equals(typed)) {
                return Optional.of(k); // only the case differs
            }
            int d = distance.apply(t, kl); // -1 beyond the limit
            if (d <= 0) {
                continue;
            }
            double s = JARO_WINKLER.apply(t, kl);
            if (d < bestDistance || (d == bestDistance && s > bestSimilarity)) {
                best = k;
                bestDistance = d;
                bestSimilarity = s;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code "; did you mean 'x'?"}, or nothing: to append to a message about an unknown name. */
    public static String didYouMean(String typed, Collection<String> known) {
        return closest(typed, known).map(k -> "; did you mean '" + k + "'?").orElse("");
    }
}

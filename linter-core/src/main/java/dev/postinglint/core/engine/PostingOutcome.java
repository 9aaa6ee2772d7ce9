package dev.postinglint.core.engine;

import dev.postinglint.core.filter.Suppressions;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.policy.Policy;
import java.nio.file.Path;
import java.util.List;

/**
 * One posting, checked: its result so far, what the corpus rules kept of it, and what its
 * suppression comments say (null when it was not a readable posting).
 */
record PostingOutcome(Path file, Policy policy, FileResult result, List<CorpusRuns.Observed<?>> observed,
        Suppressions suppressions) {
}

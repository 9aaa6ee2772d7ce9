package dev.postinglint.core.input;

import dev.postinglint.core.model.JobOrigin;
import dev.postinglint.core.posting.ContentChoice;
import dev.postinglint.core.posting.Posting;

/**
 * One posting to check: a file of its own (HTML or Markdown), or one job of a board export. The
 * engine calls {@link #load()} on a worker thread, so a file is read and parsed there; a job's
 * content has already been read from the export's stream.
 */
public interface PostingSource {
    /** The name reports show: the file's display path, or {@code FILE#JOB-ID} for a board job. */
    String displayPath();

    /** The file the posting came from (the export, for a board job): what waivers' globs match. */
    java.nio.file.Path file();

    /** For a board job, where it stands in the export; null for a file of its own. */
    default JobOrigin origin() {
        return null;
    }

    /**
     * Whether fixes can edit this posting's source: false for a board job, whose findings are
     * positioned in the decoded content, not in the export file's bytes.
     */
    default boolean fixable() {
        return origin() == null;
    }

    /**
     * What the run must say about this posting besides its rules' findings (a board job renamed because
     * its id repeats one before it); empty for most.
     */
    default java.util.List<dev.postinglint.core.model.Finding> notices() {
        return java.util.List.of();
    }

    /** Reads and parses the posting, its content chosen automatically ({@link ContentChoice#AUTO}). */
    default Posting load() throws InputProblem {
        return load(ContentChoice.AUTO);
    }

    /**
     * Reads and parses the posting, its text the part of an HTML file that {@code content} chooses;
     * an {@link InputProblem} when it is not a posting that can be checked.
     */
    Posting load(ContentChoice content) throws InputProblem;
}

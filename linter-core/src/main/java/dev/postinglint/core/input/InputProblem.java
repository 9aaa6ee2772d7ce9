package dev.postinglint.core.input;

import dev.postinglint.core.source.Position;
import dev.postinglint.core.source.SourceLine;

/**
 * A file that cannot be linted. {@code ioError} is true when the file could not be read at all
 * (the run then exits 2, as for any I/O error); false when it was read but is not a text posting
 * (binary, not UTF-8, too large, malformed JSON or front matter), which is reported as an error
 * finding. {@code at} is where in the file the problem is, when that is known (a JSON syntax
 * error, a front matter mistake), with the {@code line} of source to show.
 */
public final class InputProblem extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean ioError;
    private final Position at;
    private final SourceLine line;

    public InputProblem(String message, boolean ioError) {
        this(message, ioError, null, null);
    }

    /** A problem at a place in the file: the message is prefixed with nothing; reports show line and column. */
    public InputProblem(String message, Position at, SourceLine line) {
        this(message, false, at, line);
    }

    private InputProblem(String message, boolean ioError, Position at, SourceLine line) {
        super(message);
        this.ioError = ioError;
        this.at = at;
        this.line = line;
    }

    public boolean ioError() {
        return ioError;
    }

    /** Where the problem is, or null when it concerns the whole file. */
    public Position at() {
        return at;
    }

    /** The source line at {@link #at()}, for display; {@link SourceLine#NONE} when unknown. */
    public SourceLine line() {
        return line == null ? SourceLine.NONE : line;
    }
}

package dev.postinglint.core.engine;

/**
 * A file that cannot be linted. {@code ioError} is true when the file could not be read at all
 * (the run then exits 2, as for any I/O error); false when it was read but is not a text posting
 * (binary, not UTF-8, too large), which is reported as an error finding.
 */
public final class InputProblem extends Exception {
    private final boolean ioError;

    public InputProblem(String message, boolean ioError) {
        super(message);
        this.ioError = ioError;
    }

    public boolean ioError() {
        return ioError;
    }
}

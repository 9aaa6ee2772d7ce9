package dev.postinglint.core.posting;

/**
 * A posting whose markup cannot be read within the linter's bounds: nested deeper than
 * {@link MarkdownParser#MAX_DEPTH}, or inline syntax whose parse would take more than linear time.
 * {@code offset} is where in the source the problem starts; the input layer turns this into an
 * {@code input-error} finding at that place.
 */
public final class UnreadableMarkup extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;

    public UnreadableMarkup(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** Where the problem starts, as an offset in the posting's source text. */
    public int offset() {
        return offset;
    }
}

package dev.postinglint.core.session;

/** How a run ended, as ESLint's exit codes: the CLI exits with {@link #code()}, the Maven plugin fails or not. */
public enum ExitStatus {
    /** Nothing reached the fail threshold. */
    OK(0),
    /** Findings reached the fail threshold (or a fix could not be applied). */
    FINDINGS(1),
    /** A usage, policy or I/O error. */
    ERROR(2);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}

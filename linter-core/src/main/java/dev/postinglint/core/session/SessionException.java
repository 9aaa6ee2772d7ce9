package dev.postinglint.core.session;

/**
 * A problem with what the user asked for (a bad option value, an unreadable baseline, an unknown rule id):
 * every face shows the message as it is, as a usage error. It is an {@link IllegalArgumentException} because
 * that is what it is, so callers that already treat bad arguments as usage errors need nothing new.
 */
public final class SessionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SessionException(String message) {
        super(message);
    }

    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}

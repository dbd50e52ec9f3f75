package io.dictum.core.errors;

/**
 * A failure the caller can act on. The web layer maps each kind onto an HTTP status and RFC 9457 problem body; the
 * message is shown to the user, so it says what was wrong and what to do next.
 */
public abstract class DictumException extends RuntimeException {

    protected DictumException(String message) {
        super(message);
    }

    /** A short, stable, human title for the problem type. */
    public abstract String title();
}

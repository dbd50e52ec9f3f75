package io.dictum.intents;

/**
 * The intent catalogue cannot be loaded. The message names the file and, for a pattern, the intent and the pattern,
 * because the person reading it is usually editing a firm's catalogue file, not the code.
 */
public class CatalogueException extends RuntimeException {

    public CatalogueException(String message) {
        super(message);
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}

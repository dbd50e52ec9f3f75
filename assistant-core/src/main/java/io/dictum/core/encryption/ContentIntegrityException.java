package io.dictum.core.encryption;

import java.io.IOException;

/**
 * Stored contents that fail authentication: changed, truncated, swapped with another document's, or sealed with a
 * master key that is no longer configured. No byte of such contents is ever returned.
 */
public class ContentIntegrityException extends IOException {

    public ContentIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}

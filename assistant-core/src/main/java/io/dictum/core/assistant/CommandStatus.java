package io.dictum.core.assistant;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum CommandStatus {
    /** The command was carried out (or the question answered). */
    DONE,
    /** A reference was ambiguous; the result lists the candidates and nothing was changed. */
    NEEDS_CLARIFICATION,
    /** Not carried out: not understood, not found, not allowed or not available; the message says which. */
    REJECTED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

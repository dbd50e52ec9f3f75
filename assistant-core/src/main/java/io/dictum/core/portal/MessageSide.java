package io.dictum.core.portal;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The two ends of a case's secure messages. */
public enum MessageSide {
    CLIENT, FIRM;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

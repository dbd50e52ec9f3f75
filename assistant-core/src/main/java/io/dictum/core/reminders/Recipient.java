package io.dictum.core.reminders;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who a step of the escalation ladder reminds. */
public enum Recipient {
    /** the case's responsible attorney (cases.responsible_user_id) */
    RESPONSIBLE("the responsible attorney"),
    /** everyone on the case team */
    TEAM("on the case team"),
    /** dictum.reminders.supervising-partner, or every partner when it is unset */
    SUPERVISING_PARTNER("the supervising partner");

    private final String description;

    Recipient(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Recipient fromId(String id) {
        for (Recipient r : values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a recipient; use responsible, team or"
                + " supervising_partner");
    }
}

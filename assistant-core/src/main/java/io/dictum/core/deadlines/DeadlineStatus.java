package io.dictum.core.deadlines;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Open until someone marks it done; reminders escalate only while it is open. */
public enum DeadlineStatus {
    OPEN, DONE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DeadlineStatus fromId(String id) {
        for (DeadlineStatus s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status must be open or done; got '" + id + "'");
    }
}

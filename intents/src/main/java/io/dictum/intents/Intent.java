package io.dictum.intents;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The intents of the v1 catalogue. A firm extends the phrases of the catalogue, not this list. */
public enum Intent {
    OPEN_CASE, CREATE_CASE, FIND_DOCUMENT, SEARCH, DRAFT_DOCUMENT, ADD_EVENT, LIST_DEADLINES, CREATE_TASK,
    START_TIMER, STOP_TIMER, PAUSE_TIMER, RESUME_TIMER, LOG_TIME, TIME_SUMMARY, DICTATE_NOTE, CHECK_CONFLICTS, ADD_PARTY, SHARE_DOCUMENT, HELP, CANCEL,
    UNKNOWN;

    /** The snake_case name used on the wire and in the catalogue file, e.g. {@code open_case}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @JsonCreator
    public static Intent fromId(String id) {
        return Arrays.stream(values()).filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown intent: " + id));
    }
}

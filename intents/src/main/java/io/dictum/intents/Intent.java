package io.dictum.intents;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The intents of the v1 catalogue. A firm extends the phrases of the catalogue, not this list. */
public enum Intent {
    OPEN_CASE(false), CREATE_CASE(true), FIND_DOCUMENT(false), SEARCH(false), DRAFT_DOCUMENT(true), ADD_EVENT(true),
    LIST_DEADLINES(false), CREATE_TASK(true), START_TIMER(true), STOP_TIMER(true), PAUSE_TIMER(true),
    RESUME_TIMER(true), LOG_TIME(true), TIME_SUMMARY(false), DICTATE_NOTE(true), CHECK_CONFLICTS(false),
    ADD_PARTY(true), SHARE_DOCUMENT(true), HELP(false), CANCEL(false), UNKNOWN(false);

    private final boolean changesData;

    Intent(boolean changesData) {
        this.changesData = changesData;
    }

    /**
     * Whether carrying the intent out changes the firm's data (or sends something to a client). Such an intent is held
     * to stricter evidence: the fallbacks need more similarity, and a distractor must never become one.
     */
    public boolean changesData() {
        return changesData;
    }

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

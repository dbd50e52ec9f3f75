package io.dictum.core.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum CaseStatus {
    OPEN, PENDING, CLOSED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CaseStatus fromId(String id) {
        for (CaseStatus s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status must be one of open, pending, closed; got '" + id + "'");
    }
}

package io.dictum.core.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record CaseId(UUID value) {
    public static CaseId random() {
        return new CaseId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a case id */
    @JsonCreator
    public static CaseId parse(String text) {
        return new CaseId(UUID.fromString(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

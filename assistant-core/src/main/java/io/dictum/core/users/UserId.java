package io.dictum.core.users;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record UserId(UUID value) {
    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a user id */
    @JsonCreator
    public static UserId parse(String text) {
        return new UserId(UUID.fromString(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

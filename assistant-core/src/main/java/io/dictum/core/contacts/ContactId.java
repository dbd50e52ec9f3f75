package io.dictum.core.contacts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record ContactId(UUID value) {
    public static ContactId random() {
        return new ContactId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a contact id */
    @JsonCreator
    public static ContactId parse(String text) {
        return new ContactId(UUID.fromString(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

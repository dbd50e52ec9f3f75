package io.dictum.core.documents;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record DocumentId(UUID value) {
    public static DocumentId random() {
        return new DocumentId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a document id */
    @JsonCreator
    public static DocumentId parse(String text) {
        return new DocumentId(UUID.fromString(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

package io.dictum.core.drafting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record TemplateId(UUID value) {
    public static TemplateId random() {
        return new TemplateId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a template id */
    @JsonCreator
    public static TemplateId parse(String text) {
        return new TemplateId(UUID.fromString(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

package io.dictum.intents;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Which stage of the fallback chain answered: the catalogue's patterns, the offline paraphrase classifier, the
 * optional language model, the slot-first reader ({@link SlotFirstReader}), or none of them ({@link Intent#UNKNOWN}).
 */
public enum InterpretationSource {
    PATTERN, SEMANTIC, LLM, SLOTS, NONE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.dictum.intents;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user said, with the case currently open in their conversation (if any) and the moment relative to which
 * spoken dates are read, in the firm's time zone.
 */
public record Utterance(String text, Optional<String> contextCaseId, ZonedDateTime referenceTime) {
    public Utterance {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(contextCaseId, "contextCaseId");
        Objects.requireNonNull(referenceTime, "referenceTime");
    }
}

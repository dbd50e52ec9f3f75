package io.dictum.core.assistant;

import io.dictum.intents.Intent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A question asked back and not yet answered: the command as far as it was understood (intent and settled slots),
 * the slot in question with the candidates offered, the question itself, the moment the command's dates were read
 * against, and when the question lapses. The id lets exactly one answer carry the command out.
 */
public record PendingClarification(UUID id, Intent intent, Map<String, String> slots, String slot,
                                   List<Choice> choices, String question, OffsetDateTime referenceTime,
                                   Instant expiresAt) {
    public PendingClarification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(referenceTime, "referenceTime");
        Objects.requireNonNull(expiresAt, "expiresAt");
        slots = Map.copyOf(slots);
        choices = List.copyOf(choices);
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}

package io.dictum.intents;

import java.util.List;
import java.util.Map;

/**
 * The reading of an utterance: one intent, its slots normalised (a case slot holds a case id, dates are ISO-8601,
 * durations are minutes), and, for each entity slot that could not be settled, the candidates found (empty when
 * nothing matched, two or more when the reference is ambiguous). A slot listed in {@code unresolved} is absent from
 * {@code slots}.
 */
public record Interpretation(Intent intent, Map<String, String> slots, double confidence,
                             List<Alternative> alternatives, Map<String, List<EntityMatch>> unresolved) {
    public Interpretation {
        slots = Map.copyOf(slots);
        alternatives = List.copyOf(alternatives);
        unresolved = Map.copyOf(unresolved);
    }

    public boolean isSettled() {
        return unresolved.isEmpty();
    }
}

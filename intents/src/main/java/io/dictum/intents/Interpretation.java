package io.dictum.intents;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The reading of an utterance: one intent, its slots normalised (a case slot holds a case id, dates are ISO-8601,
 * durations are minutes), and, for each entity slot that could not be settled, the candidates found (empty when
 * nothing matched, two or more when the reference is ambiguous). A slot listed in {@code unresolved} is absent from
 * {@code slots}. {@code source} names the stage that answered.
 */
public record Interpretation(Intent intent, Map<String, String> slots, double confidence,
                             List<Alternative> alternatives, Map<String, List<EntityMatch>> unresolved,
                             InterpretationSource source) {
    public Interpretation {
        slots = Map.copyOf(slots);
        alternatives = List.copyOf(alternatives);
        unresolved = Map.copyOf(unresolved);
        Objects.requireNonNull(source, "source");
    }

    /** A reading of the catalogue's patterns; nothing matching is nobody's answer. */
    public Interpretation(Intent intent, Map<String, String> slots, double confidence,
                          List<Alternative> alternatives, Map<String, List<EntityMatch>> unresolved) {
        this(intent, slots, confidence, alternatives, unresolved,
                intent == Intent.UNKNOWN ? InterpretationSource.NONE : InterpretationSource.PATTERN);
    }

    public boolean isSettled() {
        return unresolved.isEmpty();
    }
}

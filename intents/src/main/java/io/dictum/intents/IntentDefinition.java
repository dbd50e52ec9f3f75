package io.dictum.intents;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An intent as compiled from the catalogue: its declared slots (in declaration order), its patterns and its cues (each
 * the normalised words of one cue, for the slot-first reader).
 */
record IntentDefinition(Intent intent, Map<String, SlotSpec> slots, List<PhrasePattern> patterns, List<String> examples,
                        List<List<String>> cues) {
    IntentDefinition {
        slots = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(slots)); // declaration order
        patterns = List.copyOf(patterns);
        examples = List.copyOf(examples);
        cues = cues.stream().map(List::copyOf).toList();
    }

    /** The first declared slot of this type, if the intent has one. */
    Optional<SlotSpec> slotOf(SlotType type) {
        return slots.values().stream().filter(s -> s.type() == type).findFirst();
    }
}

package io.dictum.intents;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A candidate reading of an utterance: one intent with its slots.
 *
 * @param literals literal words matched plus words of vocabulary document phrases
 * @param evidence product of the slot factors: 1 when every slot settled
 * @param spokenCase whether a case was said (settled or not), rather than taken from the conversation
 */
record Reading(Intent intent, int order, int literals, int tokens, double evidence, boolean spokenCase,
               Map<String, String> slots, Map<String, List<EntityMatch>> unresolved) {

    static final Comparator<Reading> BEST_FIRST = Comparator.comparingInt(Reading::literals).reversed()
            .thenComparing(Comparator.comparingDouble(Reading::evidence).reversed())
            .thenComparingInt(Reading::order);

    double confidence(double matchFloor) {
        double share = Math.min(1.0, (double) literals / tokens);
        return (matchFloor + (1 - matchFloor) * share) * evidence;
    }
}

package io.dictum.intents;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole chain: the catalogue's patterns first (fast and exact), then each fallback in order for what they call
 * {@link Intent#UNKNOWN}, then the slot-first reader, and unknown when none answers. The slot-first reader comes last
 * so that it only ever reads what every other stage left unknown. Blocking (a fallback may run a model or call a
 * server): callers keep it off event loops.
 */
public final class Interpreter {

    private final IntentCatalogue catalogue;
    private final List<Fallback> fallbacks;
    /** Built once: the resolver differs from call to call, the catalogue's words for re-reading do not. */
    private final ReReadings reReadings;
    private final SlotFirstReader slotFirst;

    public Interpreter(IntentCatalogue catalogue, List<Fallback> fallbacks) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.fallbacks = List.copyOf(fallbacks);
        this.reReadings = new ReReadings(catalogue);
        this.slotFirst = new SlotFirstReader(catalogue);
    }

    public IntentCatalogue catalogue() {
        return catalogue;
    }

    public Interpretation interpret(Utterance utterance, EntityResolver resolver) {
        Interpretation byPattern = new IntentRouter(catalogue, resolver, reReadings).interpret(utterance);
        if (byPattern.intent() != Intent.UNKNOWN) {
            return byPattern;
        }
        for (Fallback fallback : fallbacks) {
            Optional<Interpretation> answer = fallback.interpret(utterance, resolver);
            if (answer.isPresent() && answer.get().intent() != Intent.UNKNOWN) {
                return answer.get();
            }
        }
        return slotFirst.read(utterance, resolver).orElse(byPattern);
    }
}

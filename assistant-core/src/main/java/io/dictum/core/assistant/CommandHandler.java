package io.dictum.core.assistant;

import io.dictum.core.access.Actor;
import io.dictum.intents.Intent;
import io.dictum.intents.Interpretation;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Carries out the intents of one feature. The assistant hands each settled interpretation (every entity slot
 * resolved) to the handler registered for its intent; a feature adds voice commands by adding a handler bean.
 */
public interface CommandHandler {

    Set<Intent> intents();

    Mono<CommandResult> execute(Actor actor, Interpretation reading, CommandContext context);

    /**
     * Whether an answer that picks one of the candidates this handler offered for {@code slot} (a
     * {@link CommandPayload.Candidates} in a needs_clarification result) may be carried out by putting the candidate's
     * id into that slot and calling {@link #execute} again. Case slots always hold case ids; a handler that offers
     * other candidates says here that it takes their ids, otherwise its question is answered by a new command.
     */
    default boolean takesChosenId(String slot) {
        return slot.equals("case");
    }
}

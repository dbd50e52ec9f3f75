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
}

package io.dictum.core.assistant;

import io.dictum.intents.Intent;
import io.dictum.intents.InterpretationSource;
import java.util.Map;

/**
 * The answer to a command: what was understood, what happened, a sentence to show or speak, and the data;
 * {@code source} is the stage of the intent chain that understood it (pattern, semantic, llm, or none).
 */
public record CommandResult(Intent intent, Map<String, String> slots, CommandStatus status, String message,
                            CommandPayload result, InterpretationSource source) {
}

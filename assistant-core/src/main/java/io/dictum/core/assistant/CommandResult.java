package io.dictum.core.assistant;

import io.dictum.intents.Intent;
import java.util.Map;

/** The answer to a command: what was understood, what happened, a sentence to show or speak, and the data. */
public record CommandResult(Intent intent, Map<String, String> slots, CommandStatus status, String message,
                            CommandPayload result) {
}

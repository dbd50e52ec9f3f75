package io.dictum.core.assistant;

import io.dictum.intents.Interpretation;

/** Shorthands for handlers: the reading's intent and slots with a status, a sentence and a payload. */
public final class CommandResults {

    private CommandResults() {
    }

    public static CommandResult done(Interpretation reading, String message, CommandPayload payload) {
        return new CommandResult(reading.intent(), reading.slots(), CommandStatus.DONE, message, payload,
                reading.source());
    }

    public static CommandResult rejected(Interpretation reading, String message) {
        return new CommandResult(reading.intent(), reading.slots(), CommandStatus.REJECTED, message,
                new CommandPayload.Nothing(), reading.source());
    }

    public static CommandResult askBack(Interpretation reading, String message, CommandPayload payload) {
        return new CommandResult(reading.intent(), reading.slots(), CommandStatus.NEEDS_CLARIFICATION, message,
                payload, reading.source());
    }
}

package io.dictum.core.assistant.commands;

import io.dictum.core.access.Actor;
import io.dictum.core.assistant.CommandContext;
import io.dictum.core.assistant.CommandHandler;
import io.dictum.core.assistant.CommandPayload;
import io.dictum.core.assistant.CommandResult;
import io.dictum.core.assistant.CommandResults;
import io.dictum.core.conflicts.ConflictHit;
import io.dictum.core.conflicts.ConflictService;
import io.dictum.intents.Intent;
import io.dictum.intents.Interpretation;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** "Run a conflict check on Acme Insurance": the hits, read back briefly, listed in full on screen. */
@Component
class ConflictCommands implements CommandHandler {

    record Conflicts(String name, List<ConflictHit> hits) implements CommandPayload {
    }

    private final ConflictService conflicts;

    ConflictCommands(ConflictService conflicts) {
        this.conflicts = conflicts;
    }

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.CHECK_CONFLICTS);
    }

    @Override
    public Mono<CommandResult> execute(Actor actor, Interpretation reading, CommandContext context) {
        String name = reading.slots().get("name");
        return conflicts.check(actor, name, Optional.empty()).map(hits -> {
            if (hits.isEmpty()) {
                return CommandResults.done(reading, "No conflicts found for " + name + ".", new Conflicts(name, hits));
            }
            String read = hits.stream().limit(3).map(h -> h.contactName() + (h.caseTitle() == null ? ""
                    : ", " + h.role().id().replace('_', ' ') + " in " + h.caseTitle()))
                    .collect(Collectors.joining("; "));
            return CommandResults.done(reading, hits.size() + " possible conflict" + (hits.size() == 1 ? "" : "s")
                    + " for " + name + ": " + read + (hits.size() > 3 ? "; more on screen." : "."),
                    new Conflicts(name, hits));
        });
    }
}

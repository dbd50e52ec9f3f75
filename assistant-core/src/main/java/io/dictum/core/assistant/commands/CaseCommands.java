package io.dictum.core.assistant.commands;

import io.dictum.core.access.Actor;
import io.dictum.core.assistant.CommandContext;
import io.dictum.core.assistant.CommandHandler;
import io.dictum.core.assistant.CommandPayload;
import io.dictum.core.assistant.CommandResult;
import io.dictum.core.assistant.CommandResults;
import io.dictum.core.assistant.ConversationContexts;
import io.dictum.core.cases.AddedParty;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.cases.MatterType;
import io.dictum.core.cases.NewCase;
import io.dictum.core.cases.NewParty;
import io.dictum.core.cases.PartyService;
import io.dictum.core.conflicts.ConflictHit;
import io.dictum.intents.Intent;
import io.dictum.intents.Interpretation;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Voice commands on cases: open one, open a new matter, add a party (with its conflict check). */
@Component
class CaseCommands implements CommandHandler {

    record NewMatter(LegalCase createdCase) implements CommandPayload {
    }

    record PartyAdded(AddedParty added) implements CommandPayload {
    }

    private final CaseService cases;
    private final PartyService parties;
    private final ConversationContexts contexts;

    CaseCommands(CaseService cases, PartyService parties, ConversationContexts contexts) {
        this.cases = cases;
        this.parties = parties;
        this.contexts = contexts;
    }

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.OPEN_CASE, Intent.CREATE_CASE, Intent.ADD_PARTY);
    }

    @Override
    public Mono<CommandResult> execute(Actor actor, Interpretation reading, CommandContext context) {
        return switch (reading.intent()) {
            case OPEN_CASE -> cases.get(actor, CaseId.parse(reading.slots().get("case")))
                    .flatMap(c -> contexts.opened(actor.userId(), c.id()).thenReturn(CommandResults.done(reading,
                            "Opened " + c.title() + ", case " + c.number() + ".", new CommandPayload.OpenedCase(c))));
            case CREATE_CASE -> createCase(actor, reading);
            case ADD_PARTY -> addParty(actor, reading, context);
            default -> Mono.error(new IllegalStateException("not a case command: " + reading.intent()));
        };
    }

    private Mono<CommandResult> createCase(Actor actor, Interpretation reading) {
        String client = reading.slots().get("client");
        String matterType = reading.slots().getOrDefault("matterType", "other");
        String title = client + " — " + new MatterType(matterType).spoken();
        return cases.create(actor, new NewCase(null, title, matterType, null, client, null, null, null))
                .flatMap(c -> contexts.opened(actor.userId(), c.id()).thenReturn(c)).map(c -> {
            return CommandResults.done(reading, "Opened a new " + c.matterType().spoken() + " matter for " + client
                    + ", case " + c.number() + ". Run a conflict check on the other side before you go further.",
                    new NewMatter(c));
        });
    }

    private Mono<CommandResult> addParty(Actor actor, Interpretation reading, CommandContext context) {
        String caseSlot = reading.slots().get("case");
        if (caseSlot == null) {
            return Mono.just(CommandResults.askBack(reading, "Which case should " + reading.slots().get("name")
                    + " be added to? Open the case first or name it.", new CommandPayload.Nothing()));
        }
        return parties.add(actor, CaseId.parse(caseSlot), new NewParty(null, reading.slots().get("name"), null,
                reading.slots().get("role"))).map(added -> {
                    List<ConflictHit> hits = added.conflicts();
                    String role = added.party().role().id().replace('_', ' ');
                    String conflicts = hits.isEmpty() ? " No conflicts found."
                            : hits.stream().anyMatch(ConflictHit::dangerous)
                            ? " Warning: possible conflict — " + hits.get(0).reasons().get(0) + "."
                            : " " + hits.size() + " possible conflict" + (hits.size() == 1 ? "" : "s")
                            + " to review.";
                    return CommandResults.done(reading, "Added " + added.party().name() + " as " + role + "."
                            + conflicts, new PartyAdded(added));
                });
    }
}

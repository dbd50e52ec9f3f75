package io.dictum.core.assistant.commands;

import io.dictum.core.access.Actor;
import io.dictum.core.assistant.CommandContext;
import io.dictum.core.assistant.CommandHandler;
import io.dictum.core.assistant.CommandPayload;
import io.dictum.core.assistant.CommandResult;
import io.dictum.core.assistant.CommandResults;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.drafting.DraftingService;
import io.dictum.core.drafting.DraftingService.GeneratedDocument;
import io.dictum.intents.Intent;
import io.dictum.intents.Interpretation;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** "Draft a demand letter for the Miller case using our standard template": the draft, stored on the case. */
@Component
class DraftingCommands implements CommandHandler {

    record Drafted(GeneratedDocument document, String link) implements CommandPayload {
    }

    private final DraftingService drafting;
    private final CaseService cases;

    DraftingCommands(DraftingService drafting, CaseService cases) {
        this.drafting = drafting;
        this.cases = cases;
    }

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.DRAFT_DOCUMENT);
    }

    @Override
    public Mono<CommandResult> execute(Actor actor, Interpretation reading, CommandContext context) {
        String caseSlot = reading.slots().get("case");
        if (caseSlot == null) {
            return Mono.just(CommandResults.askBack(reading, "For which case? Say, for example, \"draft a demand"
                    + " letter for the Miller case\", or open the case first.", new CommandPayload.Nothing()));
        }
        CaseId caseId = CaseId.parse(caseSlot);
        return drafting.draft(actor, caseId, reading.slots().get("template"))
                .flatMap(draft -> cases.get(actor, caseId).map(c -> {
                    String missing = draft.missing().isEmpty() ? " Every value was filled."
                            : " " + draft.missing().size() + " value" + (draft.missing().size() == 1 ? " is" : "s are")
                            + " marked missing for you to fill: " + draft.missing().stream()
                            .map(m -> m.name()).distinct().limit(6).collect(Collectors.joining(", ")) + ".";
                    long drafted = draft.sections().stream()
                            .filter(x -> x.status().equals(DraftingService.DraftedSection.DRAFTED)).count();
                    long toWrite = draft.sections().size() - drafted;
                    String sections = (drafted == 0 ? "" : " " + drafted + " section"
                            + (drafted == 1 ? " was" : "s were") + " drafted by the language model, labelled for"
                            + " review.") + (toWrite == 0 ? "" : " " + toWrite + " section"
                            + (toWrite == 1 ? " needs" : "s need") + " writing.");
                    String link = "/api/v1/documents/" + draft.document().id() + "/content";
                    return CommandResults.done(reading, "Drafted " + draft.template().name() + " for " + c.title()
                            + ", as a draft for review." + missing + sections, new Drafted(draft, link));
                }));
    }
}

package io.dictum.core.assistant.commands;

import io.dictum.core.access.Actor;
import io.dictum.core.assistant.CommandContext;
import io.dictum.core.assistant.CommandHandler;
import io.dictum.core.assistant.CommandPayload;
import io.dictum.core.assistant.CommandResult;
import io.dictum.core.assistant.CommandResults;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.documents.Document;
import io.dictum.core.documents.DocumentId;
import io.dictum.core.documents.DocumentService;
import io.dictum.core.index.IndexService;
import io.dictum.core.search.SearchService;
import io.dictum.intents.Intent;
import io.dictum.intents.Interpretation;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Voice commands that look for documents: by what they are ("the police report") or by what they say. */
@Component
class DocumentCommands implements CommandHandler {

    private static final int HITS = 10;

    private final IndexService index;
    private final CaseService cases;
    private final DocumentService documents;

    DocumentCommands(IndexService index, CaseService cases, DocumentService documents) {
        this.index = index;
        this.cases = cases;
        this.documents = documents;
    }

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.FIND_DOCUMENT, Intent.SEARCH);
    }

    @Override
    public Mono<CommandResult> execute(Actor actor, Interpretation reading, CommandContext context) {
        String wanted = reading.slots().getOrDefault(reading.intent() == Intent.SEARCH ? "query" : "document", "");
        Optional<CaseId> caseId = Optional.ofNullable(reading.slots().get("case")).map(CaseId::parse);
        Mono<Optional<LegalCase>> scope = caseId.isPresent()
                ? cases.get(actor, caseId.get()).map(Optional::of) : Mono.just(Optional.empty());
        // A client sees only shared documents, so more hits are read for them before the rules narrow them down.
        int candidates = actor.role().isFirmMember() ? HITS : SearchService.MAX_RESULTS;
        return scope.flatMap(inCase -> caseIds(actor, inCase)
                .flatMap(ids -> index.read(i -> i.documents(wanted, ids, candidates)))
                // Every hit is re-read through the access rules: walls and client limits apply to search too.
                .flatMapMany(hits -> Flux.fromIterable(hits).concatMap(hit -> documents.get(actor,
                        DocumentId.parse(hit.id())).onErrorResume(e -> Mono.empty())))
                .take(HITS)
                .collectList()
                .map(found -> answer(reading, wanted, inCase, found)));
    }

    /** Empty for firm members (all cases; walls are applied per hit), a client's own cases otherwise. */
    private Mono<Optional<Collection<String>>> caseIds(Actor actor, Optional<LegalCase> inCase) {
        if (inCase.isPresent()) {
            return Mono.just(Optional.of(List.of(inCase.get().id().toString())));
        }
        if (actor.role().isFirmMember()) {
            return Mono.just(Optional.empty());
        }
        return cases.list(actor, Optional.empty(), 0, CaseService.MAX_PAGE_SIZE).map(c -> c.id().toString())
                .collectList().map(Optional::of);
    }

    private static CommandResult answer(Interpretation reading, String wanted, Optional<LegalCase> inCase,
                                        List<Document> found) {
        String where = inCase.map(c -> " in " + c.title()).orElse("");
        String message;
        if (found.isEmpty()) {
            message = "I found no " + wanted + where + ". Check the name, or upload it to the case.";
        } else if (found.size() == 1) {
            message = "Found " + found.get(0).name() + where + ".";
        } else {
            message = "Found " + found.size() + " documents" + where + ": "
                    + found.stream().map(Document::name).collect(Collectors.joining("; ")) + ".";
        }
        return CommandResults.done(reading, message,
                new CommandPayload.FoundDocuments(inCase.map(c -> c.id().toString()).orElse(null), found));
    }
}

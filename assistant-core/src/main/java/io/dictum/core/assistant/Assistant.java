package io.dictum.core.assistant;

import io.dictum.core.DictumProperties;
import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseTeamRepository;
import io.dictum.core.assistant.CommandPayload.Candidates;
import io.dictum.core.assistant.CommandPayload.Examples;
import io.dictum.core.assistant.CommandPayload.FoundDocuments;
import io.dictum.core.assistant.CommandPayload.Nothing;
import io.dictum.core.assistant.CommandPayload.OpenedCase;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.documents.Document;
import io.dictum.core.documents.DocumentId;
import io.dictum.core.documents.DocumentService;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.index.IndexService;
import io.dictum.intents.EntityMatch;
import io.dictum.intents.Intent;
import io.dictum.intents.IntentCatalogue;
import io.dictum.intents.IntentRouter;
import io.dictum.intents.Interpretation;
import io.dictum.intents.Utterance;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Turns what a user said into an action: the intents module reads the words, this class resolves them against the
 * firm's data as the user may see it and carries the command out. A command whose references are ambiguous asks
 * back instead of acting.
 */
@Service
public class Assistant {

    public static final int MAX_TEXT = 1000;
    private static final int DOCUMENT_HITS = 10;

    private final IntentCatalogue catalogue = IntentCatalogue.defaults();
    private final IndexService index;
    private final CaseService cases;
    private final DocumentService documents;
    private final ConversationContexts contexts;
    private final DictumProperties properties;
    private final Clock clock;
    private final CaseTeamRepository teams;

    public Assistant(IndexService index, CaseService cases, DocumentService documents, ConversationContexts contexts,
                     DictumProperties properties, Clock clock, CaseTeamRepository teams) {
        this.teams = teams;
        this.index = index;
        this.cases = cases;
        this.documents = documents;
        this.contexts = contexts;
        this.properties = properties;
        this.clock = clock;
    }

    /** Reads the words without changing anything. */
    public Mono<Interpretation> interpret(Actor actor, CommandRequest request) {
        if (request.text() == null || request.text().isBlank()) {
            return Mono.error(new InvalidInputException("text is required: what the user said"));
        }
        if (request.text().length() > MAX_TEXT) {
            return Mono.error(new InvalidInputException("text is longer than " + MAX_TEXT
                    + " characters; send one command at a time"));
        }
        ZonedDateTime reference = request.referenceTime().map(t -> t.atZoneSameInstant(properties.timeZone()))
                .orElseGet(() -> ZonedDateTime.now(clock.withZone(properties.timeZone())));
        Mono<java.util.Set<String>> screened = teams.screenedFrom(actor.userId()).map(CaseId::toString)
                .collect(java.util.stream.Collectors.toSet());
        return Mono.zip(contextCase(actor, request), screened).flatMap(t -> Mono.fromCallable(() ->
                        new IntentRouter(catalogue, new CaseResolver(index, actor, t.getT2()))
                                .interpret(new Utterance(request.text(), t.getT1().map(CaseId::toString), reference)))
                .subscribeOn(Schedulers.boundedElastic()));
    }

    public Mono<CommandResult> execute(Actor actor, CommandRequest request) {
        return interpret(actor, request).flatMap(reading -> {
            if (!reading.unresolved().isEmpty()) {
                return Mono.just(unresolved(reading));
            }
            return switch (reading.intent()) {
                case OPEN_CASE -> openCase(actor, reading);
                case FIND_DOCUMENT -> findDocument(actor, reading);
                case HELP -> Mono.just(help(reading));
                case CANCEL -> Mono.just(new CommandResult(reading.intent(), reading.slots(), CommandStatus.DONE,
                        "Cancelled. Nothing was changed.", new Nothing()));
                case UNKNOWN -> Mono.just(new CommandResult(reading.intent(), reading.slots(), CommandStatus.REJECTED,
                        "I did not recognise a command in \"" + request.text().strip()
                                + "\". Say \"what can I say\" for examples.", new Nothing()));
                default -> Mono.just(new CommandResult(reading.intent(), reading.slots(), CommandStatus.REJECTED,
                        "I understood " + reading.intent().id().replace('_', ' ')
                                + ", but that command is not available yet. Use the web application for it.",
                        new Nothing()));
            };
        });
    }

    private Mono<Optional<CaseId>> contextCase(Actor actor, CommandRequest request) {
        if (request.caseId().isPresent()) {
            return cases.get(actor, request.caseId().get()).map(c -> Optional.of(c.id()));
        }
        return Mono.just(contexts.openCase(actor.userId()));
    }

    private Mono<CommandResult> openCase(Actor actor, Interpretation reading) {
        return cases.get(actor, CaseId.parse(reading.slots().get("case"))).map(c -> {
            contexts.opened(actor.userId(), c.id());
            return new CommandResult(reading.intent(), reading.slots(), CommandStatus.DONE,
                    "Opened " + c.title() + ", case " + c.number() + ".", new OpenedCase(c));
        });
    }

    private Mono<CommandResult> findDocument(Actor actor, Interpretation reading) {
        String wanted = reading.slots().getOrDefault("document", "");
        Optional<CaseId> caseId = Optional.ofNullable(reading.slots().get("case")).map(CaseId::parse);
        Mono<Optional<LegalCase>> scope = caseId.isPresent()
                ? cases.get(actor, caseId.get()).map(Optional::of) : Mono.just(Optional.empty());
        return scope.flatMap(inCase -> visibleCaseIds(actor, inCase)
                .flatMap(caseIds -> index.read(i -> i.documents(wanted, caseIds, DOCUMENT_HITS)))
                .flatMapMany(hits -> reactor.core.publisher.Flux.fromIterable(hits)
                        .concatMap(hit -> documents.get(actor, DocumentId.parse(hit.id()))
                                .onErrorResume(e -> Mono.empty())))
                .collectList()
                .map(found -> documentsAnswer(reading, wanted, inCase, found)));
    }

    /** Empty for firm members (every case), a client's own cases otherwise; one case when the command names it. */
    private Mono<Optional<Collection<String>>> visibleCaseIds(Actor actor, Optional<LegalCase> inCase) {
        if (inCase.isPresent()) {
            return Mono.just(Optional.of(List.of(inCase.get().id().toString())));
        }
        if (actor.role().isFirmMember()) {
            return Mono.just(Optional.empty());
        }
        return cases.list(actor, Optional.empty(), 0, CaseService.MAX_PAGE_SIZE).map(c -> c.id().toString())
                .collectList().map(Optional::of);
    }

    private static CommandResult documentsAnswer(Interpretation reading, String wanted, Optional<LegalCase> inCase,
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
        return new CommandResult(reading.intent(), reading.slots(), CommandStatus.DONE, message,
                new FoundDocuments(inCase.map(c -> c.id().toString()).orElse(null), found));
    }

    private CommandResult help(Interpretation reading) {
        List<String> examples = new ArrayList<>();
        for (Intent intent : List.of(Intent.OPEN_CASE, Intent.FIND_DOCUMENT, Intent.CANCEL)) {
            catalogue.examples(intent).stream().limit(2).forEach(examples::add);
        }
        return new CommandResult(reading.intent(), reading.slots(), CommandStatus.DONE,
                "You can say, for example: " + String.join("; ", examples) + ".", new Examples(examples));
    }

    private static CommandResult unresolved(Interpretation reading) {
        Map.Entry<String, List<EntityMatch>> first = reading.unresolved().entrySet().iterator().next();
        String slot = first.getKey();
        List<EntityMatch> candidates = first.getValue();
        if (candidates.isEmpty()) {
            return new CommandResult(reading.intent(), reading.slots(), CommandStatus.REJECTED,
                    "I could not find the " + slot + " you named. Say the client's name or the case number.",
                    new Candidates(slot, candidates));
        }
        StringBuilder message = new StringBuilder("Which " + slot + " do you mean: ");
        for (int i = 0; i < candidates.size(); i++) {
            message.append(i == 0 ? "" : i == candidates.size() - 1 ? ", or " : ", ")
                    .append(candidates.get(i).label());
        }
        return new CommandResult(reading.intent(), reading.slots(), CommandStatus.NEEDS_CLARIFICATION,
                message.append("?").toString(), new Candidates(slot, candidates));
    }
}

package io.dictum.core.assistant;

import io.dictum.core.DictumProperties;
import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseTeamRepository;
import io.dictum.core.assistant.CommandPayload.Candidates;
import io.dictum.core.assistant.CommandPayload.Examples;
import io.dictum.core.assistant.CommandPayload.Nothing;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.errors.DictumException;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.index.IndexService;
import io.dictum.intents.EntityMatch;
import io.dictum.intents.Intent;
import io.dictum.intents.IntentCatalogue;
import io.dictum.intents.Interpretation;
import io.dictum.intents.Interpreter;
import io.dictum.intents.Utterance;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final Interpreter interpreter;
    private final IntentCatalogue catalogue;
    private final IndexService index;
    private final CaseService cases;
    private final ConversationContexts contexts;
    private final DictumProperties properties;
    private final Clock clock;
    private final CaseTeamRepository teams;
    private final Map<Intent, CommandHandler> handlers = new EnumMap<>(Intent.class);

    public Assistant(IndexService index, CaseService cases, ConversationContexts contexts, DictumProperties properties,
                     Clock clock, CaseTeamRepository teams, List<CommandHandler> handlers, Interpreter interpreter) {
        this.interpreter = interpreter;
        this.catalogue = interpreter.catalogue();
        this.teams = teams;
        for (CommandHandler handler : handlers) {
            for (Intent intent : handler.intents()) {
                if (this.handlers.put(intent, handler) != null) {
                    throw new IllegalStateException("two command handlers for " + intent.id());
                }
            }
        }
        this.index = index;
        this.cases = cases;
        this.contexts = contexts;
        this.properties = properties;
        this.clock = clock;
    }

    /** Reads the words without changing anything: patterns, then the fallbacks (models run off the event loop). */
    public Mono<Interpretation> interpret(Actor actor, CommandRequest request) {
        if (request.text() == null || request.text().isBlank()) {
            return Mono.error(new InvalidInputException("text is required: what the user said"));
        }
        if (request.text().length() > MAX_TEXT) {
            return Mono.error(new InvalidInputException("text is longer than " + MAX_TEXT
                    + " characters; send one command at a time"));
        }
        ZonedDateTime reference = referenceTime(request);
        Mono<java.util.Set<String>> screened = teams.screenedFrom(actor.userId()).map(CaseId::toString)
                .collect(java.util.stream.Collectors.toSet());
        return Mono.zip(contextCase(actor, request), screened).flatMap(t -> Mono.fromCallable(() ->
                        interpreter.interpret(new Utterance(request.text(), t.getT1().map(CaseId::toString), reference),
                                new CaseResolver(index, actor, t.getT2())))
                .subscribeOn(Schedulers.boundedElastic()));
    }

    public Mono<CommandResult> execute(Actor actor, CommandRequest request) {
        ZonedDateTime reference = referenceTime(request);
        return interpret(actor, request).flatMap(reading -> {
            if (!reading.unresolved().isEmpty()) {
                return Mono.just(unresolved(reading));
            }
            return switch (reading.intent()) {
                case HELP -> Mono.just(help(reading));
                case CANCEL -> Mono.just(CommandResults.done(reading, "Cancelled. Nothing was changed.",
                        new Nothing()));
                case UNKNOWN -> Mono.just(CommandResults.rejected(reading, "I did not recognise a command in \""
                        + request.text().strip() + "\". Say \"what can I say\" for examples."));
                default -> {
                    CommandHandler handler = handlers.get(reading.intent());
                    if (handler == null) {
                        yield Mono.just(CommandResults.rejected(reading, "I understood "
                                + reading.intent().id().replace('_', ' ')
                                + ", but that command is not available by voice yet. Use the web application."));
                    }
                    CommandContext context = new CommandContext(request.text(), reference,
                            contexts.openCase(actor.userId()));
                    // What a service refuses (no timer running, not allowed...) is the answer, not an HTTP error.
                    yield handler.execute(actor, reading, context).onErrorResume(DictumException.class,
                            e -> Mono.just(CommandResults.rejected(reading, e.getMessage())));
                }
            };
        });
    }

    private ZonedDateTime referenceTime(CommandRequest request) {
        return request.referenceTime().map(t -> t.atZoneSameInstant(properties.timeZone()))
                .orElseGet(() -> ZonedDateTime.now(clock.withZone(properties.timeZone())));
    }

    private Mono<Optional<CaseId>> contextCase(Actor actor, CommandRequest request) {
        if (request.caseId().isPresent()) {
            return cases.get(actor, request.caseId().get()).map(c -> Optional.of(c.id()));
        }
        return Mono.just(contexts.openCase(actor.userId()));
    }





    private CommandResult help(Interpretation reading) {
        List<String> examples = new ArrayList<>();
        for (Intent intent : Intent.values()) {
            if (handlers.containsKey(intent) || intent == Intent.CANCEL) {
                catalogue.examples(intent).stream().limit(1).forEach(examples::add);
            }
        }
        return new CommandResult(reading.intent(), reading.slots(), CommandStatus.DONE,
                "You can say, for example: " + String.join("; ", examples) + ".", new Examples(examples),
                reading.source());
    }

    private static CommandResult unresolved(Interpretation reading) {
        Map.Entry<String, List<EntityMatch>> first = reading.unresolved().entrySet().iterator().next();
        String slot = first.getKey();
        List<EntityMatch> candidates = first.getValue();
        if (!slot.equals("case")) {
            return new CommandResult(reading.intent(), reading.slots(), CommandStatus.NEEDS_CLARIFICATION,
                    "I could not make out the " + slot + " — it may not exist (there is no February 30th)."
                            + " Say it again, for example \"March third\".", new Candidates(slot, candidates),
                    reading.source());
        }
        if (candidates.isEmpty()) {
            return new CommandResult(reading.intent(), reading.slots(), CommandStatus.REJECTED,
                    "I could not find the case you named. Say the client's name or the case number.",
                    new Candidates(slot, candidates), reading.source());
        }
        StringBuilder message = new StringBuilder("Which case do you mean: ");
        for (int i = 0; i < candidates.size(); i++) {
            message.append(i == 0 ? "" : i == candidates.size() - 1 ? ", or " : ", ")
                    .append(candidates.get(i).label());
        }
        return new CommandResult(reading.intent(), reading.slots(), CommandStatus.NEEDS_CLARIFICATION,
                message.append("?").toString(), new Candidates(slot, candidates), reading.source());
    }
}

package io.dictum.core.assistant;

import io.dictum.core.FirmCalendar;
import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseTeamRepository;
import io.dictum.core.assistant.CommandPayload.Candidates;
import io.dictum.core.assistant.CommandPayload.Examples;
import io.dictum.core.assistant.CommandPayload.Nothing;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.cases.CaseStatus;
import io.dictum.core.errors.DictumException;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.index.IndexService;
import io.dictum.core.users.UserId;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
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
    private final FirmCalendar calendar;
    private final Clock clock;
    private final CaseTeamRepository teams;
    private final Map<Intent, CommandHandler> handlers = new EnumMap<>(Intent.class);
    private final FollowUps followUps = FollowUps.defaults();
    private final AssistantProperties settings;

    public Assistant(IndexService index, CaseService cases, ConversationContexts contexts, FirmCalendar calendar,
                     AssistantProperties settings, Clock clock, CaseTeamRepository teams,
                     List<CommandHandler> handlers, Interpreter interpreter) {
        this.interpreter = interpreter;
        this.catalogue = interpreter.catalogue();
        this.teams = teams;
        this.settings = settings;
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
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Reads the words without changing anything: patterns, then the fallbacks (models run off the event loop). */
    public Mono<Interpretation> interpret(Actor actor, CommandRequest request) {
        return validate(request).then(contextCase(actor, request)).flatMap(context -> read(actor, request, context));
    }

    private static Mono<Void> validate(CommandRequest request) {
        if (request.text() == null || request.text().isBlank()) {
            return Mono.error(new InvalidInputException("text is required: what the user said"));
        }
        if (request.text().length() > MAX_TEXT) {
            return Mono.error(new InvalidInputException("text is longer than " + MAX_TEXT
                    + " characters; send one command at a time"));
        }
        return Mono.empty();
    }

    private Mono<Interpretation> read(Actor actor, CommandRequest request, Optional<CaseId> context) {
        ZonedDateTime reference = referenceTime(request);
        return teams.screenedFrom(actor.userId()).map(CaseId::toString).collect(Collectors.toSet())
                .flatMap(screened -> Mono.fromCallable(() -> interpreter.interpret(new Utterance(request.text(),
                                context.map(CaseId::toString), reference), new CaseResolver(index, actor, screened)))
                        .subscribeOn(Schedulers.boundedElastic()));
    }

    /**
     * Carries out what the user said. When a question asked back is waiting, the words are first read as its answer
     * ("the second one", "the estate one", "neither"); anything else drops the question and is a new command.
     */
    public Mono<CommandResult> execute(Actor actor, CommandRequest request) {
        return validate(request).then(contexts.pending(actor.userId())).flatMap(question -> question.isPresent()
                ? answer(actor, request, question.get()) : command(actor, request));
    }

    private Mono<CommandResult> command(Actor actor, CommandRequest request) {
        ZonedDateTime reference = referenceTime(request);
        return contextCase(actor, request).flatMap(openCase -> read(actor, request, openCase).flatMap(reading -> {
            if (!reading.unresolved().isEmpty()) {
                return remember(actor, reading, unresolved(reading), reference);
            }
            return switch (reading.intent()) {
                case HELP -> Mono.just(help(reading));
                case CANCEL -> Mono.just(CommandResults.done(reading, "Cancelled. Nothing was changed.",
                        new Nothing()));
                case UNKNOWN -> Mono.just(CommandResults.rejected(reading, "I did not recognise a command in \""
                        + request.text().strip() + "\". Say \"what can I say\" for examples."));
                default -> dispatch(actor, reading, new CommandContext(request.text(), reference, openCase));
            };
        }));
    }

    private Mono<CommandResult> dispatch(Actor actor, Interpretation reading, CommandContext context) {
        CommandHandler handler = handlers.get(reading.intent());
        if (handler == null) {
            return Mono.just(CommandResults.rejected(reading, "I understood "
                    + reading.intent().id().replace('_', ' ')
                    + ", but that command is not available by voice yet. Use the web application."));
        }
        // What a service refuses (no timer running, not allowed...) is the answer, not an HTTP error.
        return handler.execute(actor, reading, context)
                .onErrorResume(DictumException.class, e -> Mono.just(CommandResults.rejected(reading, e.getMessage())))
                .flatMap(result -> remember(actor, reading, result, context.referenceTime()));
    }

    /** Reads the words as the answer to the question waiting; carries the command out when they pick a candidate. */
    private Mono<CommandResult> answer(Actor actor, CommandRequest request, PendingClarification question) {
        FollowUps.Answer answer = followUps.read(request.text(), question.choices());
        Interpretation asked = asked(question);
        UserId user = actor.userId();
        if (question.expiredAt(clock.instant())) {
            Mono<Boolean> drop = contexts.take(user, question.id());
            if (answer instanceof FollowUps.NotAnAnswer || answer instanceof FollowUps.Cancel) {
                return drop.then(command(actor, request));
            }
            return drop.thenReturn(CommandResults.rejected(asked, "That question has expired, so nothing was done."
                    + " Say the whole command again, naming the " + question.slot() + "."));
        }
        if (answer instanceof FollowUps.Chosen chosen) {
            Choice choice = question.choices().get(chosen.index());
            return contexts.take(user, question.id()).flatMap(took -> took ? settle(actor, request, question, choice)
                    : Mono.just(CommandResults.rejected(asked, "That question was answered already."
                    + " Say the whole command again if you meant to do it twice.")));
        }
        if (answer instanceof FollowUps.Cancel) {
            return contexts.take(user, question.id()).thenReturn(CommandResults.done(new Interpretation(
                    Intent.CANCEL, Map.of(), 1.0, List.of(), Map.of()), "Cancelled. Nothing was changed.",
                    new Nothing()));
        }
        if (answer instanceof FollowUps.StillAmbiguous still) {
            return askAgain(actor, asked, question, still.indexes().stream().map(question.choices()::get).toList(),
                    "Those words fit more than one. ");
        }
        if (answer instanceof FollowUps.OutOfRange outOfRange) {
            return askAgain(actor, asked, question, question.choices(), "There "
                    + (question.choices().size() == 1 ? "is" : "are") + " only " + question.choices().size()
                    + ", not " + outOfRange.place() + ". ");
        }
        return contexts.take(user, question.id()).then(command(actor, request));
    }

    /**
     * Asks the question again among these candidates, leaving out cases the user may no longer see (a wall raised
     * since the question was first asked), with a fresh time to answer.
     */
    private Mono<CommandResult> askAgain(Actor actor, Interpretation asked, PendingClarification question,
                                         List<Choice> choices, String lead) {
        return Flux.fromIterable(choices)
                .filterWhen(choice -> !question.slot().equals("case") ? Mono.just(true)
                        : cases.get(actor, CaseId.parse(choice.id())).thenReturn(true)
                        .onErrorResume(DictumException.class, e -> Mono.just(false)))
                .collectList()
                .flatMap(visible -> {
                    if (visible.isEmpty()) {
                        return contexts.take(actor.userId(), question.id()).thenReturn(CommandResults.rejected(asked,
                                "None of those is available to you now, so nothing was done."));
                    }
                    PendingClarification again = new PendingClarification(UUID.randomUUID(), question.intent(),
                            question.slots(), question.slot(), visible, question(question.slot(), visible),
                            question.referenceTime(), clock.instant().plus(settings.clarificationTtl()));
                    return contexts.ask(actor.userId(), again).thenReturn(CommandResults.askBack(asked,
                            lead + again.question(), candidates(again)));
                });
    }

    /** The waiting command, carried out with the chosen candidate exactly as if it had been named. */
    private Mono<CommandResult> settle(Actor actor, CommandRequest request, PendingClarification question,
                                       Choice choice) {
        Map<String, String> slots = new LinkedHashMap<>(question.slots());
        slots.put(question.slot(), choice.id());
        Interpretation reading = new Interpretation(question.intent(), slots, 1.0, List.of(), Map.of());
        ZonedDateTime reference = question.referenceTime().atZoneSameInstant(calendar.zone());
        // A case is read again through the access rules before any handler sees it: a wall raised since the
        // question was asked holds even where a handler would not look the case up itself.
        Mono<Boolean> visible = !question.slot().equals("case") ? Mono.just(true)
                : cases.get(actor, CaseId.parse(choice.id())).thenReturn(true)
                .onErrorResume(DictumException.class, e -> Mono.just(false));
        return visible.flatMap(ok -> !ok
                ? Mono.just(CommandResults.rejected(asked(question), "That case is not available to you now,"
                        + " so nothing was done. List your cases to see the ones you may work on."))
                : contexts.openCase(actor).flatMap(openCase -> dispatch(actor, reading,
                        new CommandContext(request.text(), reference, openCase))));
    }

    private static Interpretation asked(PendingClarification question) {
        return new Interpretation(question.intent(), question.slots(), 1.0, List.of(), Map.of());
    }

    /**
     * Keeps a question with candidates as the conversation's open question, so that the next words may answer it.
     * A reading with more than one unsettled slot is not kept: one answer could not settle it; nor is a question whose
     * handler cannot take a chosen candidate's id (see {@link CommandHandler#takesChosenId}).
     */
    private Mono<CommandResult> remember(Actor actor, Interpretation reading, CommandResult result,
                                         ZonedDateTime reference) {
        CommandHandler handler = handlers.get(result.intent());
        if (result.status() != CommandStatus.NEEDS_CLARIFICATION || !(result.result() instanceof Candidates asked)
                || asked.candidates().isEmpty() || reading.unresolved().size() > 1 || actor.userId() == null
                || handler == null || !handler.takesChosenId(asked.slot())) {
            return Mono.just(result);
        }
        return Flux.fromIterable(asked.candidates())
                .concatMap(match -> details(actor, asked.slot(), match).map(details -> Choice.of(match, details)))
                .collectList()
                .flatMap(choices -> contexts.ask(actor.userId(), new PendingClarification(UUID.randomUUID(),
                        result.intent(), result.slots(), asked.slot(), choices, result.message(),
                        reference.toOffsetDateTime(), clock.instant().plus(settings.clarificationTtl()))))
                .thenReturn(result);
    }

    /** Words that describe a case beyond its title, for answers such as "the estate one" or "the 2024 one". */
    private Mono<String> details(Actor actor, String slot, EntityMatch match) {
        if (!slot.equals("case")) {
            return Mono.just("");
        }
        return cases.get(actor, CaseId.parse(match.id()))
                // "open" is left out: it is also the verb of a new command ("open the Johnson estate")
                .map(c -> String.join(" ", c.matterType().spoken(), c.number(),
                        c.status() == CaseStatus.CLOSED ? "closed" : "",
                        c.openedOn() == null ? "" : String.valueOf(c.openedOn().getYear())))
                .onErrorResume(DictumException.class, e -> Mono.just(""));
    }

    private static Candidates candidates(PendingClarification question) {
        return new Candidates(question.slot(), question.choices().stream().map(Choice::match).toList());
    }

    private ZonedDateTime referenceTime(CommandRequest request) {
        return request.referenceTime().map(t -> t.atZoneSameInstant(calendar.zone())).orElseGet(calendar::now);
    }

    private Mono<Optional<CaseId>> contextCase(Actor actor, CommandRequest request) {
        if (request.caseId().isPresent()) {
            return cases.get(actor, request.caseId().get()).map(c -> Optional.of(c.id()));
        }
        return contexts.openCase(actor);
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
        return new CommandResult(reading.intent(), reading.slots(), CommandStatus.NEEDS_CLARIFICATION,
                question(slot, candidates.stream().map(m -> Choice.of(m, "")).toList()), new Candidates(slot, candidates),
                reading.source());
    }

    private static String question(String slot, List<Choice> choices) {
        StringBuilder message = new StringBuilder(slot.equals("case") ? "Which case do you mean: "
                : "Which do you mean: ");
        for (int i = 0; i < choices.size(); i++) {
            message.append(i == 0 ? "" : i == choices.size() - 1 ? ", or " : ", ").append(choices.get(i).label());
        }
        return message.append("?").toString();
    }
}

package io.dictum.core.assistant.commands;

import io.dictum.core.access.Actor;
import io.dictum.core.assistant.CommandContext;
import io.dictum.core.assistant.CommandHandler;
import io.dictum.core.assistant.CommandPayload;
import io.dictum.core.assistant.CommandResult;
import io.dictum.core.assistant.CommandResults;
import io.dictum.core.billing.StartTimer;
import io.dictum.core.billing.StopTimer;
import io.dictum.core.billing.TimeEntry;
import io.dictum.core.billing.TimeEntryService;
import io.dictum.core.billing.TimerService;
import io.dictum.core.billing.TimerView;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.intents.Intent;
import io.dictum.intents.Interpretation;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** "Start a timer for the Johnson matter", "stop the timer", "log point three on Miller for a call with the adjuster". */
@Component
class BillingCommands implements CommandHandler {

    record TimerState(TimerView timer) implements CommandPayload {
    }

    record RecordedTime(TimeEntry entry) implements CommandPayload {
    }

    private final TimerService timers;
    private final TimeEntryService entries;
    private final CaseService cases;

    BillingCommands(TimerService timers, TimeEntryService entries, CaseService cases) {
        this.timers = timers;
        this.entries = entries;
        this.cases = cases;
    }

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.START_TIMER, Intent.STOP_TIMER, Intent.LOG_TIME);
    }

    @Override
    public Mono<CommandResult> execute(Actor actor, Interpretation reading, CommandContext context) {
        return switch (reading.intent()) {
            case START_TIMER -> start(actor, reading);
            case STOP_TIMER -> stop(actor, reading, context.openCase());
            case LOG_TIME -> log(actor, reading);
            default -> Mono.error(new IllegalStateException("not a billing command: " + reading.intent()));
        };
    }

    private Mono<CommandResult> start(Actor actor, Interpretation reading) {
        CaseId caseId = Optional.ofNullable(reading.slots().get("case")).map(CaseId::parse).orElse(null);
        return timers.start(actor, new StartTimer(caseId, null))
                .flatMap(timer -> caseTitle(actor, caseId).map(title -> CommandResults.done(reading,
                        "Timer started" + title.map(t -> " for " + t).orElse("; name the case when you stop it")
                                + ".", new TimerState(timer))));
    }

    private Mono<CommandResult> stop(Actor actor, Interpretation reading, Optional<CaseId> openCase) {
        // The timer's own case first; the conversation's case only for a timer started without one.
        return timers.stop(actor, null)
                .onErrorResume(InvalidInputException.class, e -> openCase.isPresent()
                        ? timers.stop(actor, new StopTimer(openCase.get(), null, null, null, null)) : Mono.error(e))
                .flatMap(entry -> recorded(actor, reading, entry, "Timer stopped: "));
    }

    private Mono<CommandResult> log(Actor actor, Interpretation reading) {
        String caseSlot = reading.slots().get("case");
        if (caseSlot == null) {
            return Mono.just(CommandResults.askBack(reading, "On which case? Say, for example, \"log thirty minutes"
                    + " on Miller\", or open the case first.", new CommandPayload.Nothing()));
        }
        return entries.logTime(actor, CaseId.parse(caseSlot), Integer.parseInt(reading.slots().get("minutes")),
                        reading.slots().get("description"))
                .flatMap(entry -> recorded(actor, reading, entry, "Logged "));
    }

    private Mono<CommandResult> recorded(Actor actor, Interpretation reading, TimeEntry entry, String lead) {
        return caseTitle(actor, entry.caseId()).map(title -> CommandResults.done(reading, lead + entry.minutes()
                + " minutes (" + entry.billedHours().toPlainString() + " h billed) on " + title.orElse("the case")
                + (entry.description() == null ? "" : " for " + entry.description()) + ".", new RecordedTime(entry)));
    }

    private Mono<Optional<String>> caseTitle(Actor actor, CaseId caseId) {
        return caseId == null ? Mono.just(Optional.empty()) : cases.get(actor, caseId).map(c -> Optional.of(c.title()));
    }
}

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
import io.dictum.core.billing.TimeSummaries;
import io.dictum.core.billing.TimeSummary;
import io.dictum.core.billing.TimerService;
import io.dictum.core.billing.TimerView;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.errors.ConflictException;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.errors.NotFoundException;
import io.dictum.intents.Intent;
import io.dictum.intents.Interpretation;
import io.dictum.templates.docx.LegalFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * "Start a timer for the Johnson matter", "pause the timer", "resume the timer", "stop the timer", "log point three
 * on Miller for a call with the adjuster", "how much time did I bill this week".
 */
@Component
class BillingCommands implements CommandHandler {

    record TimerState(TimerView timer) implements CommandPayload {
    }

    record RecordedTime(TimeEntry entry) implements CommandPayload {
    }

    record Summary(TimeSummary summary) implements CommandPayload {
    }

    private final TimerService timers;
    private final TimeEntryService entries;
    private final CaseService cases;
    private final TimeSummaries summaries;

    BillingCommands(TimerService timers, TimeEntryService entries, CaseService cases, TimeSummaries summaries) {
        this.timers = timers;
        this.entries = entries;
        this.cases = cases;
        this.summaries = summaries;
    }

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.START_TIMER, Intent.STOP_TIMER, Intent.PAUSE_TIMER, Intent.RESUME_TIMER,
                Intent.LOG_TIME, Intent.TIME_SUMMARY);
    }

    @Override
    public Mono<CommandResult> execute(Actor actor, Interpretation reading, CommandContext context) {
        return switch (reading.intent()) {
            case START_TIMER -> start(actor, reading);
            case STOP_TIMER -> spoken(actor, reading, stop(actor, reading, context.openCase()));
            case PAUSE_TIMER -> spoken(actor, reading, timers.pause(actor)
                    .flatMap(t -> timerState(actor, reading, t, "Timer paused")));
            case RESUME_TIMER -> spoken(actor, reading, timers.resume(actor)
                    .flatMap(t -> timerState(actor, reading, t, "Timer resumed")));
            case LOG_TIME -> log(actor, reading);
            case TIME_SUMMARY -> summary(actor, reading);
            default -> Mono.error(new IllegalStateException("not a billing command: " + reading.intent()));
        };
    }

    private Mono<CommandResult> start(Actor actor, Interpretation reading) {
        CaseId caseId = Optional.ofNullable(reading.slots().get("case")).map(CaseId::parse).orElse(null);
        // what the time is for ("start timing research for Thompson") becomes the entry's description at the stop
        String activity = reading.slots().get("activity");
        return spoken(actor, reading, timers.start(actor, new StartTimer(caseId, activity))
                .flatMap(timer -> caseTitle(actor, caseId).map(title -> CommandResults.done(reading,
                        "Timer started" + title.map(t -> " for " + t).orElse("; name the case when you stop it")
                                + (activity == null ? "" : " (" + timer.activity() + ")") + ".",
                        new TimerState(timer)))));
    }

    /**
     * A timer request that cannot be carried out is answered in words the speaker can say next, with the timer's own
     * case and time, not with the HTTP API's advice (the API's messages name endpoints and ids).
     */
    private Mono<CommandResult> spoken(Actor actor, Interpretation reading, Mono<CommandResult> request) {
        return request
                .onErrorResume(NotFoundException.class, e -> timers.current(actor).hasElement().flatMap(has -> has
                        ? Mono.error(e) // not about the timer: the case named, say
                        : Mono.just(CommandResults.rejected(reading, "You have no timer; say \"start a timer for"
                        + " Miller\" to start one, or \"log thirty minutes on Miller\" to record time."))))
                .onErrorResume(ConflictException.class, e -> timers.current(actor)
                        .flatMap(t -> caseTitle(actor, t.caseId()).map(title -> CommandResults.rejected(reading,
                                timerBusy(reading, t, title))))
                        .switchIfEmpty(Mono.error(e)));
    }

    private static String timerBusy(Interpretation reading, TimerView t, Optional<String> title) {
        boolean running = "running".equals(t.state());
        long minutes = t.elapsedSeconds() / 60;
        String timer = "Your timer " + (running ? "is running" : "is paused") + title.map(x -> " on " + x)
                .orElse("") + " at " + minutes / 60 + ":" + String.format("%02d", minutes % 60);
        return switch (reading.intent()) {
            case START_TIMER -> timer + "; say \"stop the timer\" to record it before starting another"
                    + (running ? ", or \"pause the timer\"." : ".");
            case PAUSE_TIMER -> timer + "; say \"resume the timer\" to go on.";
            case RESUME_TIMER -> timer + ".";
            default -> timer + "; say \"stop the timer\" to record it.";
        };
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

    private Mono<CommandResult> timerState(Actor actor, Interpretation reading, TimerView timer, String lead) {
        long minutes = timer.elapsedSeconds() / 60;
        return caseTitle(actor, timer.caseId()).map(title -> CommandResults.done(reading, lead + " at "
                + minutes / 60 + ":" + String.format("%02d", minutes % 60) + title.map(t -> " on " + t).orElse("")
                + ".", new TimerState(timer)));
    }

    /** The speaker's own time in the period said (today when none), on the case said or on every case. */
    private Mono<CommandResult> summary(Actor actor, Interpretation reading) {
        LocalDate today = entries.today();
        String period = reading.slots().get("period");
        LocalDate from = today;
        LocalDate to = today;
        if (period != null) {
            String[] ends = period.split("/");
            from = LocalDate.parse(ends[0]);
            to = LocalDate.parse(ends[ends.length - 1]);
        }
        Optional<CaseId> caseId = Optional.ofNullable(reading.slots().get("case")).map(CaseId::parse);
        String when = when(from, to, today);
        return summaries.mine(actor, caseId, from, to).flatMap(s -> caseTitle(actor, s.caseId()).map(title -> {
            String where = title.map(t -> " on " + t).orElse("");
            if (s.entries() == 0) {
                return CommandResults.done(reading, "You have no time recorded" + where + " " + when + ".",
                        new Summary(s));
            }
            String message = capitalise(when) + " you recorded " + hours(s.billedHours()) + where + " in "
                    + s.entries() + (s.entries() == 1 ? " entry" : " entries") + ": " + hours(s.billableHours())
                    + " billable, " + LegalFormat.money(s.billableAmount(), s.currency()) + " at the current rates"
                    + (s.unpricedEntries() == 0 ? "" : " (" + s.unpricedEntries() + " without an hourly rate)")
                    + ".";
            return CommandResults.done(reading, message, new Summary(s));
        }));
    }

    private static String hours(BigDecimal hours) {
        String h = LegalFormat.hours(hours);
        return h + (h.equals("1.0") ? " hour" : " hours");
    }

    private static String when(LocalDate from, LocalDate to, LocalDate today) {
        if (from.equals(to)) {
            return from.equals(today) ? "today" : from.equals(today.minusDays(1)) ? "yesterday"
                    : "on " + LegalFormat.date(from);
        }
        return "from " + LegalFormat.date(from) + " to " + LegalFormat.date(to);
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private Mono<CommandResult> recorded(Actor actor, Interpretation reading, TimeEntry entry, String lead) {
        return caseTitle(actor, entry.caseId()).map(title -> CommandResults.done(reading, lead + entry.minutes()
                + (entry.minutes() == 1 ? " minute (" : " minutes (") + entry.billedHours().toPlainString() + " h billed) on " + title.orElse("the case")
                + (entry.description() == null ? "" : " for " + entry.description()) + ".", new RecordedTime(entry)));
    }

    private Mono<Optional<String>> caseTitle(Actor actor, CaseId caseId) {
        return caseId == null ? Mono.just(Optional.empty()) : cases.get(actor, caseId).map(c -> Optional.of(c.title()));
    }
}

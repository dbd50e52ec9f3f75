package io.dictum.core.billing;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.cases.CaseId;
import io.dictum.core.errors.ConflictException;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.errors.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * One timer per user, running or paused. Stopping removes the timer and records its time entry in one
 * transaction; the removal counts rows, so of two stops racing only one records an entry (and the entry's unique
 * timer id would refuse a second one anyway). A timer that has no case asks for one at stop and keeps running.
 */
@Service
public class TimerService {

    private final CaseLookup cases;
    private final TimerRepository timers;
    private final TimeEntryRepository entries;
    private final TimeEntryService timeEntries;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final UtbmsCodes codes = UtbmsCodes.standard();

    public TimerService(CaseLookup cases, TimerRepository timers, TimeEntryRepository entries,
                        TimeEntryService timeEntries, TransactionalOperator tx, Clock clock) {
        this.cases = cases;
        this.timers = timers;
        this.entries = entries;
        this.timeEntries = timeEntries;
        this.tx = tx;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    public Mono<TimerView> start(Actor actor, StartTimer request) {
        return Mono.defer(() -> {
            CaseAccess.requireFirmMember(actor, "keep timers");
            CaseId caseId = request == null ? null : request.caseId();
            String activity = request == null || request.activity() == null || request.activity().isBlank() ? null
                    : codes.isActivity(request.activity()) ? codes.activity(request.activity())
                    : Inputs.description(request.activity());
            Mono<Void> visible = caseId == null ? Mono.empty() : cases.get(actor, caseId).then();
            return visible.then(timers.findByUser(actor.userId()))
                    .flatMap(existing -> Mono.<TimerView>error(alreadyRunning(existing)))
                    .switchIfEmpty(Mono.defer(() -> {
                        OffsetDateTime now = now();
                        Timer t = new Timer(UUID.randomUUID(), actor.userId(), caseId, activity, now, now, 0);
                        return timers.insert(t)
                                .onErrorMap(DataIntegrityViolationException.class, e -> new ConflictException(
                                        "You have a timer already; stop it (POST /api/v1/timers/stop) before"
                                                + " starting another."))
                                .thenReturn(TimerView.of(t, now.toInstant()));
                    }));
        });
    }

    public Mono<TimerView> current(Actor actor) {
        return Mono.defer(() -> {
            CaseAccess.requireFirmMember(actor, "keep timers");
            Instant now = clock.instant();
            return timers.findByUser(actor.userId()).map(t -> TimerView.of(t, now));
        });
    }

    public Mono<TimerView> pause(Actor actor) {
        return mine(actor).flatMap(t -> {
            if (!t.running()) {
                return Mono.error(new ConflictException("Your timer is paused already; resume it with POST"
                        + " /api/v1/timers/resume."));
            }
            OffsetDateTime now = now();
            long elapsed = t.elapsedSeconds(now.toInstant());
            return timers.pause(t.id(), elapsed).flatMap(n -> n == 0
                    ? Mono.error(new ConflictException("Your timer changed meanwhile; look at GET"
                    + " /api/v1/timers/current."))
                    : Mono.just(TimerView.of(new Timer(t.id(), t.userId(), t.caseId(), t.activity(), t.startedAt(),
                    null, elapsed), now.toInstant())));
        });
    }

    public Mono<TimerView> resume(Actor actor) {
        return mine(actor).flatMap(t -> {
            if (t.running()) {
                return Mono.error(new ConflictException("Your timer is running already."));
            }
            OffsetDateTime now = now();
            return timers.resume(t.id(), now).flatMap(n -> n == 0
                    ? Mono.error(new ConflictException("Your timer changed meanwhile; look at GET"
                    + " /api/v1/timers/current."))
                    : Mono.just(TimerView.of(new Timer(t.id(), t.userId(), t.caseId(), t.activity(), t.startedAt(),
                    now, t.accumulatedSeconds()), now.toInstant())));
        });
    }

    /** Stops the timer and records its time (whole minutes, a started minute counting) as a time entry. */
    public Mono<TimeEntry> stop(Actor actor, StopTimer request) {
        return mine(actor).flatMap(t -> {
            CaseId caseId = request != null && request.caseId() != null ? request.caseId() : t.caseId();
            if (caseId == null) {
                return Mono.error(new InvalidInputException("This timer was started without a case; send"
                        + " {\"caseId\": ...} with the stop. The timer keeps running."));
            }
            return cases.get(actor, caseId).flatMap(c -> {
                TimeEntry entry = timeEntries.fromTimer(actor, c, t, t.elapsedMinutes(clock.instant()), request);
                return timers.delete(t.id())
                        .flatMap(n -> n == 0 ? Mono.error(stoppedAlready()) : entries.insert(entry))
                        .onErrorMap(DataIntegrityViolationException.class, e -> stoppedAlready())
                        .as(tx::transactional)
                        .thenReturn(entry);
            });
        });
    }

    /** Throws the timer away without recording time. */
    public Mono<Void> discard(Actor actor) {
        return mine(actor).flatMap(t -> timers.delete(t.id()))
                .flatMap(n -> n == 0 ? Mono.error(stoppedAlready()) : Mono.empty());
    }

    private Mono<Timer> mine(Actor actor) {
        return Mono.defer(() -> {
            CaseAccess.requireFirmMember(actor, "keep timers");
            return timers.findByUser(actor.userId());
        }).switchIfEmpty(Mono.error(() -> new NotFoundException("You have no timer; start one with POST"
                + " /api/v1/timers/start.")));
    }

    private static ConflictException stoppedAlready() {
        return new ConflictException("The timer was stopped already; its time entry was recorded once.");
    }

    private static ConflictException alreadyRunning(Timer t) {
        return new ConflictException("You have a timer " + (t.running() ? "running" : "paused") + " since "
                + t.startedAt() + (t.caseId() == null ? "" : " on case " + t.caseId())
                + "; stop it (POST /api/v1/timers/stop) before starting another.");
    }
}

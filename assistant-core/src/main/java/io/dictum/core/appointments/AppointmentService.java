package io.dictum.core.appointments;

import io.dictum.core.DateRange;
import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.access.CaseFilter;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.errors.ForbiddenException;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.errors.NotFoundException;
import io.dictum.core.paging.Page;
import io.dictum.core.paging.PageRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The case calendar's appointments. Like the docket, it is the firm's working calendar: firm members see and change
 * it on the cases they may see (a case behind an ethical wall is a not-found, as everywhere), a client sees the
 * milestones the firm shares instead. Creating and deleting are in the audit trail, in the same transaction.
 */
@Service
public class AppointmentService {

    public static final int MAX_TITLE = 200;
    public static final int MAX_LOCATION = 300;
    /** A day: longer matters, such as a trial, are one appointment per day. */
    public static final int MAX_DURATION_MINUTES = 24 * 60;
    public static final int MAX_RESULTS = 1000;

    private final AppointmentRepository appointments;
    private final CaseService cases;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    public AppointmentService(AppointmentRepository appointments, CaseService cases, AuditLog audit,
                              TransactionalOperator tx, Clock clock) {
        this.appointments = appointments;
        this.cases = cases;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Mono<Appointment> create(Actor actor, CaseId caseId, NewAppointment request) {
        return Mono.defer(() -> {
            CaseAccess.requireFirmMember(actor, "put appointments on the calendar");
            if (request == null) {
                throw new InvalidInputException("Send {title, date, time?, durationMinutes?, location?} as JSON, e.g."
                        + " {\"title\":\"Mediation\",\"date\":\"2026-12-10\",\"time\":\"13:30\"}.");
            }
            String title = title(request.title());
            LocalDate date = DateRange.day("date", request.date()).orElseThrow(() -> new InvalidInputException(
                    "date is required: the day of the appointment as yyyy-mm-dd, e.g. 2026-12-10."));
            LocalTime time = time(request.time());
            Integer minutes = duration(request.durationMinutes(), time);
            String location = location(request.location());
            return cases.get(actor, caseId).flatMap(c -> {
                // Microseconds: what both databases keep, so an appointment reads back as it was returned.
                Appointment a = new Appointment(UUID.randomUUID(), c.id(), c.number(), title, date, time, minutes,
                        location, actor.userId(), OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
                return appointments.insert(a)
                        .then(audit.record(actor, "appointment.create", "appointment", a.id().toString(), c.id(),
                                describe(a)))
                        .as(tx::transactional)
                        .thenReturn(a);
            });
        });
    }

    /** Appointments between from and to (inclusive, ISO dates, either may be omitted) on the cases the actor sees. */
    public Flux<Appointment> list(Actor actor, Optional<CaseId> caseId, String from, String to) {
        return visibleRange(actor, caseId, from, to).flatMapMany(range -> appointments.find(caseId,
                CaseFilter.of(actor), range.from(), range.to(), MAX_RESULTS));
    }

    /** A page of what {@link #list} selects, with how many there are in all. */
    public Mono<Page<Appointment>> page(Actor actor, Optional<CaseId> caseId, String from, String to,
                                        PageRequest request) {
        CaseFilter visible = CaseFilter.of(actor);
        return visibleRange(actor, caseId, from, to).flatMap(range -> appointments.page(caseId, visible,
                        range.from(), range.to(), request).collectList()
                .zipWith(appointments.count(caseId, visible, range.from(), range.to()),
                        (items, total) -> new Page<>(items, total, request.page(), request.size())));
    }

    /** Takes an appointment off the calendar; one on a case the actor may not see is a not-found. */
    public Mono<Void> delete(Actor actor, UUID id) {
        return firmOnly(actor).then(appointments.findById(id))
                .filterWhen(a -> cases.get(actor, a.caseId()).hasElement()
                        .onErrorReturn(NotFoundException.class, false))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No appointment " + id + " is visible to you;"
                        + " list appointments with GET /api/v1/appointments.")))
                .flatMap(a -> appointments.delete(a.id())
                        .flatMap(deleted -> deleted ? audit.record(actor, "appointment.delete", "appointment",
                                a.id().toString(), a.caseId(), describe(a)) : Mono.empty())
                        .as(tx::transactional));
    }

    private static Mono<Void> firmOnly(Actor actor) {
        return actor.role().isFirmMember() ? Mono.empty() : Mono.error(new ForbiddenException(
                "The case calendar is kept by your attorneys. The dates that concern you are the milestones in your"
                        + " portal: GET /api/v1/portal/cases/{id}/milestones."));
    }

    /** The dates checked, then who may read the calendar and the case (when one is given). */
    private Mono<DateRange> visibleRange(Actor actor, Optional<CaseId> caseId, String from, String to) {
        return Mono.fromCallable(() -> DateRange.of(from, to))
                .flatMap(range -> firmOnly(actor).then(caseId.map(id -> cases.get(actor, id).then()).orElse(Mono.empty()))
                .thenReturn(range));
    }

    private static String describe(Appointment a) {
        return a.title() + " on " + a.date() + (a.time() == null ? " (all day)" : " at " + a.time())
                + (a.durationMinutes() == null ? "" : ", " + a.durationMinutes() + " min")
                + (a.location() == null ? "" : ", " + a.location());
    }

    private static String title(String title) {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("title is required: what the appointment is, as you would say it, e.g."
                    + " \"Mediation\" or \"Deposition of Officer Boyle\".");
        }
        if (title.strip().length() > MAX_TITLE) {
            throw new InvalidInputException("title may have at most " + MAX_TITLE + " characters; put the rest in"
                    + " the case's notes.");
        }
        return title.strip();
    }

    /** Blank means all day. */
    private static LocalTime time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("time '" + text + "' is not a time of day; send HH:mm on the 24-hour"
                    + " clock in the firm's time zone, e.g. 13:30, or leave time out for an all-day appointment.");
        }
    }

    private static Integer duration(Integer minutes, LocalTime time) {
        if (minutes == null) {
            return null;
        }
        if (time == null) {
            throw new InvalidInputException("durationMinutes needs a time: an all-day appointment has no duration."
                    + " Send time as HH:mm, or leave durationMinutes out.");
        }
        if (minutes < 1 || minutes > MAX_DURATION_MINUTES) {
            throw new InvalidInputException("durationMinutes " + minutes + " is out of range: send whole minutes from"
                    + " 1 to " + MAX_DURATION_MINUTES + " (a day), e.g. 90; enter a trial as one appointment per day.");
        }
        return minutes;
    }

    /** Blank means no location. */
    private static String location(String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        if (location.strip().length() > MAX_LOCATION) {
            throw new InvalidInputException("location may have at most " + MAX_LOCATION + " characters.");
        }
        return location.strip();
    }
}

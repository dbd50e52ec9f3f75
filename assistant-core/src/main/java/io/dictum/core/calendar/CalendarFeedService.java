package io.dictum.core.calendar;

import io.dictum.core.FirmCalendar;
import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseFilter;
import io.dictum.core.appointments.Appointment;
import io.dictum.core.appointments.AppointmentRepository;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.deadlines.DeadlineRepository;
import io.dictum.core.deadlines.DeadlineStatus;
import io.dictum.core.deadlines.DocketedDeadline;
import io.dictum.core.errors.ForbiddenException;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.errors.NotFoundException;
import io.dictum.core.notifications.NotificationService;
import io.dictum.core.users.UserRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Calendar subscriptions by secret URL, for calendar programs that cannot sign in: the deadlines and the appointments
 * of every case the owner may see, or of one case. The token (256 random bits) is
 * shown once; only its SHA-256 is stored. Every fetch applies the owner's access as it is at that moment, so a
 * wall raised later hides the case, a removed owner's feed is gone, and a revoked feed is a 404.
 */
@Service
public class CalendarFeedService {

    public static final String PATH = "/api/v1/calendar/";
    /** What lies this far back stays in the calendar, so a week's history is not lost at midnight. */
    private static final int DAYS_BACK = 90;
    private static final int MAX_EVENTS = 1000;
    /** How long a timed appointment without a duration is shown: an event that ends as it starts is easily missed. */
    static final int DEFAULT_MINUTES = 60;

    private final CalendarFeedRepository feeds;
    private final CaseService cases;
    private final DeadlineRepository deadlines;
    private final AppointmentRepository appointments;
    private final UserRepository users;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final FirmCalendar calendar;
    private final SecureRandom random = new SecureRandom();

    public CalendarFeedService(CalendarFeedRepository feeds, CaseService cases, DeadlineRepository deadlines,
                               AppointmentRepository appointments, UserRepository users, AuditLog audit, TransactionalOperator tx, Clock clock,
                               FirmCalendar calendar) {
        this.feeds = feeds;
        this.cases = cases;
        this.deadlines = deadlines;
        this.appointments = appointments;
        this.users = users;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** A new feed; the answer's {@code url} (a path under the API) is the only time the token is shown. */
    public Mono<CalendarFeed> create(Actor actor, NewCalendarFeed request) {
        if (!actor.role().isFirmMember()) {
            return Mono.error(new ForbiddenException("Calendar feeds carry the firm's docket, which is kept by your"
                    + " attorneys; the dates that concern you are the milestones in your portal."));
        }
        Mono<Optional<CaseId>> scope = request == null || request.caseId() == null || request.caseId().isBlank()
                ? Mono.just(Optional.empty())
                : Mono.fromCallable(() -> parseCase(request.caseId())).flatMap(id -> cases.get(actor, id))
                        .map(c -> Optional.of(c.id()));
        return scope.flatMap(caseId -> {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            CalendarFeedRepository.Row row = new CalendarFeedRepository.Row(UUID.randomUUID(), actor.userId(),
                    caseId.orElse(null), OffsetDateTime.now(clock));
            return feeds.insert(row, hash(token))
                    .then(audit.record(actor, "calendar.feed.create", "calendar_feed", row.id().toString(),
                            caseId.orElse(null), caseId.isPresent() ? "one case" : "all visible cases"))
                    .as(tx::transactional)
                    .thenReturn(new CalendarFeed(row.id(), row.caseId(), row.createdAt(), PATH + token + ".ics"));
        });
    }

    public Flux<CalendarFeed> list(Actor actor) {
        return feeds.findByOwner(actor.userId()).map(r -> new CalendarFeed(r.id(), r.caseId(), r.createdAt(), null));
    }

    public Mono<Void> revoke(Actor actor, UUID id) {
        return feeds.revoke(id, actor.userId(), OffsetDateTime.now(clock))
                .flatMap(done -> done
                        ? audit.record(actor, "calendar.feed.revoke", "calendar_feed", id.toString(), null, null)
                        : Mono.error(new NotFoundException("No calendar feed " + id + " of yours; list them with"
                                + " GET /api/v1/calendar/feeds.")))
                .as(tx::transactional);
    }

    /** The feed's calendar as RFC 5545 text, read with the owner's access of this moment. */
    public Mono<String> render(String token) {
        NotFoundException gone = new NotFoundException("This calendar link is not valid (it was revoked, or"
                + " mistyped). Create a new one with POST /api/v1/calendar/feeds and subscribe to its url.");
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Mono.error(gone);
        }
        return feeds.findByTokenHash(hash(token)).switchIfEmpty(Mono.error(gone))
                .flatMap(feed -> users.findById(feed.ownerId()).switchIfEmpty(Mono.error(gone))
                        .map(NotificationService::actorOf)
                        .flatMap(owner -> {
                            Mono<String> name = feed.caseId() == null ? Mono.just("Dictum calendar")
                                    : cases.get(owner, feed.caseId()).map(c -> "Dictum calendar: " + c.number())
                                    .onErrorMap(NotFoundException.class, e -> gone);
                            Optional<LocalDate> from = Optional.of(calendar.today().minusDays(DAYS_BACK));
                            Optional<CaseId> scope = Optional.ofNullable(feed.caseId());
                            CaseFilter visible = CaseFilter.of(owner);
                            return Mono.zip(name, deadlines.find(scope, visible, from, Optional.empty(), MAX_EVENTS)
                                    .collectList(), appointments.find(scope, visible, from, Optional.empty(),
                                    MAX_EVENTS).collectList());
                        }))
                .map(t -> write(t.getT1(), t.getT2(), t.getT3(), clock.instant()));
    }

    String write(String name, List<DocketedDeadline> list, List<Appointment> booked, Instant now) {
        ICalendar cal = new ICalendar()
                .line("BEGIN", "VCALENDAR")
                .line("VERSION", "2.0")
                .line("PRODID", "-//Dictum//Case calendar//EN")
                .line("CALSCALE", "GREGORIAN")
                .line("METHOD", "PUBLISH")
                .line("X-WR-CALNAME", ICalendar.text(name))
                .line("X-WR-TIMEZONE", calendar.zone().getId())
                .line("REFRESH-INTERVAL;VALUE=DURATION", "PT1H")
                .line("X-PUBLISHED-TTL", "PT1H");
        String stamp = ICalendar.utc(now);
        for (DocketedDeadline d : list) {
            boolean done = d.status() == DeadlineStatus.DONE;
            cal.line("BEGIN", "VEVENT")
                    .line("UID", d.id() + "@dictum")
                    .line("DTSTAMP", stamp);
            if (d.dueTime() == null) {
                cal.line("DTSTART;VALUE=DATE", ICalendar.date(d.dueDate()))
                        .line("DTEND;VALUE=DATE", ICalendar.date(d.dueDate().plusDays(1)))
                        .line("TRANSP", "TRANSPARENT");
            } else {
                cal.line("DTSTART", ICalendar.utc(d.dueDate().atTime(d.dueTime()).atZone(calendar.zone()).toInstant()));
            }
            cal.line("SUMMARY", ICalendar.text((done ? "Done: " : "Due: ") + d.title() + " (" + d.caseNumber() + ")"))
                    .line("DESCRIPTION", ICalendar.text(d.citation() + "\n" + d.explanation()))
                    .line("CATEGORIES", "Court deadline")
                    .line("STATUS", "CONFIRMED");
            if (!done) {
                cal.line("BEGIN", "VALARM")
                        .line("ACTION", "DISPLAY")
                        .line("DESCRIPTION", ICalendar.text("Due tomorrow: " + d.title() + " (" + d.caseNumber()
                                + ")"))
                        .line("TRIGGER", "-P1D")
                        .line("END", "VALARM");
            }
            cal.line("END", "VEVENT");
        }
        for (Appointment a : booked) {
            cal.line("BEGIN", "VEVENT")
                    .line("UID", a.id() + "@dictum")
                    .line("DTSTAMP", stamp);
            if (a.time() == null) {
                cal.line("DTSTART;VALUE=DATE", ICalendar.date(a.date()))
                        .line("DTEND;VALUE=DATE", ICalendar.date(a.date().plusDays(1)));
            } else {
                // the firm's local time, written as the instant it is (UTC), as the deadlines are
                ZonedDateTime start = a.date().atTime(a.time()).atZone(calendar.zone());
                cal.line("DTSTART", ICalendar.utc(start.toInstant()))
                        .line("DTEND", ICalendar.utc(start.plusMinutes(a.durationMinutes() == null ? DEFAULT_MINUTES
                                : a.durationMinutes()).toInstant()));
            }
            cal.line("SUMMARY", ICalendar.text(a.title() + " (" + a.caseNumber() + ")"));
            if (a.location() != null) {
                cal.line("LOCATION", ICalendar.text(a.location()));
            }
            cal.line("CATEGORIES", "Appointment")
                    .line("STATUS", "CONFIRMED")
                    .line("END", "VEVENT");
        }
        return cal.line("END", "VCALENDAR").toString();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CaseId parseCase(String text) {
        try {
            return CaseId.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("caseId '" + text + "' is not a case id; list cases with GET"
                    + " /api/v1/cases, or leave caseId out for a feed of all your deadlines.");
        }
    }
}

package io.dictum.core.reminders;

import io.dictum.core.FirmCalendar;
import io.dictum.core.access.CaseTeamRepository;
import io.dictum.core.cases.CaseRepository;
import io.dictum.core.cases.CaseService;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.deadlines.DeadlineRepository;
import io.dictum.core.deadlines.DocketedDeadline;
import io.dictum.core.errors.NotFoundException;
import io.dictum.core.notifications.Mailer;
import io.dictum.core.notifications.NewNotification;
import io.dictum.core.notifications.Notification;
import io.dictum.core.notifications.NotificationService;
import io.dictum.core.users.User;
import io.dictum.core.users.UserId;
import io.dictum.core.users.UserRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One pass over the open deadlines that are due within the largest reminder offset (in the firm's time zone). For
 * each, the latest offset already reached is the reminder due now (earlier ones missed while no node ran are not
 * sent late); the escalation ladder says who gets it. Each (deadline, due date, offset, recipient) is claimed by
 * inserting its delivery row in the same transaction as the in-app notification, so it is delivered once however
 * many sweepers run and however often they restart; e-mail follows after the commit, at most once. A pure function
 * of the database and the injected clock: tests call {@link #sweep()} directly.
 */
public class ReminderSweeper {

    private static final Logger log = LoggerFactory.getLogger(ReminderSweeper.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.US);

    /** What one pass did. */
    public record Sweep(int deadlines, int sent, int alreadySent, int failed) {
    }

    private record Target(UserId user, Recipient as) {
    }

    private final DeadlineRepository deadlines;
    private final CaseRepository caseRows;
    private final CaseService cases;
    private final CaseTeamRepository teams;
    private final UserRepository users;
    private final ReminderRepository reminders;
    private final NotificationService notifications;
    private final Mailer mailer;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final FirmCalendar calendar;
    private final List<Integer> offsets;
    private final EscalationLadder ladder;
    private final String supervisingPartner;

    public ReminderSweeper(DeadlineRepository deadlines, CaseRepository caseRows, CaseService cases,
                           CaseTeamRepository teams, UserRepository users, ReminderRepository reminders,
                           NotificationService notifications, Mailer mailer, TransactionalOperator tx, Clock clock,
                           FirmCalendar calendar, ReminderProperties properties, EscalationLadder ladder) {
        this.deadlines = deadlines;
        this.caseRows = caseRows;
        this.cases = cases;
        this.teams = teams;
        this.users = users;
        this.reminders = reminders;
        this.notifications = notifications;
        this.mailer = mailer;
        this.tx = tx;
        this.clock = clock;
        this.calendar = calendar;
        this.offsets = properties.offsets().stream().distinct().sorted().toList();
        this.ladder = ladder;
        this.supervisingPartner = properties.supervisingPartner();
    }

    public Mono<Sweep> sweep() {
        LocalDate today = calendar.today();
        int furthest = offsets.get(offsets.size() - 1);
        AtomicInteger count = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger already = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        return deadlines.findOpenDue(today, today.plusDays(furthest))
                .concatMap(d -> {
                    count.incrementAndGet();
                    int left = (int) ChronoUnit.DAYS.between(today, d.dueDate());
                    Optional<Integer> offset = offsets.stream().filter(o -> o >= left).findFirst();
                    return offset.map(o -> remind(d, o, sent, already, failed)).orElse(Mono.empty());
                })
                .then(Mono.fromSupplier(() -> new Sweep(count.get(), sent.get(), already.get(), failed.get())));
    }

    private Mono<Void> remind(DocketedDeadline d, int offset, AtomicInteger sent, AtomicInteger already,
                              AtomicInteger failed) {
        return caseRows.findById(d.caseId()).flatMap(c -> recipients(c, offset)
                .concatMap(t -> deliver(d, c, offset, t)
                        .doOnNext(claimed -> (claimed ? sent : already).incrementAndGet())
                        .onErrorResume(e -> {
                            failed.incrementAndGet();
                            log.warn("Reminder for deadline {} to user {} not delivered; the next sweep tries again:"
                                    + " {}", d.id(), t.user(), e.toString());
                            return Mono.empty();
                        }))
                .then());
    }

    /** The first step of the ladder, from this offset on, that finds someone who may see the case. */
    private Flux<Target> recipients(LegalCase c, int offset) {
        return Flux.fromIterable(ladder.stepsFor(offset))
                .concatMap(step -> Flux.fromIterable(step.remind()).concatMap(r -> resolve(c, r)
                                .map(u -> new Target(u, r)))
                        .concatMap(t -> users.findById(t.user()).filterWhen(u -> maySee(u, c))
                                .map(u -> t))
                        .collectList())
                .filter(list -> !list.isEmpty())
                .next()
                .flatMapMany(list -> {
                    Map<UserId, Target> once = new LinkedHashMap<>();
                    list.forEach(t -> once.putIfAbsent(t.user(), t));
                    return Flux.fromIterable(new ArrayList<>(once.values()));
                });
    }

    private Flux<UserId> resolve(LegalCase c, Recipient r) {
        return switch (r) {
            case RESPONSIBLE -> Mono.justOrEmpty(c.responsibleUserId()).flux();
            case TEAM -> teams.team(c.id());
            case SUPERVISING_PARTNER -> supervisingPartner == null ? reminders.usersWithRole("partner")
                    : reminders.userNamed(supervisingPartner).flux();
        };
    }

    private Mono<Boolean> maySee(User user, LegalCase c) {
        return cases.get(NotificationService.actorOf(user), c.id()).hasElement()
                .onErrorReturn(NotFoundException.class, false);
    }

    /** True when this call claimed and delivered the reminder, false when it had been claimed before. */
    private Mono<Boolean> deliver(DocketedDeadline d, LegalCase c, int offset, Target t) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String when = offset == 0 ? "today" : offset == 1 ? "tomorrow" : "in " + offset + " days";
        String title = "Due " + when + ": " + d.title() + " (" + c.number() + ")";
        String body = d.title() + " is due " + DAY.format(d.dueDate()) + (d.dueTime() == null ? "" : " at "
                + d.dueTime()) + " under " + d.citation() + ", in " + c.number() + " " + c.title() + ". It is still"
                + " open; mark it done when it is met (PATCH /api/v1/deadlines/" + d.id() + " {\"status\":\"done\"})."
                + " You are reminded as " + t.as().description() + ".";
        NewNotification message = new NewNotification(t.user(), "deadline.reminder", title, body,
                "/api/v1/deadlines?caseId=" + c.id(), c.id());
        String mailStatus = mailer.enabled() ? "pending" : "off";
        return reminders.claim(d.id(), d.dueDate(), offset, t.user(), now, mailStatus)
                .then(notifications.store(message).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .as(tx::transactional)
                .map(stored -> {
                    stored.map(Notification::recipientId).ifPresent(notifications::announce);
                    return true;
                })
                .onErrorResume(DataIntegrityViolationException.class, e -> Mono.just(false))
                .flatMap(claimed -> claimed && mailer.enabled()
                        ? mail(d, offset, t.user(), title, body).thenReturn(true) : Mono.just(claimed));
    }

    private Mono<Void> mail(DocketedDeadline d, int offset, UserId user, String subject, String body) {
        return reminders.email(user).flatMap(address -> address.isEmpty()
                ? reminders.mailResult(d.id(), d.dueDate(), offset, user, "no_address", null)
                : mailer.send(address.get(), subject, body)
                        .then(reminders.mailResult(d.id(), d.dueDate(), offset, user, "sent", null))
                        .onErrorResume(e -> {
                            log.warn("Reminder e-mail to {} failed; it is not retried (the in-app reminder stands):"
                                    + " {}", address.get(), e.toString());
                            return reminders.mailResult(d.id(), d.dueDate(), offset, user, "failed", e.toString());
                        }));
    }
}

package io.dictum.core.deadlines;

import io.dictum.core.FirmCalendar;
import io.dictum.core.DateRange;
import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.access.CaseFilter;
import io.dictum.core.access.CaseTeamRepository;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.faults.FaultPoint;
import io.dictum.core.notifications.NewNotification;
import io.dictum.core.notifications.NotificationService;
import io.dictum.core.paging.Page;
import io.dictum.core.paging.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.errors.ForbiddenException;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.errors.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Puts trigger events and their computed deadlines on cases and lists them. Access goes through
 * {@link CaseService#get}: a case the actor may not see is a not-found. The event and all its deadlines are written
 * in one transaction, so a failure leaves nothing half-docketed.
 */
@Service
public class DocketService {

    private static final Logger log = LoggerFactory.getLogger(DocketService.class);

    public static final String DEFAULT_RULE_SET = "FRCP";
    public static final int MAX_RESULTS = 1000;
    private static final int MAX_EXPLANATION = 8000;

    private final CaseService cases;
    private final DeadlineService deadlines;
    private final DeadlineRepository repository;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final AuditLog audit;
    private final NotificationService notifications;
    private final CaseTeamRepository teams;
    private final FirmCalendar calendar;

    public DocketService(CaseService cases, DeadlineService deadlines, DeadlineRepository repository,
                         TransactionalOperator tx, Clock clock, AuditLog audit,
                         NotificationService notifications, CaseTeamRepository teams, FirmCalendar calendar) {
        this.audit = audit;
        this.cases = cases;
        this.deadlines = deadlines;
        this.repository = repository;
        this.tx = tx;
        this.clock = clock;
        this.notifications = notifications;
        this.teams = teams;
        this.calendar = calendar;
    }

    public Mono<DocketedEvent> docket(Actor actor, CaseId caseId, DocketRequest request) {
        return Mono.defer(() -> {
            CaseAccess.requireFirmMember(actor, "docket events and deadlines");
            return cases.get(actor, caseId);
        }).flatMap(c -> {
            if (request == null) {
                return Mono.error(new InvalidInputException("Send {trigger, date, serviceMethod?, ruleSet?} as JSON."));
            }
            String ruleSet = request.ruleSet() == null || request.ruleSet().isBlank() ? DEFAULT_RULE_SET
                    : request.ruleSet();
            DeadlineComputation computed = deadlines.compute(new ComputeRequest(ruleSet, request.trigger(),
                    request.date(), request.serviceMethod()));
            OffsetDateTime now = OffsetDateTime.now(clock);
            CaseEvent event = new CaseEvent(UUID.randomUUID(), c.id(), computed.ruleSet(), computed.trigger(),
                    computed.date(), computed.time(), computed.serviceMethod(), now, actor.userId());
            List<DocketedDeadline> rows = computed.deadlines().stream().map(d -> new DocketedDeadline(
                    UUID.randomUUID(), c.id(), c.number(), event.id(), d.rule(), d.title(), d.dueDate(),
                    d.dueAt() == null ? null : d.dueAt().toLocalTime(), d.citation(), clip(d.explanation()), now))
                    .toList();
            return repository.insertEvent(event)
                    .then(FaultPoint.reach(FaultPoint.DOCKET_EVENT_INSERTED))
                    .thenMany(Flux.fromIterable(rows).concatMap(repository::insertDeadline))
                    .then(audit.record(actor, "event.docket", "case_event", event.id().toString(), c.id(),
                            computed.trigger() + " on " + computed.date() + " (" + computed.serviceMethod() + "); "
                                    + rows.size() + " deadlines: " + rows.stream().map(r -> r.rule() + " " + r.dueDate())
                                    .collect(java.util.stream.Collectors.joining(", "))))
                    .as(tx::transactional)
                    .thenReturn(new DocketedEvent(event, rows));
        });
    }

    /**
     * Re-dates a docketed trigger and recomputes every deadline it sets off, those counted from other deadlines
     * included. A deadline keeps its id when its rule is still set off; an open one takes the new due date, a done
     * one keeps its date and status and is listed as affected (it was met against the old date; reopen it and
     * re-date the trigger again to move it). Each move is in the audit trail with the old and new dates and why.
     */
    public Mono<EventChangeResult> changeEvent(Actor actor, CaseId caseId, UUID eventId, EventChange request) {
        return Mono.defer(() -> {
            CaseAccess.requireFirmMember(actor, "change docketed events");
            return cases.get(actor, caseId);
        }).flatMap(c -> repository.findEvent(eventId).filter(e -> e.caseId().equals(c.id()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No event " + eventId + " on case "
                        + c.number() + "; list its events with GET /api/v1/cases/" + c.id() + "/events.")))
                .flatMap(event -> {
                    if (request == null || request.date() == null || request.date().isBlank()) {
                        return Mono.error(new InvalidInputException("date is required: send {date, serviceMethod?,"
                                + " reason?}, e.g. {\"date\":\"2026-03-09\",\"reason\":\"served a day later than"
                                + " first entered\"}."));
                    }
                    if (request.reason() != null && request.reason().length() > 500) {
                        return Mono.error(new InvalidInputException("reason is longer than 500 characters; say"
                                + " briefly why the date changed."));
                    }
                    String method = request.serviceMethod() == null || request.serviceMethod().isBlank()
                            ? event.serviceMethod() : request.serviceMethod();
                    DeadlineComputation computed = deadlines.compute(new ComputeRequest(event.ruleSet(),
                            event.trigger(), request.date(), method));
                    return repository.findByEvent(event.id()).collectList()
                            .flatMap(existing -> applyChange(actor, c.number(), event, computed, existing,
                                    request.reason()))
                            .flatMap(result -> tellTheCase(actor, c, result).thenReturn(result));
                }));
    }

    private Mono<EventChangeResult> applyChange(Actor actor, String caseNumber, CaseEvent event,
                                                DeadlineComputation computed, List<DocketedDeadline> existing,
                                                String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String why = "trigger date changed from " + event.date() + describeTime(event.time()) + " to "
                + computed.date() + describeTime(computed.time())
                + (event.serviceMethod().equals(computed.serviceMethod()) ? ""
                : ", service " + event.serviceMethod() + " to " + computed.serviceMethod())
                + (reason == null || reason.isBlank() ? "" : "; reason: " + reason.strip());
        Map<String, DocketedDeadline> byRule = new LinkedHashMap<>();
        existing.forEach(d -> byRule.putIfAbsent(d.rule(), d));
        List<DocketedDeadline> updates = new ArrayList<>();
        List<DocketedDeadline> inserts = new ArrayList<>();
        List<DeadlineChange> changes = new ArrayList<>();
        List<DocketedDeadline> after = new ArrayList<>();
        for (ComputedDeadline d : computed.deadlines()) {
            LocalTime time = d.dueAt() == null ? null : d.dueAt().toLocalTime();
            DocketedDeadline old = byRule.remove(d.rule());
            if (old == null) {
                DocketedDeadline added = new DocketedDeadline(UUID.randomUUID(), event.caseId(), caseNumber,
                        event.id(), d.rule(), d.title(), d.dueDate(), time, d.citation(), clip(d.explanation()), now);
                inserts.add(added);
                after.add(added);
                changes.add(new DeadlineChange(added.id(), d.rule(), d.title(), null, d.dueDate(),
                        DeadlineStatus.OPEN, true, "newly set off by the trigger under the current rule data"));
                continue;
            }
            boolean dateDiffers = !old.dueDate().equals(d.dueDate()) || !Objects.equals(old.dueTime(), time);
            if (old.status() == DeadlineStatus.DONE) {
                after.add(old);
                if (dateDiffers) {
                    changes.add(new DeadlineChange(old.id(), old.rule(), old.title(), old.dueDate(), d.dueDate(),
                            DeadlineStatus.DONE, false, "done" + (old.completedAt() == null ? ""
                            : " on " + calendar.dayOf(old.completedAt())) + ": kept as done on " + old.dueDate()
                            + "; it would now be due " + d.dueDate() + ". Reopen it (PATCH /api/v1/deadlines/"
                            + old.id() + " {\"status\":\"open\"}) and re-date the trigger again to move it."));
                }
                continue;
            }
            DocketedDeadline moved = old.withDue(d.dueDate(), time, d.citation(), clip(d.explanation()));
            updates.add(moved);
            after.add(moved);
            if (dateDiffers) {
                changes.add(new DeadlineChange(old.id(), old.rule(), old.title(), old.dueDate(), d.dueDate(),
                        DeadlineStatus.OPEN, true, null));
            }
        }
        for (DocketedDeadline left : byRule.values()) {
            after.add(left);
            changes.add(new DeadlineChange(left.id(), left.rule(), left.title(), left.dueDate(), null, left.status(),
                    false, "the rule data no longer sets this off from " + event.trigger() + "; left as it is"));
        }
        CaseEvent changed = new CaseEvent(event.id(), event.caseId(), event.ruleSet(), event.trigger(),
                computed.date(), computed.time(), computed.serviceMethod(), event.createdAt(), event.createdBy());
        Mono<Void> auditChanges = Flux.fromIterable(changes).concatMap(ch -> audit.record(actor,
                ch.moved() ? "deadline.move" : "deadline.affected", "deadline", ch.deadlineId().toString(),
                event.caseId(), ch.rule() + ": " + (ch.from() == null ? "(none)" : ch.from()) + " → "
                        + (ch.to() == null ? "(none)" : ch.to()) + (ch.moved() ? "" : " (not moved: "
                        + (ch.status() == DeadlineStatus.DONE ? "done" : "no longer set off") + ")") + "; " + why))
                .then();
        after.sort(Comparator.comparing(DocketedDeadline::dueDate).thenComparing(DocketedDeadline::rule));
        return repository.updateEvent(event.id(), computed.date(), computed.time(), computed.serviceMethod())
                .thenMany(Flux.fromIterable(updates).concatMap(repository::updateDue))
                .thenMany(Flux.fromIterable(inserts).concatMap(repository::insertDeadline))
                .then(audit.record(actor, "event.change", "case_event", event.id().toString(), event.caseId(),
                        event.trigger() + ": " + why + "; " + changes.size() + " deadlines affected"))
                .then(auditChanges)
                .as(tx::transactional)
                .thenReturn(new EventChangeResult(changed, List.copyOf(after), List.copyOf(changes)));
    }

    /**
     * After the change has committed: the responsible attorney and the case team (but not whoever made the change)
     * are told which deadlines moved. A failure here is logged; the change itself stands.
     */
    private Mono<Void> tellTheCase(Actor actor, LegalCase c, EventChangeResult result) {
        List<DeadlineChange> moved = result.changes().stream().filter(ch -> ch.from() != null && ch.to() != null
                && !ch.from().equals(ch.to())).toList();
        if (moved.isEmpty()) {
            return Mono.empty();
        }
        String title = moved.size() == 1 ? "Deadline moved: " + moved.get(0).title() + " (" + c.number() + ")"
                : moved.size() + " deadlines moved (" + c.number() + ")";
        String body = moved.stream().map(ch -> ch.title() + ": " + ch.from() + " → " + ch.to()
                        + (ch.moved() ? "" : " (done; kept on " + ch.from() + ")"))
                .collect(java.util.stream.Collectors.joining("; "))
                + ". " + result.event().trigger() + " in " + c.number() + " " + c.title() + " was re-dated to "
                + result.event().date() + " by " + actor.username() + ".";
        return Flux.concat(Mono.justOrEmpty(c.responsibleUserId()), teams.team(c.id()))
                .distinct()
                .filter(u -> !u.equals(actor.userId()))
                .concatMap(u -> notifications.send(new NewNotification(u, "deadline.moved", title, body,
                        "/api/v1/deadlines?caseId=" + c.id(), c.id())))
                .onErrorResume(e -> {
                    log.warn("Could not notify the case team of moved deadlines in {}: {}", c.number(), e.toString());
                    return Mono.empty();
                })
                .then();
    }

    /** Marks a deadline done (who and when are recorded) or open again. */
    public Mono<DocketedDeadline> setStatus(Actor actor, UUID deadlineId, DeadlineStatus status) {
        return Mono.defer(() -> {
            CaseAccess.requireFirmMember(actor, "complete deadlines");
            if (status == null) {
                throw new InvalidInputException("status is required: open or done.");
            }
            return repository.findDeadline(deadlineId);
        }).filterWhen(d -> cases.get(actor, d.caseId()).hasElement().onErrorReturn(NotFoundException.class, false))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No deadline " + deadlineId
                        + " is visible to you; list deadlines with GET /api/v1/deadlines.")))
                .flatMap(d -> {
                    if (d.status() == status) {
                        return Mono.just(d);
                    }
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    boolean done = status == DeadlineStatus.DONE;
                    DocketedDeadline changed = new DocketedDeadline(d.id(), d.caseId(), d.caseNumber(), d.eventId(),
                            d.rule(), d.title(), d.dueDate(), d.dueTime(), d.citation(), d.explanation(),
                            d.createdAt(), status, done ? actor.userId() : null, done ? now : null);
                    return repository.updateStatus(d.id(), status, changed.completedBy(), changed.completedAt())
                            .then(audit.record(actor, done ? "deadline.done" : "deadline.reopen", "deadline",
                                    d.id().toString(), d.caseId(), d.rule() + " due " + d.dueDate()))
                            .as(tx::transactional)
                            .thenReturn(changed);
                });
    }

    private static String describeTime(LocalTime time) {
        return time == null ? "" : " " + time;
    }

    public Flux<CaseEvent> events(Actor actor, CaseId caseId) {
        return firmOnly(actor).thenMany(cases.get(actor, caseId).flatMapMany(c -> repository.findEvents(c.id())));
    }

    /**
     * The docket is the firm's working calendar (internal deadlines, rule citations); a client sees the dates the firm
     * marks for them as milestones in the portal instead.
     */
    static Mono<Void> firmOnly(Actor actor) {
        return actor.role().isFirmMember() ? Mono.empty() : Mono.error(new ForbiddenException(
                "The docket is kept by your attorneys. The dates that concern you are the milestones in your portal:"
                        + " GET /api/v1/portal/cases/{id}/milestones."));
    }

    /** Deadlines due between from and to (inclusive, ISO dates, either may be omitted) on the cases the actor sees. */
    public Flux<DocketedDeadline> list(Actor actor, Optional<CaseId> caseId, String from, String to) {
        return list(actor, caseId, from, to, Optional.empty());
    }

    public Flux<DocketedDeadline> list(Actor actor, Optional<CaseId> caseId, String from, String to,
                                       Optional<DeadlineStatus> status) {
        return visibleRange(actor, caseId, from, to).flatMapMany(range -> repository.find(caseId,
                CaseFilter.of(actor), range.from(), range.to(), status, MAX_RESULTS));
    }

    /** A page of the deadlines {@link #list} selects, with how many there are in all. */
    public Mono<Page<DocketedDeadline>> page(Actor actor, Optional<CaseId> caseId, String from, String to,
                                             Optional<DeadlineStatus> status, PageRequest request) {
        CaseFilter visible = CaseFilter.of(actor);
        return visibleRange(actor, caseId, from, to).flatMap(range -> repository.page(caseId, visible, range.from(),
                        range.to(), status, request).collectList()
                .zipWith(repository.count(caseId, visible, range.from(), range.to(), status),
                        (items, total) -> new Page<>(items, total, request.page(), request.size())));
    }

    /** The dates checked, then who may read the docket and the case (when one is given). */
    private Mono<DateRange> visibleRange(Actor actor, Optional<CaseId> caseId, String from, String to) {
        return Mono.fromCallable(() -> DateRange.of(from, to))
                .flatMap(range -> firmOnly(actor).then(caseId.map(id -> cases.get(actor, id).then()).orElse(Mono.empty()))
                .thenReturn(range));
    }

    private static String clip(String s) {
        return s.length() <= MAX_EXPLANATION ? s : s.substring(0, MAX_EXPLANATION - 1) + "…";
    }
}

package io.dictum.core.deadlines;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.access.CaseFilter;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.errors.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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

    public static final String DEFAULT_RULE_SET = "FRCP";
    public static final int MAX_RESULTS = 1000;
    private static final int MAX_EXPLANATION = 8000;

    private final CaseService cases;
    private final DeadlineService deadlines;
    private final DeadlineRepository repository;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final AuditLog audit;

    public DocketService(CaseService cases, DeadlineService deadlines, DeadlineRepository repository,
                         TransactionalOperator tx, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.cases = cases;
        this.deadlines = deadlines;
        this.repository = repository;
        this.tx = tx;
        this.clock = clock;
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
                    .thenMany(Flux.fromIterable(rows).concatMap(repository::insertDeadline))
                    .then(audit.record(actor, "event.docket", "case_event", event.id().toString(), c.id(),
                            computed.trigger() + " on " + computed.date() + " (" + computed.serviceMethod() + "); "
                                    + rows.size() + " deadlines: " + rows.stream().map(r -> r.rule() + " " + r.dueDate())
                                    .collect(java.util.stream.Collectors.joining(", "))))
                    .as(tx::transactional)
                    .thenReturn(new DocketedEvent(event, rows));
        });
    }

    public Flux<CaseEvent> events(Actor actor, CaseId caseId) {
        return cases.get(actor, caseId).flatMapMany(c -> repository.findEvents(c.id()));
    }

    /** Deadlines due between from and to (inclusive, ISO dates, either may be omitted) on the cases the actor sees. */
    public Flux<DocketedDeadline> list(Actor actor, Optional<CaseId> caseId, String from, String to) {
        return Mono.fromCallable(() -> {
            Optional<LocalDate> f = date("from", from);
            Optional<LocalDate> t = date("to", to);
            if (f.isPresent() && t.isPresent() && f.get().isAfter(t.get())) {
                throw new InvalidInputException("from " + f.get() + " is after to " + t.get()
                        + "; give from on or before to.");
            }
            return new LocalDate[] {f.orElse(null), t.orElse(null)};
        }).flatMapMany(range -> {
            Mono<Void> visible = caseId.map(id -> cases.get(actor, id).then()).orElse(Mono.empty());
            return visible.thenMany(repository.find(caseId, CaseFilter.of(actor), Optional.ofNullable(range[0]),
                    Optional.ofNullable(range[1]), MAX_RESULTS));
        });
    }

    private static Optional<LocalDate> date(String name, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name + " '" + text + "' is not a real calendar date; send yyyy-mm-dd,"
                    + " e.g. 2026-03-05.");
        }
    }

    private static String clip(String s) {
        return s.length() <= MAX_EXPLANATION ? s : s.substring(0, MAX_EXPLANATION - 1) + "…";
    }
}

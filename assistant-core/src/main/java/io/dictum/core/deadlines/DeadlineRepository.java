package io.dictum.core.deadlines;

import io.dictum.core.access.CaseDays;
import io.dictum.core.access.CaseFilter;
import io.dictum.core.cases.CaseId;
import io.dictum.core.db.Binding;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.paging.Sorting;
import io.dictum.core.users.UserId;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class DeadlineRepository {

    private final DatabaseClient db;

    public DeadlineRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insertEvent(CaseEvent e) {
        var spec = db.sql("INSERT INTO case_events (id, case_id, rule_set, trigger_event, occurred_on, occurred_time,"
                        + " service_method, created_at, created_by) VALUES (:id, :caseId, :ruleSet, :trigger, :on,"
                        + " :time, :method, :createdAt, :createdBy)")
                .bind("id", e.id())
                .bind("caseId", e.caseId().value())
                .bind("ruleSet", e.ruleSet())
                .bind("trigger", e.trigger())
                .bind("on", e.date())
                .bind("method", e.serviceMethod())
                .bind("createdAt", e.createdAt());
        spec = Binding.nullable(spec, "time", e.time(), LocalTime.class);
        spec = Binding.nullable(spec, "createdBy", e.createdBy() == null ? null : e.createdBy().value(), UUID.class);
        return spec.then();
    }

    public Mono<Void> insertDeadline(DocketedDeadline d) {
        var spec = db.sql("INSERT INTO deadlines (id, case_id, event_id, rule_id, title, due_date, due_time, citation,"
                        + " explanation, created_at) VALUES (:id, :caseId, :eventId, :rule, :title, :due, :time,"
                        + " :citation, :explanation, :createdAt)")
                .bind("id", d.id())
                .bind("caseId", d.caseId().value())
                .bind("eventId", d.eventId())
                .bind("rule", d.rule())
                .bind("title", d.title())
                .bind("due", d.dueDate())
                .bind("citation", d.citation())
                .bind("explanation", d.explanation())
                .bind("createdAt", d.createdAt());
        return Binding.nullable(spec, "time", d.dueTime(), LocalTime.class).then();
    }

    public Flux<CaseEvent> findEvents(CaseId caseId) {
        return db.sql("SELECT id, case_id, rule_set, trigger_event, occurred_on, occurred_time, service_method,"
                        + " created_at, created_by FROM case_events WHERE case_id = :caseId"
                        + " ORDER BY occurred_on, created_at")
                .bind("caseId", caseId.value())
                .map(DeadlineRepository::event)
                .all();
    }

    /**
     * Deadlines due in [from, to] (either end open when empty), soonest first; only of one case when given, and only
     * of the cases whose client is the given contact when {@code clientOnly} is set.
     */
    public Flux<DocketedDeadline> find(Optional<CaseId> caseId, CaseFilter visible,
                                       Optional<LocalDate> from, Optional<LocalDate> to, int limit) {
        return find(caseId, visible, from, to, Optional.empty(), limit);
    }

    public Flux<DocketedDeadline> find(Optional<CaseId> caseId, CaseFilter visible, Optional<LocalDate> from,
                                       Optional<LocalDate> to, Optional<DeadlineStatus> status, int limit) {
        Selection selection = new Selection(caseId, visible, from, to, status);
        return selection.bind(db.sql(SELECT_DEADLINE + selection.where() + DEFAULT_ORDER + " LIMIT :limit"))
                .bind("limit", limit).map(DeadlineRepository::deadline).all();
    }

    /** The fields a list of deadlines sorts by; soonest first by default. */
    public static final Sorting SORTING = Sorting.of("deadlines", "d.due_date, d.due_time, c.number, d.title", "d.id",
            "dueDate", "d.due_date", "title", "LOWER(d.title)", "caseNumber", "c.number", "status", "d.status",
            "rule", "d.rule_id", "createdAt", "d.created_at");

    /** A page of the deadlines {@link #find} selects, ordered as the page asks. */
    public Flux<DocketedDeadline> page(Optional<CaseId> caseId, CaseFilter visible, Optional<LocalDate> from,
                                       Optional<LocalDate> to, Optional<DeadlineStatus> status, PageRequest page) {
        Selection selection = new Selection(caseId, visible, from, to, status);
        return selection.bind(db.sql(SELECT_DEADLINE + selection.where() + SORTING.orderBy(page.sort())
                        + " LIMIT :limit OFFSET :offset"))
                .bind("limit", page.size()).bind("offset", page.offset()).map(DeadlineRepository::deadline).all();
    }

    public Mono<Long> count(Optional<CaseId> caseId, CaseFilter visible, Optional<LocalDate> from,
                            Optional<LocalDate> to, Optional<DeadlineStatus> status) {
        Selection selection = new Selection(caseId, visible, from, to, status);
        return selection.bind(db.sql("SELECT COUNT(*) AS n FROM deadlines d JOIN cases c ON c.id = d.case_id"
                + selection.where())).map(r -> r.get("n", Long.class)).one();
    }

    private static final String DEFAULT_ORDER = " ORDER BY d.due_date, d.due_time, c.number, d.title";

    /** Which deadlines a list shows: those of the case days by their due day, of one status when given. */
    private record Selection(CaseDays days, Optional<DeadlineStatus> status) {

        Selection(Optional<CaseId> caseId, CaseFilter visible, Optional<LocalDate> from, Optional<LocalDate> to,
                  Optional<DeadlineStatus> status) {
            this(new CaseDays("d.case_id", "d.due_date", caseId, visible, from, to), status);
        }

        String where() {
            return days.where() + (status.isPresent() ? " AND d.status = :status" : "");
        }

        GenericExecuteSpec bind(GenericExecuteSpec spec) {
            spec = days.bind(spec);
            return status.isPresent() ? spec.bind("status", status.get().id()) : spec;
        }
    }

    public Mono<CaseEvent> findEvent(UUID eventId) {
        return db.sql("SELECT id, case_id, rule_set, trigger_event, occurred_on, occurred_time, service_method,"
                        + " created_at, created_by FROM case_events WHERE id = :id")
                .bind("id", eventId)
                .map(DeadlineRepository::event)
                .one();
    }

    public Mono<Void> updateEvent(UUID eventId, LocalDate date, LocalTime time, String serviceMethod) {
        var spec = db.sql("UPDATE case_events SET occurred_on = :on, occurred_time = :time, service_method = :method"
                        + " WHERE id = :id")
                .bind("id", eventId).bind("on", date).bind("method", serviceMethod);
        return Binding.nullable(spec, "time", time, LocalTime.class).then();
    }

    /** One deadline with its case number, whoever may see it: callers apply access through the case. */
    public Mono<DocketedDeadline> findDeadline(UUID id) {
        return db.sql(SELECT_DEADLINE + " WHERE d.id = :id").bind("id", id)
                .map(DeadlineRepository::deadline).one();
    }

    /** The deadlines an event set off, in the order they were docketed. */
    public Flux<DocketedDeadline> findByEvent(UUID eventId) {
        return db.sql(SELECT_DEADLINE + " WHERE d.event_id = :eventId ORDER BY d.due_date, d.created_at, d.rule_id")
                .bind("eventId", eventId)
                .map(DeadlineRepository::deadline).all();
    }

    /** Open deadlines due in [from, to] on open and pending cases: what reminders look at. */
    public Flux<DocketedDeadline> findOpenDue(LocalDate from, LocalDate to) {
        return db.sql(SELECT_DEADLINE + " WHERE d.status = 'open' AND c.status <> 'closed' AND d.due_date >= :from"
                        + " AND d.due_date <= :to ORDER BY d.due_date, d.id")
                .bind("from", from).bind("to", to)
                .map(DeadlineRepository::deadline).all();
    }

    public Mono<Void> updateDue(DocketedDeadline d) {
        var spec = db.sql("UPDATE deadlines SET due_date = :due, due_time = :time, citation = :citation,"
                        + " explanation = :explanation WHERE id = :id")
                .bind("id", d.id()).bind("due", d.dueDate()).bind("citation", d.citation())
                .bind("explanation", d.explanation());
        return Binding.nullable(spec, "time", d.dueTime(), LocalTime.class).then();
    }

    public Mono<Void> updateStatus(UUID id, DeadlineStatus status, UserId by, OffsetDateTime at) {
        var spec = db.sql("UPDATE deadlines SET status = :status, completed_by = :by, completed_at = :at"
                        + " WHERE id = :id")
                .bind("id", id).bind("status", status.id());
        spec = Binding.nullable(spec, "by", by == null ? null : by.value(), UUID.class);
        return Binding.nullable(spec, "at", at, OffsetDateTime.class).then();
    }

    private static CaseEvent event(Readable row) {
        UUID by = row.get("created_by", UUID.class);
        return new CaseEvent(row.get("id", UUID.class), new CaseId(row.get("case_id", UUID.class)),
                row.get("rule_set", String.class), row.get("trigger_event", String.class),
                row.get("occurred_on", LocalDate.class), row.get("occurred_time", LocalTime.class),
                row.get("service_method", String.class), row.get("created_at", OffsetDateTime.class),
                by == null ? null : new UserId(by));
    }

    private static final String SELECT_DEADLINE = "SELECT d.id, d.case_id, c.number, d.event_id, d.rule_id, d.title,"
            + " d.due_date, d.due_time, d.citation, d.explanation, d.created_at, d.status, d.completed_by,"
            + " d.completed_at FROM deadlines d JOIN cases c ON c.id = d.case_id";

    private static DocketedDeadline deadline(Readable row) {
        UUID by = row.get("completed_by", UUID.class);
        return new DocketedDeadline(row.get("id", UUID.class), new CaseId(row.get("case_id", UUID.class)),
                row.get("number", String.class), row.get("event_id", UUID.class), row.get("rule_id", String.class),
                row.get("title", String.class), row.get("due_date", LocalDate.class),
                row.get("due_time", LocalTime.class), row.get("citation", String.class),
                row.get("explanation", String.class), row.get("created_at", OffsetDateTime.class),
                DeadlineStatus.fromId(row.get("status", String.class)), by == null ? null : new UserId(by),
                row.get("completed_at", OffsetDateTime.class));
    }
}

package io.dictum.core.billing;

import io.dictum.core.cases.CaseId;
import io.dictum.core.db.Binding;
import io.dictum.core.users.UserId;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class TimeEntryRepository {

    private static final String COLUMNS = "id, case_id, user_id, work_date, minutes, billed_hours, description,"
            + " billable, task_code, activity_code, timer_id, invoice_id, created_at, updated_at";

    private final DatabaseClient db;

    public TimeEntryRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(TimeEntry e) {
        var spec = db.sql("INSERT INTO time_entries (" + COLUMNS + ") VALUES (:id, :case, :user, :date, :minutes,"
                        + " :hours, :description, :billable, :task, :activity, :timer, :invoice, :created, :updated)")
                .bind("id", e.id())
                .bind("case", e.caseId().value())
                .bind("user", e.userId().value())
                .bind("date", e.date())
                .bind("minutes", e.minutes())
                .bind("hours", e.billedHours())
                .bind("description", e.description())
                .bind("billable", e.billable())
                .bind("created", e.createdAt())
                .bind("updated", e.updatedAt());
        spec = Binding.nullable(spec, "task", e.taskCode(), String.class);
        spec = Binding.nullable(spec, "activity", e.activityCode(), String.class);
        spec = Binding.nullable(spec, "timer", e.timerId(), UUID.class);
        spec = Binding.nullable(spec, "invoice", e.invoiceId(), UUID.class);
        return spec.then();
    }

    public Mono<TimeEntry> findById(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM time_entries WHERE id = :id").bind("id", id)
                .map(TimeEntryRepository::entry).one();
    }

    /** Changes an unbilled entry; 0 when the entry is billed (or gone), so a billed entry is never changed. */
    public Mono<Long> updateUnbilled(TimeEntry e) {
        var spec = db.sql("UPDATE time_entries SET work_date = :date, minutes = :minutes, billed_hours = :hours,"
                        + " description = :description, billable = :billable, task_code = :task,"
                        + " activity_code = :activity, updated_at = :updated WHERE id = :id AND invoice_id IS NULL")
                .bind("id", e.id())
                .bind("date", e.date())
                .bind("minutes", e.minutes())
                .bind("hours", e.billedHours())
                .bind("description", e.description())
                .bind("billable", e.billable())
                .bind("updated", e.updatedAt());
        spec = Binding.nullable(spec, "task", e.taskCode(), String.class);
        spec = Binding.nullable(spec, "activity", e.activityCode(), String.class);
        return spec.fetch().rowsUpdated();
    }

    public Mono<Long> deleteUnbilled(UUID id) {
        return db.sql("DELETE FROM time_entries WHERE id = :id AND invoice_id IS NULL").bind("id", id)
                .fetch().rowsUpdated();
    }

    public Flux<TimeEntry> find(EntryFilter f) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM time_entries WHERE 1 = 1");
        f.caseId().ifPresent(x -> sql.append(" AND case_id = :case"));
        f.userId().ifPresent(x -> sql.append(" AND user_id = :user"));
        f.from().ifPresent(x -> sql.append(" AND work_date >= :from"));
        f.to().ifPresent(x -> sql.append(" AND work_date <= :to"));
        if (f.unbilledOnly()) {
            sql.append(" AND invoice_id IS NULL AND billable = TRUE");
        }
        sql.append(" ORDER BY work_date DESC, created_at DESC, id LIMIT :limit");
        var spec = db.sql(sql.toString()).bind("limit", f.limit());
        if (f.caseId().isPresent()) {
            spec = spec.bind("case", f.caseId().get().value());
        }
        if (f.userId().isPresent()) {
            spec = spec.bind("user", f.userId().get().value());
        }
        if (f.from().isPresent()) {
            spec = spec.bind("from", f.from().get());
        }
        if (f.to().isPresent()) {
            spec = spec.bind("to", f.to().get());
        }
        return spec.map(TimeEntryRepository::entry).all();
    }

    /**
     * Marks the case's unbilled billable entries dated up to {@code to} (and from {@code from} when given) as billed
     * on the invoice. The condition {@code invoice_id IS NULL} makes two concurrent invoices unable to claim the
     * same entry.
     */
    public Mono<Long> claim(CaseId caseId, LocalDate from, LocalDate to, UUID invoiceId) {
        var spec = db.sql("UPDATE time_entries SET invoice_id = :invoice WHERE case_id = :case AND invoice_id IS NULL"
                        + " AND billable = TRUE AND work_date <= :to"
                        + (from == null ? "" : " AND work_date >= :from"))
                .bind("invoice", invoiceId)
                .bind("case", caseId.value())
                .bind("to", to);
        if (from != null) {
            spec = spec.bind("from", from);
        }
        return spec.fetch().rowsUpdated();
    }

    public Flux<TimeEntry> findByInvoice(UUID invoiceId) {
        return db.sql("SELECT " + COLUMNS + " FROM time_entries WHERE invoice_id = :invoice"
                        + " ORDER BY work_date, created_at, id")
                .bind("invoice", invoiceId).map(TimeEntryRepository::entry).all();
    }

    public Mono<Long> release(UUID invoiceId) {
        return db.sql("UPDATE time_entries SET invoice_id = NULL WHERE invoice_id = :invoice")
                .bind("invoice", invoiceId).fetch().rowsUpdated();
    }

    static TimeEntry entry(Readable row) {
        return new TimeEntry(row.get("id", UUID.class), new CaseId(row.get("case_id", UUID.class)),
                new UserId(row.get("user_id", UUID.class)), row.get("work_date", LocalDate.class),
                row.get("minutes", Integer.class), row.get("billed_hours", BigDecimal.class).setScale(2),
                row.get("description", String.class), Boolean.TRUE.equals(row.get("billable", Boolean.class)),
                row.get("task_code", String.class), row.get("activity_code", String.class),
                row.get("timer_id", UUID.class), row.get("invoice_id", UUID.class),
                row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class));
    }
}

package io.dictum.core.billing;

import io.dictum.core.access.CaseFilter;
import io.dictum.core.cases.CaseId;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.paging.Sorting;
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
    private final BillableTable items;

    public TimeEntryRepository(DatabaseClient db) {
        this.db = db;
        this.items = new BillableTable(db, "time_entries", "work_date", COLUMNS);
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
        return items.deleteUnbilled(id);
    }

    public Flux<TimeEntry> find(EntryFilter f) {
        return items.find(f).map(TimeEntryRepository::entry).all();
    }

    /** The fields a list of time entries sorts by; newest work first by default. */
    public static final Sorting SORTING = Sorting.of("time entries", "work_date DESC, created_at DESC", "id",
            "date", "work_date", "minutes", "minutes", "hours", "billed_hours", "description", "LOWER(description)",
            "createdAt", "created_at", "updatedAt", "updated_at");

    /** A page of the entries the filter selects, in cases visible through {@code visible}. */
    public Flux<TimeEntry> find(EntryFilter f, CaseFilter visible, PageRequest page) {
        return items.page(f, visible, SORTING, page).map(TimeEntryRepository::entry).all();
    }

    public Mono<Long> count(EntryFilter f, CaseFilter visible) {
        return items.count(f, visible);
    }

    /** The sums over every entry the filter selects in the visible cases, summed by the database. */
    public Mono<TimeTotals> totals(EntryFilter f, CaseFilter visible) {
        return items.aggregate("COUNT(*) AS n, COALESCE(SUM(minutes), 0) AS minutes,"
                        + " COALESCE(SUM(billed_hours), 0) AS hours,"
                        + " COALESCE(SUM(CASE WHEN billable = TRUE THEN billed_hours ELSE 0 END), 0) AS billable", f,
                        visible)
                .map(r -> new TimeTotals(((Number) r.get("n")).longValue(), ((Number) r.get("minutes")).longValue(),
                        decimal(r.get("hours")), decimal(r.get("billable"))))
                .one();
    }

    /** A sum of hundredths, whichever number type the database answers it in. */
    private static BigDecimal decimal(Object sum) {
        return new BigDecimal(sum.toString()).setScale(2);
    }

    /**
     * Marks the case's unbilled billable entries dated up to {@code to} (and from {@code from} when given) as billed
     * on the invoice. The condition {@code invoice_id IS NULL} makes two concurrent invoices unable to claim the
     * same entry.
     */
    public Mono<Long> claim(CaseId caseId, LocalDate from, LocalDate to, UUID invoiceId) {
        return items.claim(caseId, from, to, invoiceId);
    }

    public Flux<TimeEntry> findByInvoice(UUID invoiceId) {
        return items.findByInvoice(invoiceId).map(TimeEntryRepository::entry).all();
    }

    public Mono<Long> release(UUID invoiceId) {
        return items.release(invoiceId);
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

package io.dictum.core.billing;

import io.dictum.core.access.CaseFilter;
import io.dictum.core.cases.CaseId;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.paging.Sorting;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

/**
 * The SQL that time entries and expenses share: both are dated, billable items of a case that an invoice claims
 * ({@code invoice_id IS NULL} makes two concurrent invoices unable to claim the same item) and a void releases.
 */
record BillableTable(DatabaseClient db, String table, String dateColumn, String columns) {

    GenericExecuteSpec find(EntryFilter f) {
        String sql = "SELECT " + columns + " FROM " + table + where(f, Optional.empty()) + " ORDER BY " + dateColumn
                + " DESC, created_at DESC, id LIMIT :limit";
        return bind(db.sql(sql), f, Optional.empty()).bind("limit", f.limit());
    }

    /** A page of the items the filter selects in the cases the actor may see, ordered as {@code sorting} says. */
    GenericExecuteSpec page(EntryFilter f, CaseFilter visible, Sorting sorting, PageRequest page) {
        String sql = "SELECT " + columns + " FROM " + table + where(f, Optional.of(visible))
                + sorting.orderBy(page.sort()) + " LIMIT :limit OFFSET :offset";
        return bind(db.sql(sql), f, Optional.of(visible)).bind("limit", page.size()).bind("offset", page.offset());
    }

    Mono<Long> count(EntryFilter f, CaseFilter visible) {
        return aggregate("COUNT(*) AS n", f, visible).map(r -> r.get("n", Long.class)).one();
    }

    /** One row of aggregates ({@code selectList}) over every item the filter selects in the visible cases. */
    GenericExecuteSpec aggregate(String selectList, EntryFilter f, CaseFilter visible) {
        return bind(db.sql("SELECT " + selectList + " FROM " + table + where(f, Optional.of(visible))), f,
                Optional.of(visible));
    }

    private String where(EntryFilter f, Optional<CaseFilter> visible) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        // Items follow their case's visibility (an ethical wall hides a walled case's time and costs too).
        visible.ifPresent(v -> sql.append(" AND ").append(v.condition(table + ".case_id",
                "(SELECT k.client_id FROM cases k WHERE k.id = " + table + ".case_id)")));
        f.caseId().ifPresent(x -> sql.append(" AND case_id = :case"));
        f.userId().ifPresent(x -> sql.append(" AND user_id = :user"));
        f.from().ifPresent(x -> sql.append(" AND ").append(dateColumn).append(" >= :from"));
        f.to().ifPresent(x -> sql.append(" AND ").append(dateColumn).append(" <= :to"));
        if (f.unbilledOnly()) {
            sql.append(" AND invoice_id IS NULL AND billable = TRUE");
        }
        return sql.toString();
    }

    private static GenericExecuteSpec bind(GenericExecuteSpec spec, EntryFilter f, Optional<CaseFilter> visible) {
        if (visible.isPresent()) {
            spec = visible.get().bind(spec);
        }
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
        return spec;
    }

    /** Marks the case's unbilled billable items dated up to {@code to} (from {@code from} when given) as billed. */
    Mono<Long> claim(CaseId caseId, LocalDate from, LocalDate to, UUID invoiceId) {
        var spec = db.sql("UPDATE " + table + " SET invoice_id = :invoice WHERE case_id = :case"
                        + " AND invoice_id IS NULL AND billable = TRUE AND " + dateColumn + " <= :to"
                        + (from == null ? "" : " AND " + dateColumn + " >= :from"))
                .bind("invoice", invoiceId)
                .bind("case", caseId.value())
                .bind("to", to);
        if (from != null) {
            spec = spec.bind("from", from);
        }
        return spec.fetch().rowsUpdated();
    }

    GenericExecuteSpec findByInvoice(UUID invoiceId) {
        return db.sql("SELECT " + columns + " FROM " + table + " WHERE invoice_id = :invoice ORDER BY " + dateColumn
                + ", created_at, id").bind("invoice", invoiceId);
    }

    Mono<Long> release(UUID invoiceId) {
        return db.sql("UPDATE " + table + " SET invoice_id = NULL WHERE invoice_id = :invoice")
                .bind("invoice", invoiceId).fetch().rowsUpdated();
    }

    Mono<Long> deleteUnbilled(UUID id) {
        return db.sql("DELETE FROM " + table + " WHERE id = :id AND invoice_id IS NULL").bind("id", id)
                .fetch().rowsUpdated();
    }
}

package io.dictum.core.billing;

import io.dictum.core.cases.CaseId;
import java.time.LocalDate;
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
        StringBuilder sql = new StringBuilder("SELECT " + columns + " FROM " + table + " WHERE 1 = 1");
        f.caseId().ifPresent(x -> sql.append(" AND case_id = :case"));
        f.userId().ifPresent(x -> sql.append(" AND user_id = :user"));
        f.from().ifPresent(x -> sql.append(" AND ").append(dateColumn).append(" >= :from"));
        f.to().ifPresent(x -> sql.append(" AND ").append(dateColumn).append(" <= :to"));
        if (f.unbilledOnly()) {
            sql.append(" AND invoice_id IS NULL AND billable = TRUE");
        }
        sql.append(" ORDER BY ").append(dateColumn).append(" DESC, created_at DESC, id LIMIT :limit");
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

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
public class ExpenseRepository {

    private static final String COLUMNS = "id, case_id, user_id, incurred_on, quantity, unit_cost, description,"
            + " expense_code, billable, invoice_id, created_at";

    private final DatabaseClient db;

    public ExpenseRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Expense e) {
        var spec = db.sql("INSERT INTO expenses (" + COLUMNS + ") VALUES (:id, :case, :user, :date, :quantity,"
                        + " :unitCost, :description, :code, :billable, :invoice, :created)")
                .bind("id", e.id())
                .bind("case", e.caseId().value())
                .bind("user", e.userId().value())
                .bind("date", e.date())
                .bind("quantity", e.quantity())
                .bind("unitCost", e.unitCost())
                .bind("description", e.description())
                .bind("billable", e.billable())
                .bind("created", e.createdAt());
        spec = Binding.nullable(spec, "code", e.expenseCode(), String.class);
        spec = Binding.nullable(spec, "invoice", e.invoiceId(), UUID.class);
        return spec.then();
    }

    public Mono<Expense> findById(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM expenses WHERE id = :id").bind("id", id)
                .map(ExpenseRepository::expense).one();
    }

    public Mono<Long> deleteUnbilled(UUID id) {
        return db.sql("DELETE FROM expenses WHERE id = :id AND invoice_id IS NULL").bind("id", id)
                .fetch().rowsUpdated();
    }

    public Flux<Expense> find(EntryFilter f) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM expenses WHERE 1 = 1");
        f.caseId().ifPresent(x -> sql.append(" AND case_id = :case"));
        f.userId().ifPresent(x -> sql.append(" AND user_id = :user"));
        f.from().ifPresent(x -> sql.append(" AND incurred_on >= :from"));
        f.to().ifPresent(x -> sql.append(" AND incurred_on <= :to"));
        if (f.unbilledOnly()) {
            sql.append(" AND invoice_id IS NULL AND billable = TRUE");
        }
        sql.append(" ORDER BY incurred_on DESC, created_at DESC, id LIMIT :limit");
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
        return spec.map(ExpenseRepository::expense).all();
    }

    public Mono<Long> claim(CaseId caseId, LocalDate from, LocalDate to, UUID invoiceId) {
        var spec = db.sql("UPDATE expenses SET invoice_id = :invoice WHERE case_id = :case AND invoice_id IS NULL"
                        + " AND billable = TRUE AND incurred_on <= :to"
                        + (from == null ? "" : " AND incurred_on >= :from"))
                .bind("invoice", invoiceId)
                .bind("case", caseId.value())
                .bind("to", to);
        if (from != null) {
            spec = spec.bind("from", from);
        }
        return spec.fetch().rowsUpdated();
    }

    public Flux<Expense> findByInvoice(UUID invoiceId) {
        return db.sql("SELECT " + COLUMNS + " FROM expenses WHERE invoice_id = :invoice"
                        + " ORDER BY incurred_on, created_at, id")
                .bind("invoice", invoiceId).map(ExpenseRepository::expense).all();
    }

    public Mono<Long> release(UUID invoiceId) {
        return db.sql("UPDATE expenses SET invoice_id = NULL WHERE invoice_id = :invoice")
                .bind("invoice", invoiceId).fetch().rowsUpdated();
    }

    private static Expense expense(Readable row) {
        return new Expense(row.get("id", UUID.class), new CaseId(row.get("case_id", UUID.class)),
                new UserId(row.get("user_id", UUID.class)), row.get("incurred_on", LocalDate.class),
                row.get("quantity", BigDecimal.class).setScale(2), row.get("unit_cost", BigDecimal.class).setScale(2),
                row.get("description", String.class), row.get("expense_code", String.class),
                Boolean.TRUE.equals(row.get("billable", Boolean.class)), row.get("invoice_id", UUID.class),
                row.get("created_at", OffsetDateTime.class));
    }
}

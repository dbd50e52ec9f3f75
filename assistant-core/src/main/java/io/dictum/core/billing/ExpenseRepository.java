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
public class ExpenseRepository {

    private static final String COLUMNS = "id, case_id, user_id, incurred_on, quantity, unit_cost, description,"
            + " expense_code, billable, invoice_id, created_at";

    private final DatabaseClient db;
    private final BillableTable items;

    public ExpenseRepository(DatabaseClient db) {
        this.db = db;
        this.items = new BillableTable(db, "expenses", "incurred_on", COLUMNS);
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
        return items.deleteUnbilled(id);
    }

    public Flux<Expense> find(EntryFilter f) {
        return items.find(f).map(ExpenseRepository::expense).all();
    }

    /** The fields a list of expenses sorts by; newest first by default. */
    public static final Sorting SORTING = Sorting.of("expenses", "incurred_on DESC, created_at DESC", "id",
            "date", "incurred_on", "amount", "quantity * unit_cost", "description", "LOWER(description)",
            "code", "expense_code", "createdAt", "created_at");

    /** A page of the expenses the filter selects, in cases visible through {@code visible}. */
    public Flux<Expense> find(EntryFilter f, CaseFilter visible, PageRequest page) {
        return items.page(f, visible, SORTING, page).map(ExpenseRepository::expense).all();
    }

    public Mono<Long> count(EntryFilter f, CaseFilter visible) {
        return items.count(f, visible);
    }

    public Mono<Long> claim(CaseId caseId, LocalDate from, LocalDate to, UUID invoiceId) {
        return items.claim(caseId, from, to, invoiceId);
    }

    public Flux<Expense> findByInvoice(UUID invoiceId) {
        return items.findByInvoice(invoiceId).map(ExpenseRepository::expense).all();
    }

    public Mono<Long> release(UUID invoiceId) {
        return items.release(invoiceId);
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

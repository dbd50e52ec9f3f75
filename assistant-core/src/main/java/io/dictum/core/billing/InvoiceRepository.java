package io.dictum.core.billing;

import io.dictum.core.access.CaseFilter;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.paging.Sorting;
import io.dictum.core.cases.CaseId;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.db.Binding;
import io.dictum.core.users.UserId;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class InvoiceRepository {

    private static final String SELECT = "SELECT i.id, i.number, i.case_id, c.number AS case_number,"
            + " c.title AS case_title, i.client_id, k.name AS client_name, i.status, i.invoice_date, i.period_from,"
            + " i.period_to, i.currency, i.discount_percent, i.tax_percent, i.tax_fees, i.tax_expenses,"
            + " i.fees_total, i.expenses_total, i.adjustments_total, i.tax_total, i.total, i.created_at,"
            + " i.created_by, i.issued_at, i.paid_at, i.voided_at FROM invoices i"
            + " JOIN cases c ON c.id = i.case_id JOIN contacts k ON k.id = i.client_id";

    private static final String LINE_COLUMNS = "invoice_id, line_number, line_type, kind, item_date, time_entry_id,"
            + " expense_id, timekeeper_id, timekeeper_username, timekeeper_name, timekeeper_class, task_code,"
            + " activity_code, expense_code, description, units, unit_cost, adjustment, total";

    private final DatabaseClient db;

    public InvoiceRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The next invoice sequence number. The counter row stays locked until the calling transaction ends, so
     * concurrent creations take turns, and a rolled-back creation gives its number back: no gaps.
     */
    public Mono<Long> nextSequence() {
        return db.sql("UPDATE invoice_counters SET last_value = last_value + 1 WHERE name = 'invoice'")
                .fetch().rowsUpdated()
                .then(db.sql("SELECT last_value FROM invoice_counters WHERE name = 'invoice'")
                        .map(r -> r.get("last_value", Long.class)).one());
    }

    public static String format(long sequence) {
        return String.format("INV-%06d", sequence);
    }

    public Mono<Void> insert(Invoice i, long sequence) {
        var spec = db.sql("INSERT INTO invoices (id, seq, number, case_id, client_id, status, invoice_date,"
                        + " period_from, period_to, currency, discount_percent, tax_percent, tax_fees, tax_expenses,"
                        + " fees_total, expenses_total, adjustments_total, tax_total, total, created_at, created_by)"
                        + " VALUES (:id, :seq, :number, :case, :client, :status, :date, :from, :to, :currency,"
                        + " :discount, :tax, :taxFees, :taxExpenses, :fees, :expenses, :adjustments, :taxTotal,"
                        + " :total, :created, :by)")
                .bind("id", i.id())
                .bind("seq", sequence)
                .bind("number", i.number())
                .bind("case", i.caseId().value())
                .bind("client", i.clientId().value())
                .bind("status", i.status().id())
                .bind("date", i.invoiceDate())
                .bind("from", i.periodFrom())
                .bind("to", i.periodTo())
                .bind("currency", i.currency())
                .bind("discount", i.discountPercent())
                .bind("tax", i.taxPercent())
                .bind("taxFees", i.taxFees())
                .bind("taxExpenses", i.taxExpenses())
                .bind("fees", i.feesTotal())
                .bind("expenses", i.expensesTotal())
                .bind("adjustments", i.adjustmentsTotal())
                .bind("taxTotal", i.taxTotal())
                .bind("total", i.total())
                .bind("created", i.createdAt());
        return Binding.nullable(spec, "by", i.createdBy() == null ? null : i.createdBy().value(), UUID.class).then();
    }

    public Mono<Void> updateTotals(UUID id, LocalDate periodFrom, InvoiceCalculator.Result r) {
        return db.sql("UPDATE invoices SET period_from = :from, fees_total = :fees, expenses_total = :expenses,"
                        + " adjustments_total = :adjustments, tax_total = :tax, total = :total WHERE id = :id")
                .bind("id", id)
                .bind("from", periodFrom)
                .bind("fees", r.feesTotal())
                .bind("expenses", r.expensesTotal())
                .bind("adjustments", r.adjustmentsTotal())
                .bind("tax", r.taxTotal())
                .bind("total", r.total())
                .then();
    }

    public Mono<Void> insertLine(UUID invoiceId, InvoiceLine l) {
        var spec = db.sql("INSERT INTO invoice_lines (" + LINE_COLUMNS + ") VALUES (:invoice, :number, :type, :kind,"
                        + " :date, :entry, :expense, :tk, :tkUser, :tkName, :tkClass, :task, :activity, :expenseCode,"
                        + " :description, :units, :unitCost, :adjustment, :total)")
                .bind("invoice", invoiceId)
                .bind("number", l.number())
                .bind("type", l.kind().ledesType())
                .bind("kind", l.kind().id())
                .bind("date", l.date())
                .bind("description", l.description())
                .bind("adjustment", l.adjustment())
                .bind("total", l.total());
        spec = Binding.nullable(spec, "entry", l.timeEntryId(), UUID.class);
        spec = Binding.nullable(spec, "expense", l.expenseId(), UUID.class);
        spec = Binding.nullable(spec, "tk", l.timekeeperId() == null ? null : l.timekeeperId().value(), UUID.class);
        spec = Binding.nullable(spec, "tkUser", l.timekeeperUsername(), String.class);
        spec = Binding.nullable(spec, "tkName", l.timekeeperName(), String.class);
        spec = Binding.nullable(spec, "tkClass", l.timekeeperClassification(), String.class);
        spec = Binding.nullable(spec, "task", l.taskCode(), String.class);
        spec = Binding.nullable(spec, "activity", l.activityCode(), String.class);
        spec = Binding.nullable(spec, "expenseCode", l.expenseCode(), String.class);
        spec = Binding.nullable(spec, "units", l.units(), BigDecimal.class);
        spec = Binding.nullable(spec, "unitCost", l.unitCost(), BigDecimal.class);
        return spec.then();
    }

    /** Locks a draft invoice's row for the calling transaction; 0 when it is not (or no longer) a draft. */
    public Mono<Long> lockDraft(UUID id) {
        return db.sql("UPDATE invoices SET status = status WHERE id = :id AND status = 'draft'").bind("id", id)
                .fetch().rowsUpdated();
    }

    public Mono<Void> deleteLines(UUID invoiceId) {
        return db.sql("DELETE FROM invoice_lines WHERE invoice_id = :invoice").bind("invoice", invoiceId).then();
    }

    public Mono<Invoice> findById(UUID id) {
        return db.sql(SELECT + " WHERE i.id = :id").bind("id", id).map(InvoiceRepository::invoice).one()
                .flatMap(i -> lines(i.id()).collectList().map(i::withLines));
    }

    /** The fields a list of invoices sorts by; newest (highest number) first by default. */
    public static final Sorting SORTING = Sorting.of("invoices", "i.seq DESC", "i.id",
            "number", "i.seq", "date", "i.invoice_date", "status", "i.status", "total", "i.total",
            "createdAt", "i.created_at", "issuedAt", "i.issued_at", "paidAt", "i.paid_at", "caseNumber", "c.number",
            "client", "LOWER(k.name)");

    /**
     * A page of the invoices in cases visible through {@code visible}; of one case, one client, in one status, or
     * only those ever issued, when asked.
     */
    public Flux<Invoice> find(CaseFilter visible, Optional<CaseId> caseId, Optional<ContactId> client,
                              Optional<InvoiceStatus> status, boolean issuedOnly, PageRequest page) {
        String sql = SELECT + where(visible, caseId, client, status, issuedOnly) + SORTING.orderBy(page.sort())
                + " LIMIT :limit OFFSET :offset";
        return bind(db.sql(sql), visible, caseId, client, status).bind("limit", page.size())
                .bind("offset", page.offset()).map(InvoiceRepository::invoice).all();
    }

    public Mono<Long> count(CaseFilter visible, Optional<CaseId> caseId, Optional<ContactId> client,
                            Optional<InvoiceStatus> status, boolean issuedOnly) {
        return bind(db.sql("SELECT COUNT(*) AS n FROM invoices i JOIN cases c ON c.id = i.case_id"
                        + where(visible, caseId, client, status, issuedOnly)), visible, caseId, client, status)
                .map(r -> r.get("n", Long.class)).one();
    }

    private static String where(CaseFilter visible, Optional<CaseId> caseId, Optional<ContactId> client,
                                Optional<InvoiceStatus> status, boolean issuedOnly) {
        StringBuilder sql = new StringBuilder(" WHERE " + visible.condition("c.id", "c.client_id"));
        caseId.ifPresent(x -> sql.append(" AND i.case_id = :case"));
        client.ifPresent(x -> sql.append(" AND i.client_id = :client"));
        status.ifPresent(x -> sql.append(" AND i.status = :status"));
        if (issuedOnly) {
            sql.append(" AND i.issued_at IS NOT NULL");
        }
        return sql.toString();
    }

    private static GenericExecuteSpec bind(GenericExecuteSpec spec, CaseFilter visible, Optional<CaseId> caseId,
                                           Optional<ContactId> client, Optional<InvoiceStatus> status) {
        spec = visible.bind(spec);
        if (caseId.isPresent()) {
            spec = spec.bind("case", caseId.get().value());
        }
        if (client.isPresent()) {
            spec = spec.bind("client", client.get().value());
        }
        if (status.isPresent()) {
            spec = spec.bind("status", status.get().id());
        }
        return spec;
    }

    public Flux<InvoiceLine> lines(UUID invoiceId) {
        return db.sql("SELECT " + LINE_COLUMNS + " FROM invoice_lines WHERE invoice_id = :invoice"
                        + " ORDER BY line_number")
                .bind("invoice", invoiceId).map(InvoiceRepository::line).all();
    }

    /** Moves the invoice from one of {@code from} to {@code to}; 0 when it was in none of them. */
    public Mono<Long> transition(UUID id, List<InvoiceStatus> from, InvoiceStatus to, OffsetDateTime at,
                                 LocalDate invoiceDate) {
        String stamp = switch (to) {
            case ISSUED -> ", issued_at = :at, invoice_date = :date";
            case PAID -> ", paid_at = :at";
            case VOID -> ", voided_at = :at";
            case DRAFT -> throw new IllegalArgumentException("no way back to draft");
        };
        StringBuilder in = new StringBuilder();
        for (int n = 0; n < from.size(); n++) {
            in.append(n == 0 ? "" : ", ").append(":from").append(n);
        }
        var spec = db.sql("UPDATE invoices SET status = :to" + stamp + " WHERE id = :id AND status IN (" + in + ")")
                .bind("id", id).bind("to", to.id()).bind("at", at);
        if (to == InvoiceStatus.ISSUED) {
            spec = spec.bind("date", invoiceDate);
        }
        for (int n = 0; n < from.size(); n++) {
            spec = spec.bind("from" + n, from.get(n).id());
        }
        return spec.fetch().rowsUpdated();
    }

    private static Invoice invoice(Readable r) {
        UUID by = r.get("created_by", UUID.class);
        return new Invoice(r.get("id", UUID.class), r.get("number", String.class),
                new CaseId(r.get("case_id", UUID.class)), r.get("case_number", String.class),
                r.get("case_title", String.class), new ContactId(r.get("client_id", UUID.class)),
                r.get("client_name", String.class), InvoiceStatus.fromId(r.get("status", String.class)),
                r.get("invoice_date", LocalDate.class), r.get("period_from", LocalDate.class),
                r.get("period_to", LocalDate.class), r.get("currency", String.class).strip(),
                money(r, "discount_percent"), r.get("tax_percent", BigDecimal.class).setScale(4),
                Boolean.TRUE.equals(r.get("tax_fees", Boolean.class)),
                Boolean.TRUE.equals(r.get("tax_expenses", Boolean.class)), money(r, "fees_total"),
                money(r, "expenses_total"), money(r, "adjustments_total"), money(r, "tax_total"), money(r, "total"),
                r.get("created_at", OffsetDateTime.class), by == null ? null : new UserId(by),
                r.get("issued_at", OffsetDateTime.class), r.get("paid_at", OffsetDateTime.class),
                r.get("voided_at", OffsetDateTime.class), List.of());
    }

    private static InvoiceLine line(Readable r) {
        UUID tk = r.get("timekeeper_id", UUID.class);
        BigDecimal units = r.get("units", BigDecimal.class);
        BigDecimal unitCost = r.get("unit_cost", BigDecimal.class);
        return new InvoiceLine(r.get("line_number", Integer.class), LineKind.fromId(r.get("kind", String.class)),
                r.get("item_date", LocalDate.class), r.get("time_entry_id", UUID.class),
                r.get("expense_id", UUID.class), tk == null ? null : new UserId(tk),
                r.get("timekeeper_username", String.class), r.get("timekeeper_name", String.class),
                r.get("timekeeper_class", String.class), r.get("task_code", String.class),
                r.get("activity_code", String.class), r.get("expense_code", String.class),
                r.get("description", String.class), units == null ? null : units.setScale(2),
                unitCost == null ? null : unitCost.setScale(2), money(r, "adjustment"), money(r, "total"));
    }

    private static BigDecimal money(Readable r, String column) {
        return r.get(column, BigDecimal.class).setScale(Money.SCALE);
    }
}

package io.dictum.core.billing;

import io.dictum.core.cases.CaseId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /invoices}: the case's unbilled billable time and expenses dated from {@code from} (open when
 * absent) to {@code to} (today when absent). {@code discountPercent} is taken off the fees; {@code writeDowns}
 * lower single items (a time entry's or an expense's id, and the amount taken off its line).
 */
public record NewInvoice(CaseId caseId, LocalDate from, LocalDate to, BigDecimal discountPercent,
                         List<WriteDown> writeDowns) {

    public record WriteDown(UUID itemId, BigDecimal amount) {
    }
}

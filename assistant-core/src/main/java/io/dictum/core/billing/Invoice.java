package io.dictum.core.billing;

import io.dictum.core.cases.CaseId;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.users.UserId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An invoice with its lines. {@code total} is the sum of the lines' totals; {@code feesTotal} and
 * {@code expensesTotal} are the fee and expense lines after write-downs, {@code adjustmentsTotal} the invoice-level
 * discount (0 or negative), {@code taxTotal} the tax lines.
 */
public record Invoice(UUID id, String number, CaseId caseId, String caseNumber, String caseTitle, ContactId clientId,
                      String clientName, InvoiceStatus status, LocalDate invoiceDate, LocalDate periodFrom,
                      LocalDate periodTo, String currency, BigDecimal discountPercent, BigDecimal taxPercent,
                      boolean taxFees, boolean taxExpenses, BigDecimal feesTotal, BigDecimal expensesTotal,
                      BigDecimal adjustmentsTotal, BigDecimal taxTotal, BigDecimal total, OffsetDateTime createdAt,
                      UserId createdBy, OffsetDateTime issuedAt, OffsetDateTime paidAt, OffsetDateTime voidedAt,
                      List<InvoiceLine> lines) {

    Invoice withLines(List<InvoiceLine> newLines) {
        return new Invoice(id, number, caseId, caseNumber, caseTitle, clientId, clientName, status, invoiceDate,
                periodFrom, periodTo, currency, discountPercent, taxPercent, taxFees, taxExpenses, feesTotal,
                expensesTotal, adjustmentsTotal, taxTotal, total, createdAt, createdBy, issuedAt, paidAt, voidedAt,
                List.copyOf(newLines));
    }
}

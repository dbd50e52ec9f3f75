package io.dictum.core.billing;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dictum.core.cases.CaseId;
import io.dictum.core.users.UserId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A disbursement on a matter: quantity times unit cost, with a UTBMS expense code. */
public record Expense(UUID id, CaseId caseId, UserId userId, LocalDate date, BigDecimal quantity,
                      BigDecimal unitCost, String description, String expenseCode, boolean billable, UUID invoiceId,
                      OffsetDateTime createdAt) {

    @JsonProperty
    public BigDecimal amount() {
        return Money.cents(quantity.multiply(unitCost));
    }

    @JsonProperty
    public boolean billed() {
        return invoiceId != null;
    }
}

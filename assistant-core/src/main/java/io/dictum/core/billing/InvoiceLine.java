package io.dictum.core.billing;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dictum.core.users.UserId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of an invoice. Fee and expense lines: {@code total = round(units × unitCost) + adjustment}, the
 * adjustment being a write-down (0 or negative). Invoice-level lines (discount, tax) have no units or unit cost
 * and {@code total = adjustment}. Timekeeper fields are a snapshot taken when the invoice was made.
 */
public record InvoiceLine(int number, LineKind kind, LocalDate date, UUID timeEntryId, UUID expenseId,
                          UserId timekeeperId, String timekeeperUsername, String timekeeperName,
                          String timekeeperClassification, String taskCode, String activityCode, String expenseCode,
                          String description, BigDecimal units, BigDecimal unitCost, BigDecimal adjustment,
                          BigDecimal total) {

    @JsonProperty
    public String type() {
        return kind.ledesType();
    }
}

package io.dictum.core.billing;

import io.dictum.core.users.UserId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A fee or expense about to become an invoice line, with the write-down (0 or more) to take off it. */
public record BillableItem(LineKind kind, LocalDate date, UUID timeEntryId, UUID expenseId, UserId timekeeperId,
                           String timekeeperUsername, String timekeeperName, String timekeeperClassification,
                           String taskCode, String activityCode, String expenseCode, String description,
                           BigDecimal units, BigDecimal unitCost, BigDecimal writeDown) {
}

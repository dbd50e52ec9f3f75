package io.dictum.core.billing;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dictum.core.cases.CaseId;
import io.dictum.core.users.UserId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Time worked on a matter: {@code minutes} as worked, {@code billedHours} rounded to the firm's increment. An entry
 * on an invoice ({@code invoiceId} set) is billed and locked until that invoice is voided.
 */
public record TimeEntry(UUID id, CaseId caseId, UserId userId, LocalDate date, int minutes, BigDecimal billedHours,
                        String description, boolean billable, String taskCode, String activityCode, UUID timerId,
                        UUID invoiceId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    @JsonProperty
    public boolean billed() {
        return invoiceId != null;
    }
}

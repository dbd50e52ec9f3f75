package io.dictum.core.billing;

import io.dictum.core.cases.CaseId;
import io.dictum.core.users.UserId;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A timekeeper's own time from {@code from} to {@code to} (both included), on one case ({@code caseId}) or on all
 * the cases they may see. {@code billableAmount} prices each billable entry's billed hours at the rate that applies
 * today, rounded to the cent per entry; entries without any applicable rate are counted in {@code unpricedEntries}
 * and left out of the amount.
 */
public record TimeSummary(UserId userId, LocalDate from, LocalDate to, CaseId caseId, int entries, int minutes,
                          BigDecimal billedHours, BigDecimal billableHours, BigDecimal billableAmount, String currency,
                          int unpricedEntries) {
}

package io.dictum.core.billing;

import java.math.BigDecimal;

/**
 * What a list of time entries adds up to over all its pages: how many entries, the minutes worked, the hours billed
 * (each entry rounded to the firm's increment) and the billed hours of the billable ones.
 */
public record TimeTotals(long entries, long minutes, BigDecimal billedHours, BigDecimal billableHours) {
}

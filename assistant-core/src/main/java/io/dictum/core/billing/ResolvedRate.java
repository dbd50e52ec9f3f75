package io.dictum.core.billing;

import java.math.BigDecimal;
import java.util.UUID;

/** The rate that applies to one user on one case, and which rule chose it. */
public record ResolvedRate(BigDecimal hourlyRate, RateLevel level, UUID rateId) {
}

package io.dictum.core.billing;

import java.math.BigDecimal;

/** {@code PATCH /invoices/{id}/lines/{number}}: the amount taken off the line (0 removes a write-down). */
public record WriteDown(BigDecimal writeDown) {
}

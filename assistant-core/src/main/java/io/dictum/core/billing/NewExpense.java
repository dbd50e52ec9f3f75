package io.dictum.core.billing;

import io.dictum.core.cases.CaseId;
import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code POST /expenses}: either amount, or unitCost with an optional quantity (default 1). */
public record NewExpense(CaseId caseId, LocalDate date, BigDecimal amount, BigDecimal quantity, BigDecimal unitCost,
                         String description, String expenseCode, Boolean billable) {
}

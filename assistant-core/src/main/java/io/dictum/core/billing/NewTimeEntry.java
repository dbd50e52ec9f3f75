package io.dictum.core.billing;

import io.dictum.core.cases.CaseId;
import java.time.LocalDate;

/** {@code POST /time-entries}; date defaults to today in the firm's time zone, billable to true. */
public record NewTimeEntry(CaseId caseId, LocalDate date, Integer minutes, String description, Boolean billable,
                           String taskCode, String activityCode) {
}

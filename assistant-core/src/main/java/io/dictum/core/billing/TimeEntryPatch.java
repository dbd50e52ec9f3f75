package io.dictum.core.billing;

import java.time.LocalDate;

/** {@code PATCH /time-entries/{id}}: the fields given change; an empty code clears it. */
public record TimeEntryPatch(LocalDate date, Integer minutes, String description, Boolean billable, String taskCode,
                             String activityCode) {
}

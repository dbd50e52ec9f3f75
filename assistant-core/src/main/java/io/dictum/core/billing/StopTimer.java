package io.dictum.core.billing;

import io.dictum.core.cases.CaseId;

/**
 * {@code POST /timers/stop}, every field optional: caseId is needed when the timer was started without one; the
 * description defaults to the timer's activity.
 */
public record StopTimer(CaseId caseId, String description, Boolean billable, String taskCode, String activityCode) {
}

package io.dictum.core.billing;

import io.dictum.core.cases.CaseId;

/** {@code POST /timers/start}: both optional; an activity that is a UTBMS code (A103) becomes the activity code. */
public record StartTimer(CaseId caseId, String activity) {
}

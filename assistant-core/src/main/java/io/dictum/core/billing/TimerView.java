package io.dictum.core.billing;

import io.dictum.core.cases.CaseId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A timer as shown: {@code state} is {@code running} or {@code paused}; elapsed time as of the answer. */
public record TimerView(UUID id, CaseId caseId, String activity, String state, OffsetDateTime startedAt,
                        OffsetDateTime runningSince, long elapsedSeconds) {

    static TimerView of(Timer t, Instant now) {
        return new TimerView(t.id(), t.caseId(), t.activity(), t.running() ? "running" : "paused", t.startedAt(),
                t.runningSince(), t.elapsedSeconds(now));
    }
}

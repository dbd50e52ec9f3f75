package io.dictum.core.billing;

import io.dictum.core.cases.CaseId;
import io.dictum.core.users.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A user's timer: running while {@code runningSince} is set, paused otherwise; paused time is not counted. */
public record Timer(UUID id, UserId userId, CaseId caseId, String activity, OffsetDateTime startedAt,
                    OffsetDateTime runningSince, long accumulatedSeconds) {

    public boolean running() {
        return runningSince != null;
    }

    /** Seconds counted up to {@code now}: the paused-over segments plus the running one (never negative). */
    public long elapsedSeconds(Instant now) {
        if (!running()) {
            return accumulatedSeconds;
        }
        return accumulatedSeconds + Math.max(0, Duration.between(runningSince.toInstant(), now).getSeconds());
    }

    /** Minutes for the time entry: whole minutes, a started minute counting as one. */
    public int elapsedMinutes(Instant now) {
        // at least one: a timer stopped within its first second has still started a minute, and time is never 0
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (elapsedSeconds(now) + 59) / 60));
    }
}

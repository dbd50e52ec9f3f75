package io.dictum.core.deadlines;

import io.dictum.core.cases.CaseId;
import io.dictum.core.users.UserId;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A trigger event docketed on a case: what happened, when, and how the paper was served. */
public record CaseEvent(UUID id, CaseId caseId, String ruleSet, String trigger, LocalDate date, LocalTime time,
                        String serviceMethod, OffsetDateTime createdAt, UserId createdBy) {
}

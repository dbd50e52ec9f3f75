package io.dictum.core.tasks;

import io.dictum.core.cases.CaseId;
import io.dictum.core.users.UserId;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Something to do, for one person, perhaps on a case and by a date. */
public record Task(UUID id, CaseId caseId, String description, UserId assigneeId, LocalDate dueOn, LocalTime dueTime,
                   TaskStatus status, UserId createdBy, OffsetDateTime createdAt, OffsetDateTime doneAt) {
}

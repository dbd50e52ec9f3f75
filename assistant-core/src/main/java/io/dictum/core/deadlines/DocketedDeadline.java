package io.dictum.core.deadlines;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dictum.core.cases.CaseId;
import io.dictum.core.users.UserId;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A deadline stored on a case, as computed when its event was docketed (or last re-dated). {@code caseNumber} is
 * filled on reads; {@code completedBy} and {@code completedAt} only while the deadline is done.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocketedDeadline(UUID id, CaseId caseId, String caseNumber, UUID eventId, String rule, String title,
                               LocalDate dueDate, LocalTime dueTime, String citation, String explanation,
                               OffsetDateTime createdAt, DeadlineStatus status, UserId completedBy,
                               OffsetDateTime completedAt) {

    /** A deadline just computed: open. */
    public DocketedDeadline(UUID id, CaseId caseId, String caseNumber, UUID eventId, String rule, String title,
                            LocalDate dueDate, LocalTime dueTime, String citation, String explanation,
                            OffsetDateTime createdAt) {
        this(id, caseId, caseNumber, eventId, rule, title, dueDate, dueTime, citation, explanation, createdAt,
                DeadlineStatus.OPEN, null, null);
    }

    public DocketedDeadline withDue(LocalDate date, LocalTime time, String citation, String explanation) {
        return new DocketedDeadline(id, caseId, caseNumber, eventId, rule, title, date, time, citation, explanation,
                createdAt, status, completedBy, completedAt);
    }
}

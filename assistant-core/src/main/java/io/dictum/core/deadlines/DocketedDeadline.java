package io.dictum.core.deadlines;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dictum.core.cases.CaseId;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A deadline stored on a case, as computed when its event was docketed. {@code caseNumber} is filled on reads. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocketedDeadline(UUID id, CaseId caseId, String caseNumber, UUID eventId, String rule, String title,
                               LocalDate dueDate, LocalTime dueTime, String citation, String explanation,
                               OffsetDateTime createdAt) {
}

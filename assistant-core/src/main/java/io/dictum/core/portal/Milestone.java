package io.dictum.core.portal;

import io.dictum.core.cases.CaseId;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A dated step of a case ("Complaint filed", "Mediation"); the client sees it only when it is client-visible. */
public record Milestone(UUID id, CaseId caseId, String title, LocalDate date, String description,
                        boolean clientVisible, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}

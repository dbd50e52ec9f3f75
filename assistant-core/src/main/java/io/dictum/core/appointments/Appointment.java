package io.dictum.core.appointments;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dictum.core.cases.CaseId;
import io.dictum.core.users.UserId;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Something on a case's calendar that people attend: a mediation, "deposition of Officer Boyle". The date and time
 * are the firm's local ones; no {@code time} means all day, and {@code durationMinutes} is only known with a time.
 * {@code caseNumber} is filled on reads, so a list can say which case without another look-up.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Appointment(UUID id, CaseId caseId, String caseNumber, String title, LocalDate date, LocalTime time,
                          Integer durationMinutes, String location, UserId createdBy, OffsetDateTime createdAt) {
}

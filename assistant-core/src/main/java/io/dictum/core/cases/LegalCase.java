package io.dictum.core.cases;

import io.dictum.core.contacts.ContactId;
import io.dictum.core.users.UserId;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A matter of the firm. Named so to keep clear of Java's {@code case} keyword. */
public record LegalCase(CaseId id, String number, String title, MatterType matterType, CaseStatus status,
                        ContactId clientId, String court, LocalDate openedOn, LocalDate closedOn,
                        UserId responsibleUserId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}

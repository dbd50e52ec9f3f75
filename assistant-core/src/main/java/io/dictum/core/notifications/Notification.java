package io.dictum.core.notifications;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dictum.core.cases.CaseId;
import io.dictum.core.users.UserId;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A message to one user in the firm's in-app inbox: what it is about ({@code kind}, e.g. {@code deadline.reminder}),
 * a title and body, a link into the API or UI, the case it concerns (so walls apply on every read), and when it was
 * made and read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notification(UUID id, UserId recipientId, String kind, String title, String body, String link,
                           CaseId caseId, OffsetDateTime createdAt, OffsetDateTime readAt) {
}

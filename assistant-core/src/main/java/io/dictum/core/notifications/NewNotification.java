package io.dictum.core.notifications;

import io.dictum.core.cases.CaseId;
import io.dictum.core.users.UserId;

/** What a feature hands the notification service; {@code caseId}, {@code body} and {@code link} may be null. */
public record NewNotification(UserId recipientId, String kind, String title, String body, String link,
                              CaseId caseId) {
}

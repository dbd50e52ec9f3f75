package io.dictum.core.portal;

import io.dictum.core.cases.CaseId;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A secure message between a case's client and the firm, with when each side read it (the sender's side at once;
 * null while unread).
 */
public record CaseMessage(UUID id, CaseId caseId, MessageSide from, String authorName, String text,
                          OffsetDateTime sentAt, OffsetDateTime readByFirmAt, OffsetDateTime readByClientAt) {
}

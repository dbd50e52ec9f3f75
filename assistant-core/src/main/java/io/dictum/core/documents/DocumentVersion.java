package io.dictum.core.documents;

import io.dictum.core.users.UserId;
import java.time.OffsetDateTime;

/** One stored version of a document: who added it when, its size and SHA-256, and whether its text is searchable. */
public record DocumentVersion(DocumentId documentId, int version, String filename, String mediaType, long sizeBytes,
                              String sha256, OffsetDateTime createdAt, UserId createdBy, boolean searchable,
                              String notSearchableReason) {
}

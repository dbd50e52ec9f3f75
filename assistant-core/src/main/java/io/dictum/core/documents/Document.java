package io.dictum.core.documents;

import io.dictum.core.cases.CaseId;
import java.time.OffsetDateTime;

/**
 * A case document as of its newest version, and whether it is shared with the case's client (by whom, when; both
 * null when it is not).
 */
public record Document(DocumentId id, CaseId caseId, String name, String kind, int version, String filename,
                       String mediaType, long sizeBytes, String sha256, OffsetDateTime updatedAt, boolean shared,
                       String sharedBy, OffsetDateTime sharedAt) {
}

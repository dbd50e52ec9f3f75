package io.dictum.core.documents;

import io.dictum.core.cases.CaseId;
import java.time.OffsetDateTime;

/** A case document as of its newest version. */
public record Document(DocumentId id, CaseId caseId, String name, String kind, int version, String filename,
                       String mediaType, long sizeBytes, String sha256, OffsetDateTime updatedAt) {
}

package io.dictum.core.notes;

import io.dictum.core.cases.CaseId;
import io.dictum.core.users.UserId;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A note on a case: typed, or dictated by voice. */
public record Note(UUID id, CaseId caseId, String text, UserId authorId, String authorName, OffsetDateTime createdAt) {
}

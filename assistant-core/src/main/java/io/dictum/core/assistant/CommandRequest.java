package io.dictum.core.assistant;

import io.dictum.core.cases.CaseId;
import java.time.OffsetDateTime;
import java.util.Optional;

/** What a user said, with the case they are looking at, and the moment relative to which dates are read. */
public record CommandRequest(String text, Optional<CaseId> caseId, Optional<OffsetDateTime> referenceTime) {
}

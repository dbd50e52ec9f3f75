package io.dictum.core.assistant;

import io.dictum.core.cases.CaseId;
import java.time.Instant;
import java.util.Optional;

/** What is stored of one user's conversation: the case opened last and since when, and a question left open. */
public record ConversationState(Optional<CaseId> openCase, Optional<Instant> caseOpenedAt,
                                Optional<PendingClarification> pending, Instant updatedAt) {
}

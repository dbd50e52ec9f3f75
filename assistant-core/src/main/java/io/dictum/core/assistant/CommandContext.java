package io.dictum.core.assistant;

import io.dictum.core.cases.CaseId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** What a handler may need besides the slots: the words said, the reference time, and the conversation's case. */
public record CommandContext(String text, ZonedDateTime referenceTime, Optional<CaseId> openCase) {
}

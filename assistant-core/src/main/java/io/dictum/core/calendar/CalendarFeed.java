package io.dictum.core.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dictum.core.cases.CaseId;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A calendar subscription of one user: their deadlines and appointments on every case they may see, or on one case.
 * {@code url} carries the secret token and is only filled in the answer that creates the feed; the database keeps
 * its hash.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CalendarFeed(UUID id, CaseId caseId, OffsetDateTime createdAt, String url) {
}

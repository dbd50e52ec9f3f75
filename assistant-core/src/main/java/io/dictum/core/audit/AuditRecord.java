package io.dictum.core.audit;

import io.dictum.core.cases.CaseId;
import io.dictum.core.users.UserId;
import java.time.OffsetDateTime;

/** One entry of the audit trail: who did what to which entity, when, from where, chained by hash to the last. */
public record AuditRecord(long seq, OffsetDateTime at, UserId actorId, String actorName, String action,
                          String entityKind, String entityId, CaseId caseId, String origin, String details,
                          String prevHash, String hash) {
}

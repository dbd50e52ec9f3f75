package io.dictum.core.billing;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.MatterType;
import io.dictum.core.users.UserId;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An hourly rate for any of a user, a case (matter) and a matter type; none of them is the firm default. */
public record Rate(UUID id, UserId userId, CaseId caseId, MatterType matterType, BigDecimal hourlyRate,
                   OffsetDateTime createdAt) {

    @JsonProperty
    public RateLevel level() {
        return RateLevel.of(userId != null, caseId != null, matterType != null);
    }

    public boolean appliesTo(UserId user, CaseId legalCase, MatterType type) {
        return (userId == null || userId.equals(user)) && (caseId == null || caseId.equals(legalCase))
                && (matterType == null || matterType.equals(type));
    }

    public boolean sameKey(Rate other) {
        return java.util.Objects.equals(userId, other.userId) && java.util.Objects.equals(caseId, other.caseId)
                && java.util.Objects.equals(matterType, other.matterType);
    }
}

package io.dictum.core.billing;

import java.math.BigDecimal;

/** {@code POST /rates}: any of userId, caseId and matterType (not both caseId and matterType), and the rate. */
public record NewRate(String userId, String caseId, String matterType, BigDecimal hourlyRate) {
}

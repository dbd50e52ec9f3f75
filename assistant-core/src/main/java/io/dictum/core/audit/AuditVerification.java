package io.dictum.core.audit;

/** The outcome of re-computing the whole chain: valid, how many records, and the first that does not fit. */
public record AuditVerification(boolean valid, long records, Long firstBrokenId, String problem) {
}

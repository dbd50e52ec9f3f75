package io.dictum.core.deadlines;

/**
 * A corrected trigger: the new date (an ISO date, or a local date and time), the service method (kept when
 * omitted) and why, for the audit trail.
 */
public record EventChange(String date, String serviceMethod, String reason) {
}

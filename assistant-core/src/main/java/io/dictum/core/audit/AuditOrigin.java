package io.dictum.core.audit;

/**
 * Where a request came from (address and client), carried in the Reactor context by the web layer so the audit
 * trail can record it without every service passing it along.
 */
public record AuditOrigin(String description) {
}

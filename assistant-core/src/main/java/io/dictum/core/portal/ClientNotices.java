package io.dictum.core.portal;

import reactor.core.publisher.Mono;

/**
 * Tells a case's client that something new awaits them in the portal. Called inside the transaction of the change,
 * so a notice is recorded exactly when the milestone or message is. The firm-wide notification service replaces
 * {@link AuditedClientNotices} as the implementation of this one method.
 */
public interface ClientNotices {

    Mono<Void> notify(ClientNotice notice);
}

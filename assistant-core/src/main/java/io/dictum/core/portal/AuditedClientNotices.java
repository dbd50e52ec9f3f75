package io.dictum.core.portal;

import io.dictum.core.audit.AuditLog;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Until in-app notifications exist, a client notice is an audit record ({@code client.notice}) and a log line: the
 * firm can show that the client was told, and nothing is sent anywhere.
 */
@Component
class AuditedClientNotices implements ClientNotices {

    private static final Logger log = LoggerFactory.getLogger(AuditedClientNotices.class);

    private final AuditLog audit;

    AuditedClientNotices(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public Mono<Void> notify(ClientNotice notice) {
        String kind = notice.kind().name().toLowerCase(Locale.ROOT);
        return audit.record(null, "system", "client.notice", kind, notice.subjectId().toString(), notice.caseId(),
                        notice.summary())
                .doOnSuccess(v -> log.info("Client of case {} notified of a {}: {}", notice.caseId(), kind,
                        notice.summary()));
    }
}

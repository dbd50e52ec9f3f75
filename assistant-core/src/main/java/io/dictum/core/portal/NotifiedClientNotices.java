package io.dictum.core.portal;

import io.dictum.core.audit.AuditLog;
import io.dictum.core.cases.CaseRepository;
import io.dictum.core.notifications.NewNotification;
import io.dictum.core.notifications.NotificationService;
import io.dictum.core.users.Role;
import io.dictum.core.users.UserRepository;
import java.util.Locale;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tells a case's client users through the in-app notifications (they see them in the portal and on its live
 * stream), and records {@code client.notice} in the audit trail, so the firm can show that the client was told.
 */
@Component
class NotifiedClientNotices implements ClientNotices {

    private final AuditLog audit;
    private final CaseRepository cases;
    private final UserRepository users;
    private final NotificationService notifications;

    NotifiedClientNotices(AuditLog audit, CaseRepository cases, UserRepository users,
                          NotificationService notifications) {
        this.audit = audit;
        this.cases = cases;
        this.users = users;
        this.notifications = notifications;
    }

    @Override
    public Mono<Void> notify(ClientNotice notice) {
        String kind = notice.kind().name().toLowerCase(Locale.ROOT);
        String title = switch (notice.kind()) {
            case MILESTONE -> "New in your case: " + notice.summary();
            case MESSAGE -> "A new message from your attorneys";
        };
        Mono<Void> tell = cases.findById(notice.caseId())
                .flatMapMany(c -> users.findByContact(c.clientId()))
                .filter(user -> user.role() == Role.CLIENT)
                .concatMap(user -> notifications.send(new NewNotification(user.id(), "portal." + kind, title,
                        notice.summary(), "#/cases/" + notice.caseId(), notice.caseId())))
                .then();
        return tell.then(audit.record(null, "system", "client.notice", kind, notice.subjectId().toString(),
                notice.caseId(), notice.summary()));
    }
}

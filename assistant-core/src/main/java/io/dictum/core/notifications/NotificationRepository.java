package io.dictum.core.notifications;

import io.dictum.core.access.CaseFilter;
import io.dictum.core.cases.CaseId;
import io.dictum.core.db.Binding;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.paging.Sorting;
import io.dictum.core.users.UserId;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class NotificationRepository {

    private static final String SELECT = "SELECT n.id, n.recipient_id, n.kind, n.title, n.body, n.link, n.case_id,"
            + " n.created_at, n.read_at FROM notifications n LEFT JOIN cases c ON c.id = n.case_id";

    private final DatabaseClient db;

    public NotificationRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Notification n) {
        var spec = db.sql("INSERT INTO notifications (id, recipient_id, kind, title, body, link, case_id, created_at)"
                        + " VALUES (:id, :recipient, :kind, :title, :body, :link, :caseId, :createdAt)")
                .bind("id", n.id())
                .bind("recipient", n.recipientId().value())
                .bind("kind", n.kind())
                .bind("title", n.title())
                .bind("createdAt", n.createdAt());
        spec = Binding.nullable(spec, "body", n.body(), String.class);
        spec = Binding.nullable(spec, "link", n.link(), String.class);
        spec = Binding.nullable(spec, "caseId", n.caseId() == null ? null : n.caseId().value(), UUID.class);
        return spec.then();
    }

    /**
     * The recipient's notifications, newest first, that the recipient may still see: {@code visible} is the
     * recipient's own case filter, so a wall raised after a notification was made hides it too.
     */
    public Flux<Notification> find(UserId recipient, CaseFilter visible, boolean unreadOnly,
                                   Optional<OffsetDateTime> since, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + where(visible, unreadOnly));
        since.ifPresent(s -> sql.append(" AND n.created_at >= :since"));
        sql.append(" ORDER BY n.created_at DESC, n.id LIMIT :limit");
        var spec = visible.bind(db.sql(sql.toString())).bind("recipient", recipient.value()).bind("limit", limit);
        if (since.isPresent()) {
            spec = spec.bind("since", since.get());
        }
        return spec.map(NotificationRepository::map).all();
    }

    /** The fields a list of notifications sorts by; newest first by default. */
    public static final Sorting SORTING = Sorting.of("notifications", "n.created_at DESC", "n.id",
            "createdAt", "n.created_at", "readAt", "n.read_at", "kind", "n.kind", "title", "LOWER(n.title)");

    /** A page of what {@link #find} selects (without {@code since}), ordered as the page asks. */
    public Flux<Notification> page(UserId recipient, CaseFilter visible, boolean unreadOnly, PageRequest page) {
        return visible.bind(db.sql(SELECT + where(visible, unreadOnly) + SORTING.orderBy(page.sort())
                        + " LIMIT :limit OFFSET :offset"))
                .bind("recipient", recipient.value()).bind("limit", page.size()).bind("offset", page.offset())
                .map(NotificationRepository::map).all();
    }

    public Mono<Long> count(UserId recipient, CaseFilter visible, boolean unreadOnly) {
        return visible.bind(db.sql("SELECT COUNT(*) AS n FROM notifications n LEFT JOIN cases c ON c.id = n.case_id"
                        + where(visible, unreadOnly)))
                .bind("recipient", recipient.value()).map(r -> r.get("n", Long.class)).one();
    }

    private static String where(CaseFilter visible, boolean unreadOnly) {
        return " WHERE n.recipient_id = :recipient AND (n.case_id IS NULL OR " + visible.condition("c.id", "c.client_id")
                + ")" + (unreadOnly ? " AND n.read_at IS NULL" : "");
    }

    /** Marks it read when it is the recipient's and unread; answers whether the recipient has such a notification. */
    public Mono<Boolean> markRead(UUID id, UserId recipient, CaseFilter visible, OffsetDateTime at) {
        return visible.bind(db.sql(SELECT + " WHERE n.id = :id AND n.recipient_id = :recipient AND (n.case_id IS NULL"
                        + " OR " + visible.condition("c.id", "c.client_id") + ")"))
                .bind("id", id).bind("recipient", recipient.value())
                .map(NotificationRepository::map).one()
                .flatMap(n -> n.readAt() != null ? Mono.just(true)
                        : db.sql("UPDATE notifications SET read_at = :at WHERE id = :id AND read_at IS NULL")
                        .bind("id", id).bind("at", at).then().thenReturn(true))
                .defaultIfEmpty(false);
    }

    private static Notification map(Readable r) {
        UUID caseId = r.get("case_id", UUID.class);
        return new Notification(r.get("id", UUID.class), new UserId(r.get("recipient_id", UUID.class)),
                r.get("kind", String.class), r.get("title", String.class), r.get("body", String.class),
                r.get("link", String.class), caseId == null ? null : new CaseId(caseId),
                r.get("created_at", OffsetDateTime.class), r.get("read_at", OffsetDateTime.class));
    }
}

package io.dictum.core.portal;

import io.dictum.core.cases.CaseId;
import io.dictum.core.db.Binding;
import io.dictum.core.users.UserId;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class MessageRepository {

    private final DatabaseClient db;

    public MessageRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(CaseMessage m, UserId author) {
        var spec = db.sql("INSERT INTO case_messages (id, case_id, from_client, author_id, text, sent_at,"
                        + " read_by_firm_at, read_by_client_at) VALUES (:id, :caseId, :fromClient, :author, :text,"
                        + " :sentAt, :readByFirm, :readByClient)")
                .bind("id", m.id()).bind("caseId", m.caseId().value()).bind("fromClient", m.from() == MessageSide.CLIENT)
                .bind("text", m.text()).bind("sentAt", m.sentAt());
        spec = Binding.nullable(spec, "author", author == null ? null : author.value(), UUID.class);
        spec = Binding.nullable(spec, "readByFirm", m.readByFirmAt(), OffsetDateTime.class);
        return Binding.nullable(spec, "readByClient", m.readByClientAt(), OffsetDateTime.class).then();
    }

    /** Oldest first, as a conversation reads. */
    public Flux<CaseMessage> findByCase(CaseId caseId) {
        return db.sql("SELECT m.id, m.case_id, m.from_client, u.display_name, m.text, m.sent_at, m.read_by_firm_at,"
                        + " m.read_by_client_at FROM case_messages m LEFT JOIN users u ON u.id = m.author_id"
                        + " WHERE m.case_id = :caseId ORDER BY m.sent_at, m.id")
                .bind("caseId", caseId.value()).map(MessageRepository::map).all();
    }

    /** Marks what the other side sent as read by this one; returns how many were unread. */
    public Mono<Long> markRead(CaseId caseId, MessageSide reader, OffsetDateTime at) {
        String column = reader == MessageSide.CLIENT ? "read_by_client_at" : "read_by_firm_at";
        return db.sql("UPDATE case_messages SET " + column + " = :at WHERE case_id = :caseId AND " + column
                        + " IS NULL AND from_client = :fromClient")
                .bind("at", at).bind("caseId", caseId.value()).bind("fromClient", reader == MessageSide.FIRM)
                .fetch().rowsUpdated();
    }

    /** How many messages of the other side this side has not read yet. */
    public Mono<Long> unread(CaseId caseId, MessageSide reader) {
        String column = reader == MessageSide.CLIENT ? "read_by_client_at" : "read_by_firm_at";
        return db.sql("SELECT COUNT(*) AS n FROM case_messages WHERE case_id = :caseId AND " + column + " IS NULL"
                        + " AND from_client = :fromClient")
                .bind("caseId", caseId.value()).bind("fromClient", reader == MessageSide.FIRM)
                .map(r -> r.get("n", Long.class)).one();
    }

    private static CaseMessage map(Readable r) {
        return new CaseMessage(r.get("id", UUID.class), new CaseId(r.get("case_id", UUID.class)),
                Boolean.TRUE.equals(r.get("from_client", Boolean.class)) ? MessageSide.CLIENT : MessageSide.FIRM,
                r.get("display_name", String.class), r.get("text", String.class),
                r.get("sent_at", OffsetDateTime.class), r.get("read_by_firm_at", OffsetDateTime.class),
                r.get("read_by_client_at", OffsetDateTime.class));
    }
}

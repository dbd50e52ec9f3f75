package io.dictum.core.calendar;

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
public class CalendarFeedRepository {

    /** A live feed as stored: whose it is and what it covers. */
    public record Row(UUID id, UserId ownerId, CaseId caseId, OffsetDateTime createdAt) {
    }

    private final DatabaseClient db;

    public CalendarFeedRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Row row, String tokenHash) {
        var spec = db.sql("INSERT INTO calendar_feeds (id, owner_id, case_id, token_hash, created_at)"
                        + " VALUES (:id, :owner, :caseId, :hash, :at)")
                .bind("id", row.id()).bind("owner", row.ownerId().value()).bind("hash", tokenHash)
                .bind("at", row.createdAt());
        return Binding.nullable(spec, "caseId", row.caseId() == null ? null : row.caseId().value(), UUID.class)
                .then();
    }

    public Flux<Row> findByOwner(UserId owner) {
        return db.sql("SELECT id, owner_id, case_id, created_at FROM calendar_feeds WHERE owner_id = :owner"
                        + " AND revoked_at IS NULL ORDER BY created_at, id")
                .bind("owner", owner.value()).map(CalendarFeedRepository::map).all();
    }

    public Mono<Row> findByTokenHash(String hash) {
        return db.sql("SELECT id, owner_id, case_id, created_at FROM calendar_feeds WHERE token_hash = :hash"
                        + " AND revoked_at IS NULL")
                .bind("hash", hash).map(CalendarFeedRepository::map).one();
    }

    public Mono<Boolean> revoke(UUID id, UserId owner, OffsetDateTime at) {
        return db.sql("UPDATE calendar_feeds SET revoked_at = :at WHERE id = :id AND owner_id = :owner"
                        + " AND revoked_at IS NULL")
                .bind("id", id).bind("owner", owner.value()).bind("at", at)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    private static Row map(Readable r) {
        UUID caseId = r.get("case_id", UUID.class);
        return new Row(r.get("id", UUID.class), new UserId(r.get("owner_id", UUID.class)),
                caseId == null ? null : new CaseId(caseId), r.get("created_at", OffsetDateTime.class));
    }
}

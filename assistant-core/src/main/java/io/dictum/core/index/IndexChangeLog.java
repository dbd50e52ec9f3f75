package io.dictum.core.index;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The log of writes the search index must reflect. Appended in the same transaction as the write it records, so a
 * crash between the database commit and the index update is repaired by replaying the log at start.
 */
@Repository
public class IndexChangeLog {

    public enum Kind { CASE, DOCUMENT, CONTACT, NOTE }

    public record Change(long seq, Kind kind, UUID entityId) {
    }

    /** An entity whose committed change the index is to reflect. */
    public record Entity(Kind kind, UUID id) {
    }

    private final DatabaseClient db;

    public IndexChangeLog(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> append(Kind kind, UUID entityId) {
        return db.sql("INSERT INTO index_changes (entity_kind, entity_id, changed_at) VALUES (:kind, :id, :at)")
                .bind("kind", kind.name())
                .bind("id", entityId)
                .bind("at", OffsetDateTime.now())
                .then();
    }

    public Flux<Change> since(long seqExclusive) {
        return db.sql("SELECT seq, entity_kind, entity_id FROM index_changes WHERE seq > :seq ORDER BY seq")
                .bind("seq", seqExclusive)
                .map(r -> new Change(r.get("seq", Long.class), Kind.valueOf(r.get("entity_kind", String.class)),
                        r.get("entity_id", UUID.class)))
                .all();
    }

    public Mono<Long> lastSeq() {
        return db.sql("SELECT COALESCE(MAX(seq), 0) AS s FROM index_changes").map(r -> r.get("s", Long.class)).one();
    }
}

package io.dictum.core.audit;

import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseId;
import io.dictum.core.db.Binding;
import io.dictum.core.users.UserId;
import io.r2dbc.spi.Readable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import io.dictum.core.paging.Page;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.paging.Sorting;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Appends to the hash-chained audit trail. Call {@link #record} inside the transaction of the change it records, so
 * the two commit or fail together; the head row is locked for the append, which keeps one unbroken chain.
 */
@Component
public class AuditLog {

    private static final int MAX_DETAILS = 2000;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Clock clock;

    public AuditLog(DatabaseClient db, TransactionalOperator tx, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
    }

    /** Appends within the caller's transaction (or in its own when there is none). */
    public Mono<Void> record(Actor actor, String action, String entityKind, String entityId, CaseId caseId,
                             String details) {
        return record(actor == null ? null : actor.userId(), actor == null ? "system" : actor.username(), action,
                entityKind, entityId, caseId, details);
    }

    public Mono<Void> record(UserId actorId, String actorName, String action, String entityKind, String entityId,
                             CaseId caseId, String details) {
        return Mono.deferContextual(ctx -> {
            String origin = ctx.getOrEmpty(AuditOrigin.class).map(o -> ((AuditOrigin) o).description())
                    .orElse("internal");
            // Microseconds: what both databases keep, so the hash can be recomputed from what was stored.
            OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            return db.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                    .map(r -> new Object[] {r.get("last_seq", Long.class), r.get("last_hash", String.class)})
                    .one()
                    .flatMap(head -> {
                        long seq = (Long) head[0] + 1;
                        String prev = (String) head[1];
                        AuditRecord rec = new AuditRecord(seq, at, actorId, clip(actorName, 100), action,
                                entityKind, entityId, caseId,
                                clip(origin, 200), clip(details, MAX_DETAILS), prev, null);
                        String hash = hash(rec);
                        return insert(rec, hash).then(db.sql("UPDATE audit_head SET last_seq = :seq,"
                                        + " last_hash = :hash WHERE id = 1")
                                .bind("seq", seq).bind("hash", hash).then());
                    });
        }).as(tx::transactional);
    }

    /** The fields the audit trail sorts by; newest first by default. */
    public static final Sorting SORTING = Sorting.of("the audit trail", "seq DESC", "seq",
            "at", "seq", "action", "action", "actor", "actor_name", "entityKind", "entity_kind");

    /** A page of a case's records (all records when {@code caseId} is empty), with how many there are. */
    public Mono<Page<AuditRecord>> page(Optional<CaseId> caseId, PageRequest request) {
        String where = caseId.isPresent() ? " WHERE case_id = :caseId" : "";
        var items = db.sql(SELECT + where + SORTING.orderBy(request.sort()) + " LIMIT :limit OFFSET :offset")
                .bind("limit", request.size()).bind("offset", request.offset());
        var count = db.sql("SELECT COUNT(*) AS n FROM audit_records" + where);
        if (caseId.isPresent()) {
            items = items.bind("caseId", caseId.get().value());
            count = count.bind("caseId", caseId.get().value());
        }
        return items.map(AuditLog::map).all().collectList().zipWith(count.map(r -> r.get("n", Long.class)).one(),
                (list, total) -> new Page<>(list, total, request.page(), request.size()));
    }

    public Flux<AuditRecord> forCase(CaseId caseId, int limit) {
        return db.sql(SELECT + " WHERE case_id = :caseId ORDER BY seq DESC LIMIT :limit")
                .bind("caseId", caseId.value()).bind("limit", limit)
                .map(AuditLog::map).all();
    }

    public Flux<AuditRecord> latest(int limit) {
        return db.sql(SELECT + " ORDER BY seq DESC LIMIT :limit").bind("limit", limit).map(AuditLog::map).all();
    }

    /** Recomputes every hash in order: an edited record, a deleted one or a cut-off end breaks the chain. */
    public Mono<AuditVerification> verify() {
        Mono<Object[]> head = db.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                .map(r -> new Object[] {r.get("last_seq", Long.class), r.get("last_hash", String.class)}).one();
        return head.flatMap(h -> db.sql(SELECT + " ORDER BY seq").map(AuditLog::map).all()
                .reduce(new Walk(0, "0".repeat(64), 0, null, null), (walk, rec) -> walk.next(rec))
                .map(walk -> {
                    if (walk.broken() != null) {
                        return new AuditVerification(false, walk.count(), walk.broken(), walk.problem());
                    }
                    if (walk.lastSeq() != (Long) h[0] || !walk.lastHash().equals(h[1])) {
                        return new AuditVerification(false, walk.count(), walk.lastSeq() + 1,
                                "records after " + walk.lastSeq() + " are missing: the chain ends at " + h[0]);
                    }
                    return new AuditVerification(true, walk.count(), null, null);
                }));
    }

    private record Walk(long lastSeq, String lastHash, long count, Long broken, String problem) {
        Walk next(AuditRecord rec) {
            if (broken != null) {
                return new Walk(lastSeq, lastHash, count + 1, broken, problem);
            }
            if (rec.seq() != lastSeq + 1) {
                return new Walk(rec.seq(), rec.hash(), count + 1, lastSeq + 1, "record " + (lastSeq + 1)
                        + " is missing");
            }
            if (!rec.prevHash().equals(lastHash)) {
                return new Walk(rec.seq(), rec.hash(), count + 1, rec.seq(), "record " + rec.seq()
                        + " does not follow the record before it");
            }
            if (!hash(rec).equals(rec.hash())) {
                return new Walk(rec.seq(), rec.hash(), count + 1, rec.seq(), "record " + rec.seq()
                        + " was changed after it was written");
            }
            return new Walk(rec.seq(), rec.hash(), count + 1, null, null);
        }
    }

    private static final String SELECT = "SELECT seq, at, actor_id, actor_name, action, entity_kind, entity_id,"
            + " case_id, origin, details, prev_hash, hash FROM audit_records";

    private Mono<Void> insert(AuditRecord r, String hash) {
        var spec = db.sql("INSERT INTO audit_records (seq, at, actor_id, actor_name, action, entity_kind, entity_id,"
                        + " case_id, origin, details, prev_hash, hash) VALUES (:seq, :at, :actorId, :actorName,"
                        + " :action, :entityKind, :entityId, :caseId, :origin, :details, :prev, :hash)")
                .bind("seq", r.seq())
                .bind("at", r.at())
                .bind("actorName", r.actorName())
                .bind("action", r.action())
                .bind("entityKind", r.entityKind())
                .bind("prev", r.prevHash())
                .bind("hash", hash);
        spec = Binding.nullable(spec, "actorId", r.actorId() == null ? null : r.actorId().value(), UUID.class);
        spec = Binding.nullable(spec, "entityId", r.entityId(), String.class);
        spec = Binding.nullable(spec, "caseId", r.caseId() == null ? null : r.caseId().value(), UUID.class);
        spec = Binding.nullable(spec, "origin", r.origin(), String.class);
        spec = Binding.nullable(spec, "details", r.details(), String.class);
        return spec.then();
    }

    private static AuditRecord map(Readable r) {
        UUID actor = r.get("actor_id", UUID.class);
        UUID caseId = r.get("case_id", UUID.class);
        return new AuditRecord(r.get("seq", Long.class), r.get("at", OffsetDateTime.class),
                actor == null ? null : new UserId(actor), r.get("actor_name", String.class),
                r.get("action", String.class), r.get("entity_kind", String.class), r.get("entity_id", String.class),
                caseId == null ? null : new CaseId(caseId), r.get("origin", String.class),
                r.get("details", String.class), r.get("prev_hash", String.class), r.get("hash", String.class));
    }

    /** The hash covers every column but itself, in a fixed, unambiguous layout (lengths before values). */
    static String hash(AuditRecord r) {
        StringBuilder sb = new StringBuilder();
        for (Object field : new Object[] {r.prevHash(), r.seq(), r.at().toInstant(), r.actorId(), r.actorName(),
                r.action(), r.entityKind(), r.entityId(), r.caseId(), r.origin(), r.details()}) {
            String s = field == null ? "" : field.toString();
            sb.append(field == null ? -1 : s.length()).append(':').append(s).append('|');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}

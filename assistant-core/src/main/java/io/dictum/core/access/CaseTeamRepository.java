package io.dictum.core.access;

import io.dictum.core.cases.CaseId;
import io.dictum.core.db.Binding;
import io.dictum.core.users.UserId;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Case teams and ethical-wall screens. */
@Repository
public class CaseTeamRepository {

    private final DatabaseClient db;

    public CaseTeamRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Boolean> isScreened(CaseId caseId, UserId userId) {
        if (userId == null) {
            return Mono.just(false);
        }
        return db.sql("SELECT COUNT(*) AS n FROM case_screens WHERE case_id = :c AND user_id = :u")
                .bind("c", caseId.value()).bind("u", userId.value())
                .map(r -> r.get("n", Long.class) > 0).one();
    }

    public Flux<CaseId> screenedFrom(UserId userId) {
        if (userId == null) {
            return Flux.empty();
        }
        return db.sql("SELECT case_id FROM case_screens WHERE user_id = :u").bind("u", userId.value())
                .map(r -> new CaseId(r.get("case_id", UUID.class))).all();
    }

    public Flux<UserId> team(CaseId caseId) {
        return db.sql("SELECT user_id FROM case_team WHERE case_id = :c ORDER BY added_at").bind("c", caseId.value())
                .map(r -> new UserId(r.get("user_id", UUID.class))).all();
    }

    public Flux<UserId> screens(CaseId caseId) {
        return db.sql("SELECT user_id FROM case_screens WHERE case_id = :c ORDER BY screened_at")
                .bind("c", caseId.value())
                .map(r -> new UserId(r.get("user_id", UUID.class))).all();
    }

    public Mono<Boolean> addToTeam(CaseId caseId, UserId userId, OffsetDateTime at) {
        return db.sql("SELECT COUNT(*) AS n FROM case_team WHERE case_id = :c AND user_id = :u")
                .bind("c", caseId.value()).bind("u", userId.value())
                .map(r -> r.get("n", Long.class) > 0).one()
                .flatMap(exists -> exists ? Mono.just(false)
                        : db.sql("INSERT INTO case_team (case_id, user_id, added_at) VALUES (:c, :u, :at)")
                        .bind("c", caseId.value()).bind("u", userId.value()).bind("at", at).then()
                        .thenReturn(true));
    }

    public Mono<Boolean> removeFromTeam(CaseId caseId, UserId userId) {
        return db.sql("DELETE FROM case_team WHERE case_id = :c AND user_id = :u")
                .bind("c", caseId.value()).bind("u", userId.value())
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    public Mono<Boolean> screen(CaseId caseId, UserId userId, String reason, OffsetDateTime at) {
        return isScreened(caseId, userId).flatMap(exists -> exists ? Mono.just(false)
                : Binding.nullable(db.sql("INSERT INTO case_screens (case_id, user_id, screened_at, reason)"
                                + " VALUES (:c, :u, :at, :reason)")
                        .bind("c", caseId.value()).bind("u", userId.value()).bind("at", at), "reason", reason,
                        String.class)
                .then().thenReturn(true));
    }
}

package io.dictum.core.users;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Revoked sign-in tokens, in the database so a sign-out holds on every node: one token by its id, or every token
 * of a user at once by raising the user's token generation (sign out everywhere).
 */
@Component
public class TokenRevocations {

    private final DatabaseClient db;
    private final Clock clock;

    public TokenRevocations(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Mono<Void> revoke(String tokenId, Instant expiresAt) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.sql("DELETE FROM revoked_tokens WHERE expires_at < :now").bind("now", now).then()
                .then(db.sql("SELECT COUNT(*) AS n FROM revoked_tokens WHERE token_id = :id").bind("id", tokenId)
                        .map(r -> r.get("n", Long.class)).one())
                .flatMap(n -> n > 0 ? Mono.<Void>empty() : db.sql("INSERT INTO revoked_tokens (token_id, expires_at)"
                        + " VALUES (:id, :exp)").bind("id", tokenId)
                        .bind("exp", OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC)).then());
    }

    public Mono<Void> revokeAll(UserId user) {
        return db.sql("UPDATE users SET token_generation = token_generation + 1 WHERE id = :id")
                .bind("id", user.value()).then();
    }

    /** The generation a new token of this user carries. */
    public Mono<Integer> generation(UserId user) {
        return db.sql("SELECT token_generation FROM users WHERE id = :id").bind("id", user.value())
                .map(r -> r.get("token_generation", Integer.class)).one().defaultIfEmpty(0);
    }

    /** True when the token was signed out, or belongs to an older generation of its user's tokens, or the user is gone. */
    public Mono<Boolean> isRevoked(String tokenId, UserId user, int generation) {
        Mono<Boolean> byId = db.sql("SELECT COUNT(*) AS n FROM revoked_tokens WHERE token_id = :id")
                .bind("id", tokenId == null ? "" : tokenId).map(r -> r.get("n", Long.class) > 0).one();
        Mono<Boolean> byUser = db.sql("SELECT token_generation FROM users WHERE id = :id").bind("id", user.value())
                .map(r -> r.get("token_generation", Integer.class) != generation).one()
                .defaultIfEmpty(true);
        return byId.zipWith(byUser, (a, b) -> a || b);
    }
}

package io.dictum.core.users;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Revoked sign-in tokens, in the database so a sign-out holds on every node: one token by its id, or every token
 * of a user issued before a moment (sign out everywhere, role change).
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
        return db.sql("UPDATE users SET tokens_not_before = :now WHERE id = :id")
                .bind("now", OffsetDateTime.now(clock)).bind("id", user.value()).then();
    }

    /** True when the token was revoked, or issued before its user's tokens-not-before moment, or its user is gone. */
    public Mono<Boolean> isRevoked(String tokenId, UserId user, Instant issuedAt) {
        Mono<Boolean> byId = db.sql("SELECT COUNT(*) AS n FROM revoked_tokens WHERE token_id = :id")
                .bind("id", tokenId == null ? "" : tokenId).map(r -> r.get("n", Long.class) > 0).one();
        Mono<Boolean> byUser = db.sql("SELECT tokens_not_before FROM users WHERE id = :id").bind("id", user.value())
                .map(r -> Optional.ofNullable(r.get("tokens_not_before", OffsetDateTime.class))).one()
                // Token times have whole seconds: a token from the very second of the revocation stays valid.
                .map(notBefore -> notBefore.map(nb -> issuedAt == null
                                || issuedAt.isBefore(nb.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))
                        .orElse(false))
                .defaultIfEmpty(true);
        return byId.zipWith(byUser, (a, b) -> a || b);
    }
}

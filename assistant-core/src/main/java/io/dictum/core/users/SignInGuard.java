package io.dictum.core.users;

import io.dictum.core.errors.DictumException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Locks a username after repeated failed sign-ins, in the database so every node agrees. Five failures within
 * fifteen minutes lock the account for fifteen minutes; a successful sign-in clears the count.
 */
@Component
public class SignInGuard {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    /** Sign-in refused because the account is locked; the message says until when and what to do. */
    public static class LockedOut extends DictumException {
        private final OffsetDateTime until;

        LockedOut(OffsetDateTime until) {
            super("Too many failed sign-ins for this account. Try again after " + until.truncatedTo(ChronoUnit.SECONDS)
                    + " (UTC), or ask an administrator to unlock it.");
            this.until = until;
        }

        public OffsetDateTime until() {
            return until;
        }

        @Override
        public String title() {
            return "Account locked";
        }
    }

    private final DatabaseClient db;
    private final Clock clock;

    public SignInGuard(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Fails with {@link LockedOut} while the username is locked. */
    public Mono<Void> check(String username) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.sql("SELECT locked_until FROM login_attempts WHERE username = :u").bind("u", key(username))
                .map(r -> java.util.Optional.ofNullable(r.get("locked_until", OffsetDateTime.class))).one()
                .flatMap(until -> until.filter(now::isBefore).isPresent()
                        ? Mono.<Void>error(new LockedOut(until.get())) : Mono.<Void>empty());
    }

    public Mono<Void> failed(String username) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String key = key(username);
        return db.sql("SELECT failures, first_failed_at FROM login_attempts WHERE username = :u").bind("u", key)
                .map(r -> java.util.Optional.of(new Object[] {r.get("failures", Integer.class),
                        r.get("first_failed_at", OffsetDateTime.class)}))
                .one()
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        return db.sql("INSERT INTO login_attempts (username, failures, first_failed_at)"
                                + " VALUES (:u, 1, :now)").bind("u", key).bind("now", now).then();
                    }
                    Object[] row = found.get();
                    boolean fresh = ((OffsetDateTime) row[1]).plus(WINDOW).isBefore(now);
                    int failures = fresh ? 1 : (Integer) row[0] + 1;
                    OffsetDateTime first = fresh ? now : (OffsetDateTime) row[1];
                    var spec = db.sql("UPDATE login_attempts SET failures = :f, first_failed_at = :first,"
                                    + " locked_until = :until WHERE username = :u")
                            .bind("f", failures).bind("first", first).bind("u", key);
                    spec = failures >= MAX_FAILURES ? spec.bind("until", now.plus(LOCK))
                            : spec.bindNull("until", OffsetDateTime.class);
                    return spec.then();
                })
                // Two first failures at once: the second insert loses and counts as an update instead.
                .onErrorResume(org.springframework.dao.DataIntegrityViolationException.class, e -> failed(username));
    }

    public Mono<Void> succeeded(String username) {
        return db.sql("DELETE FROM login_attempts WHERE username = :u").bind("u", key(username)).then();
    }

    /** Unlocks an account (administrators). */
    public Mono<Void> unlock(String username) {
        return succeeded(username);
    }

    private static String key(String username) {
        String k = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        return k.length() > 100 ? k.substring(0, 100) : k;
    }
}

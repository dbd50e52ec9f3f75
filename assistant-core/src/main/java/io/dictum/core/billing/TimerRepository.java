package io.dictum.core.billing;

import io.dictum.core.cases.CaseId;
import io.dictum.core.db.Binding;
import io.dictum.core.users.UserId;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
public class TimerRepository {

    private static final String COLUMNS = "id, user_id, case_id, activity, started_at, running_since,"
            + " accumulated_seconds";

    private final DatabaseClient db;

    public TimerRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Fails with a unique-key violation when the user has a timer already. */
    public Mono<Void> insert(Timer t) {
        var spec = db.sql("INSERT INTO timers (" + COLUMNS + ") VALUES (:id, :user, :case, :activity, :started,"
                        + " :since, :acc)")
                .bind("id", t.id())
                .bind("user", t.userId().value())
                .bind("started", t.startedAt())
                .bind("acc", t.accumulatedSeconds());
        spec = Binding.nullable(spec, "case", t.caseId() == null ? null : t.caseId().value(), UUID.class);
        spec = Binding.nullable(spec, "activity", t.activity(), String.class);
        spec = Binding.nullable(spec, "since", t.runningSince(), OffsetDateTime.class);
        return spec.then();
    }

    public Mono<Timer> findByUser(UserId user) {
        return db.sql("SELECT " + COLUMNS + " FROM timers WHERE user_id = :user").bind("user", user.value())
                .map(TimerRepository::timer).one();
    }

    /** Pauses a running timer; 0 when it was not running any more. */
    public Mono<Long> pause(UUID id, long accumulatedSeconds) {
        return db.sql("UPDATE timers SET running_since = NULL, accumulated_seconds = :acc"
                        + " WHERE id = :id AND running_since IS NOT NULL")
                .bind("id", id).bind("acc", accumulatedSeconds).fetch().rowsUpdated();
    }

    /** Resumes a paused timer; 0 when it was running already. */
    public Mono<Long> resume(UUID id, OffsetDateTime at) {
        return db.sql("UPDATE timers SET running_since = :at WHERE id = :id AND running_since IS NULL")
                .bind("id", id).bind("at", at).fetch().rowsUpdated();
    }

    /** Removes the timer; exactly one of several concurrent callers sees 1, the others 0. */
    public Mono<Long> delete(UUID id) {
        return db.sql("DELETE FROM timers WHERE id = :id").bind("id", id).fetch().rowsUpdated();
    }

    private static Timer timer(Readable row) {
        UUID legalCase = row.get("case_id", UUID.class);
        return new Timer(row.get("id", UUID.class), new UserId(row.get("user_id", UUID.class)),
                legalCase == null ? null : new CaseId(legalCase), row.get("activity", String.class),
                row.get("started_at", OffsetDateTime.class), row.get("running_since", OffsetDateTime.class),
                row.get("accumulated_seconds", Long.class));
    }
}

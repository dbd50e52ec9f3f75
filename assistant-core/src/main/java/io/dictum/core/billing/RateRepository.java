package io.dictum.core.billing;

import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.MatterType;
import io.dictum.core.db.Binding;
import io.dictum.core.users.UserId;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class RateRepository {

    private final DatabaseClient db;

    public RateRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Rate r, UserId by) {
        var spec = db.sql("INSERT INTO billing_rates (id, user_id, case_id, matter_type, hourly_rate, created_at,"
                        + " created_by) VALUES (:id, :user, :case, :type, :rate, :at, :by)")
                .bind("id", r.id())
                .bind("rate", r.hourlyRate())
                .bind("at", r.createdAt());
        spec = Binding.nullable(spec, "user", r.userId() == null ? null : r.userId().value(), UUID.class);
        spec = Binding.nullable(spec, "case", r.caseId() == null ? null : r.caseId().value(), UUID.class);
        spec = Binding.nullable(spec, "type", r.matterType() == null ? null : r.matterType().id(), String.class);
        spec = Binding.nullable(spec, "by", by == null ? null : by.value(), UUID.class);
        return spec.then();
    }

    /** Removes the rates with exactly this key (user, case, matter type; nulls match nulls). */
    public Mono<Long> deleteSameKey(Rate r) {
        StringBuilder sql = new StringBuilder("DELETE FROM billing_rates WHERE ");
        sql.append(r.userId() == null ? "user_id IS NULL" : "user_id = :user");
        sql.append(r.caseId() == null ? " AND case_id IS NULL" : " AND case_id = :case");
        sql.append(r.matterType() == null ? " AND matter_type IS NULL" : " AND matter_type = :type");
        var spec = db.sql(sql.toString());
        if (r.userId() != null) {
            spec = spec.bind("user", r.userId().value());
        }
        if (r.caseId() != null) {
            spec = spec.bind("case", r.caseId().value());
        }
        if (r.matterType() != null) {
            spec = spec.bind("type", r.matterType().id());
        }
        return spec.fetch().rowsUpdated();
    }

    public Mono<Long> delete(UUID id) {
        return db.sql("DELETE FROM billing_rates WHERE id = :id").bind("id", id).fetch().rowsUpdated();
    }

    public Flux<Rate> findAll() {
        return db.sql("SELECT id, user_id, case_id, matter_type, hourly_rate, created_at FROM billing_rates"
                        + " ORDER BY created_at, id")
                .map(RateRepository::rate)
                .all();
    }

    private static Rate rate(Readable row) {
        UUID user = row.get("user_id", UUID.class);
        UUID legalCase = row.get("case_id", UUID.class);
        String type = row.get("matter_type", String.class);
        return new Rate(row.get("id", UUID.class), user == null ? null : new UserId(user),
                legalCase == null ? null : new CaseId(legalCase), type == null ? null : new MatterType(type),
                row.get("hourly_rate", BigDecimal.class).setScale(Money.SCALE),
                row.get("created_at", OffsetDateTime.class));
    }
}

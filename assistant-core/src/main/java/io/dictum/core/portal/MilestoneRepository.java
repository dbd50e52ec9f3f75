package io.dictum.core.portal;

import io.dictum.core.cases.CaseId;
import io.dictum.core.db.Binding;
import io.dictum.core.users.UserId;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class MilestoneRepository {

    private static final String SELECT = "SELECT id, case_id, title, occurs_on, description, client_visible,"
            + " created_at, updated_at FROM case_milestones";

    private final DatabaseClient db;

    public MilestoneRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Milestone m, UserId by) {
        var spec = db.sql("INSERT INTO case_milestones (id, case_id, title, occurs_on, description, client_visible,"
                        + " created_by, created_at, updated_at) VALUES (:id, :caseId, :title, :on, :description,"
                        + " :visible, :by, :createdAt, :updatedAt)")
                .bind("id", m.id()).bind("caseId", m.caseId().value()).bind("title", m.title())
                .bind("on", m.date()).bind("visible", m.clientVisible())
                .bind("createdAt", m.createdAt()).bind("updatedAt", m.updatedAt());
        spec = Binding.nullable(spec, "description", m.description(), String.class);
        return Binding.nullable(spec, "by", by == null ? null : by.value(), UUID.class).then();
    }

    public Mono<Void> update(Milestone m) {
        var spec = db.sql("UPDATE case_milestones SET title = :title, occurs_on = :on, description = :description,"
                        + " client_visible = :visible, updated_at = :updatedAt WHERE id = :id")
                .bind("id", m.id()).bind("title", m.title()).bind("on", m.date()).bind("visible", m.clientVisible())
                .bind("updatedAt", m.updatedAt());
        return Binding.nullable(spec, "description", m.description(), String.class).then();
    }

    public Mono<Milestone> findById(UUID id) {
        return db.sql(SELECT + " WHERE id = :id").bind("id", id).map(MilestoneRepository::map).one();
    }

    /** In date order; only the client-visible ones when asked. */
    public Flux<Milestone> findByCase(CaseId caseId, boolean clientVisibleOnly) {
        return db.sql(SELECT + " WHERE case_id = :caseId" + (clientVisibleOnly ? " AND client_visible = TRUE" : "")
                        + " ORDER BY occurs_on, created_at")
                .bind("caseId", caseId.value()).map(MilestoneRepository::map).all();
    }

    /** The first client-visible milestone on or after the day given. */
    public Mono<Milestone> nextClientVisible(CaseId caseId, LocalDate from) {
        return db.sql(SELECT + " WHERE case_id = :caseId AND client_visible = TRUE AND occurs_on >= :from"
                        + " ORDER BY occurs_on, created_at LIMIT 1")
                .bind("caseId", caseId.value()).bind("from", from).map(MilestoneRepository::map).one();
    }

    private static Milestone map(Readable r) {
        return new Milestone(r.get("id", UUID.class), new CaseId(r.get("case_id", UUID.class)),
                r.get("title", String.class), r.get("occurs_on", LocalDate.class), r.get("description", String.class),
                Boolean.TRUE.equals(r.get("client_visible", Boolean.class)), r.get("created_at", OffsetDateTime.class),
                r.get("updated_at", OffsetDateTime.class));
    }
}

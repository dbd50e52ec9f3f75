package io.dictum.core.cases;

import io.dictum.core.access.CaseFilter;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.users.UserId;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import io.dictum.core.db.Binding;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.paging.Sorting;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class CaseRepository {

    private static final String COLUMNS = "id, number, title, matter_type, status, client_id, court, opened_on,"
            + " closed_on, responsible_user_id, created_at, updated_at";

    private final DatabaseClient db;

    public CaseRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<LegalCase> findById(CaseId id) {
        return db.sql("SELECT " + COLUMNS + " FROM cases WHERE id = :id")
                .bind("id", id.value())
                .map(CaseRepository::map)
                .one();
    }

    /** The fields a list of cases sorts by; newest first by default. */
    public static final Sorting SORTING = Sorting.of("cases", "opened_on DESC, number DESC", "id",
            "number", "number", "title", "LOWER(title)", "openedOn", "opened_on", "closedOn", "closed_on",
            "status", "status", "matterType", "matter_type", "updatedAt", "updated_at");

    /** A page of the cases the filter lets through, in the given order (newest first by default). */
    public Flux<LegalCase> findPage(CaseFilter visible, Optional<CaseStatus> status, PageRequest page) {
        String sql = "SELECT " + COLUMNS + " FROM cases" + where(visible, status) + SORTING.orderBy(page.sort())
                + " LIMIT :limit OFFSET :offset";
        return bindWhere(db.sql(sql), visible, status).bind("limit", page.size()).bind("offset", page.offset())
                .map(CaseRepository::map).all();
    }

    public Mono<Long> countVisible(CaseFilter visible, Optional<CaseStatus> status) {
        return bindWhere(db.sql("SELECT COUNT(*) AS n FROM cases" + where(visible, status)), visible, status)
                .map(r -> r.get("n", Long.class)).one();
    }

    private static String where(CaseFilter visible, Optional<CaseStatus> status) {
        return " WHERE " + visible.condition("id", "client_id") + (status.isPresent() ? " AND status = :status" : "");
    }

    private static GenericExecuteSpec bindWhere(GenericExecuteSpec spec, CaseFilter visible,
                                                Optional<CaseStatus> status) {
        spec = visible.bind(spec);
        return status.isPresent() ? spec.bind("status", status.get().id()) : spec;
    }

    public Flux<LegalCase> findAll() {
        return db.sql("SELECT " + COLUMNS + " FROM cases").map(CaseRepository::map).all();
    }

    public Mono<Long> count() {
        return db.sql("SELECT COUNT(*) AS n FROM cases").map(r -> r.get("n", Long.class)).one();
    }

    public Mono<Long> countNumbersStartingWith(String prefix) {
        return db.sql("SELECT COUNT(*) AS n FROM cases WHERE number LIKE :p")
                .bind("p", prefix + "%")
                .map(r -> r.get("n", Long.class))
                .one();
    }

    public Mono<Boolean> numberExists(String number) {
        return db.sql("SELECT COUNT(*) AS n FROM cases WHERE number = :n")
                .bind("n", number)
                .map(r -> r.get("n", Long.class) > 0)
                .one();
    }

    public Mono<Void> insert(LegalCase c) {
        return bindAll(db.sql("INSERT INTO cases (" + COLUMNS + ") VALUES (:id, :number, :title, :matterType,"
                + " :status, :clientId, :court, :openedOn, :closedOn, :responsible, :createdAt, :updatedAt)"), c)
                .bind("number", c.number())
                .bind("createdAt", c.createdAt())
                .then();
    }

    public Mono<Void> update(LegalCase c) {
        return bindAll(db.sql("UPDATE cases SET title = :title, matter_type = :matterType, status = :status,"
                + " client_id = :clientId, court = :court, opened_on = :openedOn, closed_on = :closedOn,"
                + " responsible_user_id = :responsible, updated_at = :updatedAt WHERE id = :id"), c)
                .then();
    }

    private static GenericExecuteSpec bindAll(GenericExecuteSpec spec, LegalCase c) {
        spec = spec.bind("id", c.id().value())
                .bind("title", c.title())
                .bind("matterType", c.matterType().id())
                .bind("status", c.status().id())
                .bind("clientId", c.clientId().value())
                .bind("openedOn", c.openedOn())
                .bind("updatedAt", c.updatedAt());
        spec = Binding.nullable(spec, "court", c.court(), String.class);
        spec = Binding.nullable(spec, "closedOn", c.closedOn(), LocalDate.class);
        return Binding.nullable(spec, "responsible",
                c.responsibleUserId() == null ? null : c.responsibleUserId().value(), UUID.class);
    }

    static LegalCase map(Readable row) {
        UUID responsible = row.get("responsible_user_id", UUID.class);
        return new LegalCase(
                new CaseId(row.get("id", UUID.class)),
                row.get("number", String.class),
                row.get("title", String.class),
                new MatterType(row.get("matter_type", String.class)),
                CaseStatus.fromId(row.get("status", String.class)),
                new ContactId(row.get("client_id", UUID.class)),
                row.get("court", String.class),
                row.get("opened_on", LocalDate.class),
                row.get("closed_on", LocalDate.class),
                responsible == null ? null : new UserId(responsible),
                row.get("created_at", OffsetDateTime.class),
                row.get("updated_at", OffsetDateTime.class));
    }
}

package io.dictum.core.cases;

import io.dictum.core.contacts.ContactId;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.paging.Sorting;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class PartyRepository {

    private final DatabaseClient db;

    public PartyRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Party party, OffsetDateTime at) {
        return db.sql("INSERT INTO case_parties (id, case_id, contact_id, role, created_at)"
                        + " VALUES (:id, :caseId, :contactId, :role, :at)")
                .bind("id", UUID.randomUUID())
                .bind("caseId", party.caseId().value())
                .bind("contactId", party.contactId().value())
                .bind("role", party.role().id())
                .bind("at", at)
                .then();
    }

    private static final String SELECT = "SELECT p.case_id, p.contact_id, p.role, c.name FROM case_parties p"
            + " JOIN contacts c ON c.id = p.contact_id WHERE p.case_id = :caseId";

    /** In the order they were added. */
    public Flux<Party> findByCase(CaseId caseId) {
        return db.sql(SELECT + " ORDER BY p.created_at, p.id").bind("caseId", caseId.value())
                .map(PartyRepository::map).all();
    }

    /** The fields a case's parties sort by; in the order they were added by default. */
    public static final Sorting SORTING = Sorting.of("parties", "p.created_at", "p.id",
            "name", "LOWER(c.name)", "role", "p.role", "addedAt", "p.created_at");

    public Flux<Party> findByCase(CaseId caseId, PageRequest page) {
        return db.sql(SELECT + SORTING.orderBy(page.sort()) + " LIMIT :limit OFFSET :offset")
                .bind("caseId", caseId.value()).bind("limit", page.size()).bind("offset", page.offset())
                .map(PartyRepository::map).all();
    }

    public Mono<Long> countByCase(CaseId caseId) {
        return db.sql("SELECT COUNT(*) AS n FROM case_parties WHERE case_id = :caseId").bind("caseId", caseId.value())
                .map(r -> r.get("n", Long.class)).one();
    }

    private static Party map(io.r2dbc.spi.Readable r) {
        return new Party(new CaseId(r.get("case_id", UUID.class)), new ContactId(r.get("contact_id", UUID.class)),
                r.get("name", String.class), PartyRole.fromId(r.get("role", String.class)));
    }
}

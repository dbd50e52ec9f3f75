package io.dictum.core.cases;

import io.dictum.core.contacts.ContactId;
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

    public Flux<Party> findByCase(CaseId caseId) {
        return db.sql("SELECT p.case_id, p.contact_id, p.role, c.name FROM case_parties p"
                        + " JOIN contacts c ON c.id = p.contact_id WHERE p.case_id = :caseId ORDER BY p.created_at")
                .bind("caseId", caseId.value())
                .map(r -> new Party(new CaseId(r.get("case_id", UUID.class)),
                        new ContactId(r.get("contact_id", UUID.class)), r.get("name", String.class),
                        PartyRole.fromId(r.get("role", String.class))))
                .all();
    }
}

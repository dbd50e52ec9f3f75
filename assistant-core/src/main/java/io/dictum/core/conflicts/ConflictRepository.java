package io.dictum.core.conflicts;

import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.PartyRole;
import io.dictum.core.contacts.ContactId;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** Every name the firm knows (contact names and aliases) with each case and role the contact has. */
@Repository
class ConflictRepository {

    /** One known name of a contact, with one of its case roles (or none). */
    record KnownName(String name, ContactId contactId, String contactName, CaseId caseId, String caseNumber,
                     String caseTitle, PartyRole role) {
    }

    private final DatabaseClient db;

    ConflictRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<KnownName> knownNames() {
        return db.sql("SELECT n.name AS known, c.id AS contact_id, c.name AS contact_name, k.id AS case_id,"
                        + " k.number, k.title, p.role"
                        + " FROM (SELECT id AS contact_id, name FROM contacts"
                        + "       UNION ALL SELECT contact_id, alias FROM contact_aliases) n"
                        + " JOIN contacts c ON c.id = n.contact_id"
                        + " LEFT JOIN case_parties p ON p.contact_id = c.id"
                        + " LEFT JOIN cases k ON k.id = p.case_id")
                .map(r -> {
                    UUID caseId = r.get("case_id", UUID.class);
                    String role = r.get("role", String.class);
                    return new KnownName(r.get("known", String.class),
                            new ContactId(r.get("contact_id", UUID.class)), r.get("contact_name", String.class),
                            caseId == null ? null : new CaseId(caseId), r.get("number", String.class),
                            r.get("title", String.class), role == null ? null : PartyRole.fromId(role));
                })
                .all();
    }
}

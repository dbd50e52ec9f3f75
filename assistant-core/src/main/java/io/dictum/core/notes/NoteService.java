package io.dictum.core.notes;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.users.UserId;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Case notes: added by firm members (typed or dictated), read by whoever may see the case's inner file. */
@Service
public class NoteService {

    public static final int MAX_TEXT = 100_000;

    private final DatabaseClient db;
    private final CaseService cases;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    public NoteService(DatabaseClient db, CaseService cases, AuditLog audit, TransactionalOperator tx, Clock clock) {
        this.db = db;
        this.cases = cases;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Mono<Note> add(Actor actor, CaseId caseId, String text) {
        CaseAccess.requireFirmMember(actor, "add notes");
        if (text == null || text.isBlank()) {
            return Mono.error(new InvalidInputException("text is required: the note itself"));
        }
        if (text.length() > MAX_TEXT) {
            return Mono.error(new InvalidInputException("a note may have at most " + MAX_TEXT + " characters"));
        }
        return cases.get(actor, caseId).flatMap(c -> {
            Note note = new Note(UUID.randomUUID(), c.id(), text.strip(), actor.userId(), actor.username(),
                    OffsetDateTime.now(clock));
            return db.sql("INSERT INTO notes (id, case_id, text, author_id, created_at)"
                            + " VALUES (:id, :caseId, :text, :author, :at)")
                    .bind("id", note.id()).bind("caseId", c.id().value()).bind("text", note.text())
                    .bind("author", actor.userId().value()).bind("at", note.createdAt())
                    .then()
                    .then(audit.record(actor, "note.add", "note", note.id().toString(), c.id(),
                            note.text().length() + " characters"))
                    .as(tx::transactional)
                    .thenReturn(note);
        });
    }

    /** Notes are the firm's work product: clients do not see them, even on their own case. */
    public Flux<Note> list(Actor actor, CaseId caseId) {
        CaseAccess.requireFirmMember(actor, "read notes");
        return cases.get(actor, caseId).flatMapMany(c -> db.sql("SELECT n.id, n.case_id, n.text, n.author_id,"
                        + " u.username, n.created_at FROM notes n LEFT JOIN users u ON u.id = n.author_id"
                        + " WHERE n.case_id = :caseId ORDER BY n.created_at DESC")
                .bind("caseId", c.id().value())
                .map(r -> {
                    UUID author = r.get("author_id", UUID.class);
                    return new Note(r.get("id", UUID.class), new CaseId(r.get("case_id", UUID.class)),
                            r.get("text", String.class), author == null ? null : new UserId(author),
                            r.get("username", String.class), r.get("created_at", OffsetDateTime.class));
                })
                .all());
    }
}

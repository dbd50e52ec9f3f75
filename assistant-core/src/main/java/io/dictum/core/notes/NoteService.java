package io.dictum.core.notes;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.index.IndexChangeLog;
import io.dictum.core.index.IndexService;
import io.dictum.core.paging.Page;
import io.dictum.core.paging.PageRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Case notes: added by firm members (typed or dictated), read by whoever may see the case's inner file. */
@Service
public class NoteService {

    public static final int MAX_TEXT = 100_000;

    private final NoteRepository notes;
    private final CaseService cases;
    private final AuditLog audit;
    private final IndexChangeLog changes;
    private final IndexService index;
    private final TransactionalOperator tx;
    private final Clock clock;

    public NoteService(NoteRepository notes, CaseService cases, AuditLog audit, IndexChangeLog changes,
                       IndexService index, TransactionalOperator tx, Clock clock) {
        this.notes = notes;
        this.cases = cases;
        this.audit = audit;
        this.changes = changes;
        this.index = index;
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
            return notes.insert(note)
                    .then(changes.append(IndexChangeLog.Kind.NOTE, note.id()))
                    .then(audit.record(actor, "note.add", "note", note.id().toString(), c.id(),
                            note.text().length() + " characters"))
                    .as(tx::transactional)
                    .then(index.changed(IndexChangeLog.Kind.NOTE, note.id()))
                    .thenReturn(note);
        });
    }

    /** Notes are the firm's work product: clients do not see them, even on their own case. */
    public Flux<Note> list(Actor actor, CaseId caseId) {
        CaseAccess.requireFirmMember(actor, "read notes");
        return cases.get(actor, caseId).flatMapMany(c -> notes.findByCase(c.id()));
    }

    /** A page of the case's notes, under the same rule as {@link #list}. */
    public Mono<Page<Note>> page(Actor actor, CaseId caseId, PageRequest request) {
        return Mono.fromRunnable(() -> CaseAccess.requireFirmMember(actor, "read notes"))
                .then(cases.get(actor, caseId))
                .flatMap(c -> notes.findByCase(c.id(), request).collectList().zipWith(notes.countByCase(c.id()),
                        (items, total) -> new Page<>(items, total, request.page(), request.size())));
    }
}

package io.dictum.core.notes;

import io.dictum.core.cases.CaseId;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.paging.Sorting;
import io.dictum.core.users.UserId;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class NoteRepository {

    private static final String SELECT = "SELECT n.id, n.case_id, n.text, n.author_id, u.username, n.created_at"
            + " FROM notes n LEFT JOIN users u ON u.id = n.author_id";

    private final DatabaseClient db;

    public NoteRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Note note) {
        return db.sql("INSERT INTO notes (id, case_id, text, author_id, created_at)"
                        + " VALUES (:id, :caseId, :text, :author, :at)")
                .bind("id", note.id()).bind("caseId", note.caseId().value()).bind("text", note.text())
                .bind("author", note.authorId().value()).bind("at", note.createdAt())
                .then();
    }

    public Mono<Note> findById(UUID id) {
        return db.sql(SELECT + " WHERE n.id = :id").bind("id", id).map(NoteRepository::map).one();
    }

    /** Newest first. */
    public Flux<Note> findByCase(CaseId caseId) {
        return db.sql(SELECT + " WHERE n.case_id = :caseId ORDER BY n.created_at DESC, n.id")
                .bind("caseId", caseId.value()).map(NoteRepository::map).all();
    }

    /** The fields a case's notes sort by; newest first by default. */
    public static final Sorting SORTING = Sorting.of("notes", "n.created_at DESC", "n.id",
            "createdAt", "n.created_at", "author", "LOWER(u.username)", "length", "LENGTH(n.text)");

    public Flux<Note> findByCase(CaseId caseId, PageRequest page) {
        return db.sql(SELECT + " WHERE n.case_id = :caseId" + SORTING.orderBy(page.sort())
                        + " LIMIT :limit OFFSET :offset")
                .bind("caseId", caseId.value()).bind("limit", page.size()).bind("offset", page.offset())
                .map(NoteRepository::map).all();
    }

    public Mono<Long> countByCase(CaseId caseId) {
        return db.sql("SELECT COUNT(*) AS n FROM notes WHERE case_id = :caseId").bind("caseId", caseId.value())
                .map(r -> r.get("n", Long.class)).one();
    }

    public Flux<Note> findAll() {
        return db.sql(SELECT).map(NoteRepository::map).all();
    }

    private static Note map(io.r2dbc.spi.Readable r) {
        UUID author = r.get("author_id", UUID.class);
        return new Note(r.get("id", UUID.class), new CaseId(r.get("case_id", UUID.class)),
                r.get("text", String.class), author == null ? null : new UserId(author),
                r.get("username", String.class), r.get("created_at", OffsetDateTime.class));
    }
}

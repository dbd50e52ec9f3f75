package io.dictum.core.documents;

import io.dictum.core.cases.CaseId;
import io.dictum.core.db.Binding;
import io.dictum.core.users.UserId;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class DocumentRepository {

    private static final String NEWEST = "SELECT d.id, d.case_id, d.name, d.kind, v.version, v.filename, v.media_type,"
            + " v.size_bytes, v.sha256, v.created_at FROM documents d JOIN document_versions v ON v.document_id = d.id"
            + " WHERE v.version = (SELECT MAX(version) FROM document_versions WHERE document_id = d.id)";

    private final DatabaseClient db;

    public DocumentRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insertDocument(DocumentId id, CaseId caseId, String name, String kind, UserId by,
                                     OffsetDateTime at) {
        var spec = db.sql("INSERT INTO documents (id, case_id, name, kind, created_at, created_by)"
                        + " VALUES (:id, :caseId, :name, :kind, :at, :by)")
                .bind("id", id.value())
                .bind("caseId", caseId.value())
                .bind("name", name)
                .bind("at", at);
        spec = Binding.nullable(spec, "kind", kind, String.class);
        return Binding.nullable(spec, "by", by == null ? null : by.value(), UUID.class).then();
    }

    public Mono<Void> insertVersion(DocumentId id, int version, String filename, String mediaType, long size,
                                    String sha256, String storageKey, UserId by, OffsetDateTime at) {
        var spec = db.sql("INSERT INTO document_versions (document_id, version, filename, media_type, size_bytes,"
                        + " sha256, storage_key, created_at, created_by)"
                        + " VALUES (:id, :version, :filename, :mediaType, :size, :sha, :key, :at, :by)")
                .bind("id", id.value())
                .bind("version", version)
                .bind("filename", filename)
                .bind("mediaType", mediaType)
                .bind("size", size)
                .bind("sha", sha256)
                .bind("key", storageKey)
                .bind("at", at);
        return Binding.nullable(spec, "by", by == null ? null : by.value(), UUID.class).then();
    }

    public Mono<Document> findById(DocumentId id) {
        return db.sql(NEWEST + " AND d.id = :id").bind("id", id.value()).map(DocumentRepository::map).one();
    }

    public Flux<Document> findByCase(CaseId caseId) {
        return db.sql(NEWEST + " AND d.case_id = :caseId ORDER BY d.name")
                .bind("caseId", caseId.value())
                .map(DocumentRepository::map)
                .all();
    }

    public Flux<Document> findAll() {
        return db.sql(NEWEST).map(DocumentRepository::map).all();
    }

    public Mono<String> storageKey(DocumentId id, int version) {
        return db.sql("SELECT storage_key FROM document_versions WHERE document_id = :id AND version = :version")
                .bind("id", id.value())
                .bind("version", version)
                .map(r -> r.get("storage_key", String.class))
                .one();
    }

    private static Document map(Readable r) {
        return new Document(new DocumentId(r.get("id", UUID.class)), new CaseId(r.get("case_id", UUID.class)),
                r.get("name", String.class), r.get("kind", String.class), r.get("version", Integer.class),
                r.get("filename", String.class), r.get("media_type", String.class), r.get("size_bytes", Long.class),
                r.get("sha256", String.class), r.get("created_at", OffsetDateTime.class));
    }
}

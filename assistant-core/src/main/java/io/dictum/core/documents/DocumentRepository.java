package io.dictum.core.documents;

import io.dictum.core.access.CaseFilter;
import io.dictum.core.cases.CaseId;
import io.dictum.core.db.Binding;
import io.dictum.core.users.UserId;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.paging.Sorting;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class DocumentRepository {

    private static final String NEWEST = "SELECT d.id, d.case_id, d.name, d.kind, v.version, v.filename, v.media_type,"
            + " v.size_bytes, v.sha256, v.created_at, s.shared_at, su.display_name AS shared_by FROM documents d"
            + " JOIN document_versions v ON v.document_id = d.id"
            + " LEFT JOIN document_shares s ON s.document_id = d.id LEFT JOIN users su ON su.id = s.shared_by"
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

    /** What a new version row holds besides its number and author. */
    public record NewVersion(String filename, String mediaType, long size, String sha256, String storageKey,
                             boolean searchable, String notSearchableReason, String text) {
    }

    public Mono<Void> insertVersion(DocumentId id, int version, NewVersion v, UserId by, OffsetDateTime at) {
        var spec = db.sql("INSERT INTO document_versions (document_id, version, filename, media_type, size_bytes,"
                        + " sha256, storage_key, created_at, created_by, searchable, not_searchable_reason,"
                        + " extracted_text) VALUES (:id, :version, :filename, :mediaType, :size, :sha, :key, :at, :by,"
                        + " :searchable, :reason, :text)")
                .bind("id", id.value())
                .bind("version", version)
                .bind("filename", v.filename())
                .bind("mediaType", v.mediaType())
                .bind("size", v.size())
                .bind("sha", v.sha256())
                .bind("key", v.storageKey())
                .bind("at", at)
                .bind("searchable", v.searchable());
        spec = Binding.nullable(spec, "reason", v.notSearchableReason(), String.class);
        spec = Binding.nullable(spec, "text", v.text(), String.class);
        return Binding.nullable(spec, "by", by == null ? null : by.value(), UUID.class).then();
    }

    public Mono<Integer> lastVersion(DocumentId id) {
        return db.sql("SELECT COALESCE(MAX(version), 0) AS v FROM document_versions WHERE document_id = :id")
                .bind("id", id.value())
                .map(r -> r.get("v", Integer.class))
                .one();
    }

    private static final String VERSIONS = "SELECT document_id, version, filename, media_type, size_bytes, sha256,"
            + " created_at, created_by, searchable, not_searchable_reason FROM document_versions"
            + " WHERE document_id = :id";

    /** Newest first. */
    public Flux<DocumentVersion> versions(DocumentId id) {
        return db.sql(VERSIONS + " ORDER BY version DESC").bind("id", id.value())
                .map(DocumentRepository::version).all();
    }

    /** The fields a document's versions sort by; newest first by default. */
    public static final Sorting VERSION_SORTING = Sorting.of("document versions", "version DESC", "version",
            "version", "version", "createdAt", "created_at", "size", "size_bytes", "filename", "LOWER(filename)",
            "mediaType", "media_type");

    public Flux<DocumentVersion> versions(DocumentId id, PageRequest page) {
        return db.sql(VERSIONS + VERSION_SORTING.orderBy(page.sort()) + " LIMIT :limit OFFSET :offset")
                .bind("id", id.value()).bind("limit", page.size()).bind("offset", page.offset())
                .map(DocumentRepository::version).all();
    }

    public Mono<Long> countVersions(DocumentId id) {
        return db.sql("SELECT COUNT(*) AS n FROM document_versions WHERE document_id = :id").bind("id", id.value())
                .map(r -> r.get("n", Long.class)).one();
    }

    private static DocumentVersion version(io.r2dbc.spi.Readable r) {
        UUID by = r.get("created_by", UUID.class);
        return new DocumentVersion(new DocumentId(r.get("document_id", UUID.class)),
                r.get("version", Integer.class), r.get("filename", String.class),
                r.get("media_type", String.class), r.get("size_bytes", Long.class),
                r.get("sha256", String.class), r.get("created_at", OffsetDateTime.class),
                by == null ? null : new UserId(by), Boolean.TRUE.equals(r.get("searchable", Boolean.class)),
                r.get("not_searchable_reason", String.class));
    }

    /** The extracted text of the newest version, for the index; empty when it has none. */
    public Mono<String> newestText(DocumentId id) {
        return db.sql("SELECT extracted_text FROM document_versions WHERE document_id = :id AND version ="
                        + " (SELECT MAX(version) FROM document_versions WHERE document_id = :id)")
                .bind("id", id.value())
                .map(r -> java.util.Optional.ofNullable(r.get("extracted_text", String.class)))
                .one()
                .flatMap(Mono::justOrEmpty);
    }

    public Mono<Document> findById(DocumentId id) {
        return db.sql(NEWEST + " AND d.id = :id").bind("id", id.value()).map(DocumentRepository::map).one();
    }

    /** The fields a case's documents sort by (as of their newest version); by name by default. */
    public static final Sorting SORTING = Sorting.of("documents", "d.name", "d.id",
            "name", "LOWER(d.name)", "kind", "LOWER(d.kind)", "updatedAt", "v.created_at", "createdAt",
            "d.created_at", "size", "v.size_bytes", "version", "v.version");

    /** A page of the case's documents; with {@code sharedOnly}, of those shared with the client only. */
    public Flux<Document> findByCase(CaseId caseId, boolean sharedOnly, PageRequest page) {
        return db.sql(NEWEST + " AND d.case_id = :caseId" + (sharedOnly ? " AND s.document_id IS NOT NULL" : "")
                        + SORTING.orderBy(page.sort())
                        + " LIMIT :limit OFFSET :offset")
                .bind("caseId", caseId.value())
                .bind("limit", page.size())
                .bind("offset", page.offset())
                .map(DocumentRepository::map)
                .all();
    }

    public Mono<Long> countByCase(CaseId caseId, boolean sharedOnly) {
        return db.sql("SELECT COUNT(*) AS n FROM documents d WHERE d.case_id = :caseId" + (sharedOnly
                        ? " AND EXISTS (SELECT 1 FROM document_shares s WHERE s.document_id = d.id)" : ""))
                .bind("caseId", caseId.value())
                .map(r -> r.get("n", Long.class)).one();
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

    /** Shares the document with its case's client; false when it was shared already (the first share stands). */
    public Mono<Boolean> share(DocumentId id, UserId by, OffsetDateTime at) {
        return db.sql("SELECT COUNT(*) AS n FROM document_shares WHERE document_id = :id").bind("id", id.value())
                .map(r -> r.get("n", Long.class) > 0).one()
                .flatMap(exists -> exists ? Mono.just(false)
                        : Binding.nullable(db.sql("INSERT INTO document_shares (document_id, shared_by, shared_at)"
                                        + " VALUES (:id, :by, :at)").bind("id", id.value()).bind("at", at), "by",
                                by == null ? null : by.value(), UUID.class)
                        .then().thenReturn(true));
    }

    /** False when the document was not shared. */
    public Mono<Boolean> unshare(DocumentId id) {
        return db.sql("DELETE FROM document_shares WHERE document_id = :id").bind("id", id.value())
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** The ids of the shared documents in the cases the filter lets through. */
    public Flux<DocumentId> sharedIn(CaseFilter cases) {
        return cases.bind(db.sql("SELECT s.document_id FROM document_shares s JOIN documents d ON d.id = s.document_id"
                        + " JOIN cases c ON c.id = d.case_id WHERE " + cases.condition("c.id", "c.client_id")))
                .map(r -> new DocumentId(r.get("document_id", UUID.class)))
                .all();
    }

    /** Where a version's contents are stored. */
    public record StoredVersion(DocumentId document, int version, String storageKey) {
    }

    /** Every version's storage key, oldest documents first. */
    public Flux<StoredVersion> storedVersions() {
        return db.sql("SELECT document_id, version, storage_key FROM document_versions ORDER BY created_at, version")
                .map(r -> new StoredVersion(new DocumentId(r.get("document_id", UUID.class)),
                        r.get("version", Integer.class), r.get("storage_key", String.class)))
                .all();
    }

    private static Document map(Readable r) {
        OffsetDateTime sharedAt = r.get("shared_at", OffsetDateTime.class);
        return new Document(new DocumentId(r.get("id", UUID.class)), new CaseId(r.get("case_id", UUID.class)),
                r.get("name", String.class), r.get("kind", String.class), r.get("version", Integer.class),
                r.get("filename", String.class), r.get("media_type", String.class), r.get("size_bytes", Long.class),
                r.get("sha256", String.class), r.get("created_at", OffsetDateTime.class), sharedAt != null,
                r.get("shared_by", String.class), sharedAt);
    }
}

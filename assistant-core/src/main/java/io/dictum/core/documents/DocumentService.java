package io.dictum.core.documents;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.access.CaseFilter;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.errors.ConflictException;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.errors.NotFoundException;
import io.dictum.core.faults.FaultPoint;
import io.dictum.core.index.IndexChangeLog;
import io.dictum.core.paging.Page;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.index.IndexService;
import io.dictum.templates.extraction.ExtractedText;
import io.dictum.templates.extraction.TextExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Case documents and their versions. An upload is hashed, its text extracted and its contents stored before the
 * rows that point at them are committed; if the commit fails the stored contents are removed again, so a failure
 * leaves neither a row without contents nor contents without a row.
 */
@Service
public class DocumentService {

    /** A file received into a temporary location, with the name the user gave it. */
    public record Upload(Path file, String filename, String name, String kind) {
    }

    /** A version's metadata and a way to open its contents (the caller closes the stream). */
    public record StoredContent(DocumentVersion version, Callable<InputStream> open) {
    }

    private record Prepared(String key, String sha256, long size, ExtractedText text) {
    }

    private final DocumentRepository documents;
    private final DocumentStore store;
    private final TextExtractor extractor;
    private final CaseService cases;
    private final IndexChangeLog changes;
    private final IndexService index;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final AuditLog audit;

    public DocumentService(DocumentRepository documents, DocumentStore store, TextExtractor extractor,
                           CaseService cases, IndexChangeLog changes, IndexService index, TransactionalOperator tx,
                           Clock clock, AuditLog audit) {
        this.audit = audit;
        this.documents = documents;
        this.store = store;
        this.extractor = extractor;
        this.cases = cases;
        this.changes = changes;
        this.index = index;
        this.tx = tx;
        this.clock = clock;
    }

    /** Adds a new document to a case, or a new version of {@code existing} when given. */
    public Mono<Document> upload(Actor actor, CaseId caseId, Optional<DocumentId> existing, Upload upload) {
        CaseAccess.requireFirmMember(actor, "add documents");
        String filename = upload.filename() == null || upload.filename().isBlank() ? "document" : upload.filename();
        if (filename.length() > 300) {
            return Mono.error(new InvalidInputException("the file name is longer than 300 characters"));
        }
        Mono<Optional<Document>> target = existing.isEmpty() ? Mono.just(Optional.empty())
                : get(actor, existing.get()).flatMap(d -> d.caseId().equals(caseId) ? Mono.just(Optional.of(d))
                        : Mono.error(new InvalidInputException("document " + d.id() + " belongs to another case;"
                                + " upload its new version to that case")));
        // The version number is fixed before the contents are sealed, because it is part of their associated data;
        // a version stored by someone else meanwhile makes the insert fail (409) and the sealed copy is discarded.
        return cases.get(actor, caseId)
                .then(target)
                .flatMap(doc -> {
                    DocumentId id = doc.map(Document::id).orElseGet(DocumentId::random);
                    Mono<Integer> next = doc.isEmpty() ? Mono.just(1) : documents.lastVersion(id).map(v -> v + 1);
                    return next.flatMap(version -> Mono.fromCallable(() -> prepare(upload.file(), filename,
                                    new ContentBinding(id, version)))
                            .subscribeOn(Schedulers.boundedElastic())
                            .flatMap(prepared -> FaultPoint.reach(FaultPoint.UPLOAD_STORED)
                                    .then(record(actor, caseId, doc, id, version, upload, filename, prepared))
                                    .onErrorResume(e -> Mono.fromRunnable(() -> discard(prepared.key()))
                                            .subscribeOn(Schedulers.boundedElastic()).then(Mono.error(e)))));
                })
                .flatMap(id -> index.documentChanged(id).then(documents.findById(id)));
    }

    private Prepared prepare(Path file, String filename, ContentBinding binding) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new InvalidInputException("the file '" + filename + "' is empty; choose the right file and upload"
                    + " it again");
        }
        String sha256;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256Digest())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            sha256 = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
        ExtractedText text = extractor.extract(file, filename);
        String key = store.put(file, binding);
        return new Prepared(key, sha256, size, text);
    }

    private Mono<DocumentId> record(Actor actor, CaseId caseId, Optional<Document> existing, DocumentId id,
                                    int number, Upload upload, String filename, Prepared p) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var version = new DocumentRepository.NewVersion(filename, p.text().mediaType(), p.size(), p.sha256(),
                p.key(), p.text().searchable(), p.text().notSearchableReason().orElse(null),
                p.text().text().orElse(null));
        Mono<Void> document = existing.isPresent() ? Mono.empty()
                : documents.insertDocument(id, caseId, displayName(upload, filename), blankToNull(upload.kind()),
                        actor.userId(), now);
        return document
                .then(documents.insertVersion(id, number, version, actor.userId(), now))
                .then(changes.append(IndexChangeLog.Kind.DOCUMENT, id.value()))
                .then(audit.record(actor, existing.isPresent() ? "document.version" : "document.upload", "document",
                        id.toString(), caseId, filename + "; " + p.size() + " bytes; sha256=" + p.sha256()
                                + (p.text().searchable() ? "" : "; not searchable")))
                .as(tx::transactional)
                .onErrorMap(DataIntegrityViolationException.class, e -> new ConflictException("Another version of"
                        + " this document was stored at the same moment; upload yours again."))
                .thenReturn(id);
    }

    /** Convenience for contents already in memory (the demo firm, generated documents). */
    public Mono<Document> add(Actor actor, CaseId caseId, String name, String kind, String filename, byte[] content) {
        return Mono.fromCallable(() -> {
                    Path temp = Files.createTempFile("dictum-upload-", ".tmp");
                    Files.write(temp, content);
                    return temp;
                }).subscribeOn(Schedulers.boundedElastic())
                .flatMap(temp -> upload(actor, caseId, Optional.empty(), new Upload(temp, filename, name, kind))
                        .doFinally(s -> deleteQuietly(temp)));
    }

    /**
     * The document when the actor may see it: firm members every document of a case they may see, a client only
     * the documents shared with them. Anything else is a not-found that does not say which.
     */
    public Mono<Document> get(Actor actor, DocumentId id) {
        return documents.findById(id)
                .filter(d -> visible(actor, d))
                .flatMap(d -> cases.get(actor, d.caseId()).thenReturn(d))
                .onErrorMap(NotFoundException.class, e -> notFound(id))
                .switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    /** A page of a case's documents as the actor may see them (a client: the shared ones only). */
    public Mono<Page<Document>> inCase(Actor actor, CaseId caseId, PageRequest request) {
        boolean sharedOnly = !actor.role().isFirmMember();
        return cases.get(actor, caseId).flatMap(c -> documents.findByCase(c.id(), sharedOnly, request).collectList()
                .zipWith(documents.countByCase(c.id(), sharedOnly),
                        (items, total) -> new Page<>(items, total, request.page(), request.size())));
    }

    /** The ids of every document shared with a client in the cases the actor may see. */
    public Mono<Set<DocumentId>> sharedWithClient(Actor actor) {
        return documents.sharedIn(CaseFilter.of(actor)).collect(Collectors.toSet());
    }

    /** Shares a document with its case's client; sharing it again changes nothing. */
    public Mono<Document> share(Actor actor, DocumentId id) {
        CaseAccess.requireFirmMember(actor, "share documents with clients");
        return get(actor, id).flatMap(d -> documents.share(d.id(), actor.userId(), OffsetDateTime.now(clock))
                .flatMap(added -> added ? audit.record(actor, "document.share", "document", d.id().toString(),
                        d.caseId(), d.name() + "; version " + d.version()) : Mono.empty())
                .as(tx::transactional)
                .then(documents.findById(d.id())));
    }

    /** Takes a document back from the client; a document that was not shared stays as it is. */
    public Mono<Document> unshare(Actor actor, DocumentId id) {
        CaseAccess.requireFirmMember(actor, "stop sharing documents");
        return get(actor, id).flatMap(d -> documents.unshare(d.id())
                .flatMap(removed -> removed ? audit.record(actor, "document.unshare", "document", d.id().toString(),
                        d.caseId(), d.name()) : Mono.empty())
                .as(tx::transactional)
                .then(documents.findById(d.id())));
    }

    private static boolean visible(Actor actor, Document d) {
        return actor.role().isFirmMember() || d.shared();
    }

    /** A page of the document's versions, for whoever may see the document. */
    public Mono<Page<DocumentVersion>> versions(Actor actor, DocumentId id, PageRequest request) {
        return get(actor, id).flatMap(d -> documents.versions(d.id(), request).collectList()
                .zipWith(documents.countVersions(d.id()),
                        (items, total) -> new Page<>(items, total, request.page(), request.size())));
    }

    /** The given version's contents, the newest when none is given. */
    public Mono<StoredContent> content(Actor actor, DocumentId id, Optional<Integer> version) {
        return get(actor, id).flatMap(d -> documents.versions(d.id())
                .filter(v -> version.map(n -> n == v.version()).orElse(true))
                .next()
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Document " + id + " has no version "
                        + version.orElse(0) + "; it has versions 1 to " + d.version() + ".")))
                .flatMap(v -> documents.storageKey(d.id(), v.version())
                        .flatMap(key -> audit.record(actor, "document.read", "document", d.id().toString(),
                                        d.caseId(), "version " + v.version())
                                .thenReturn(new StoredContent(v, () -> store.open(key, new ContentBinding(d.id(), v.version())))))));
    }

    private void discard(String key) {
        try {
            store.delete(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String displayName(Upload upload, String filename) {
        if (upload.name() != null && !upload.name().isBlank()) {
            return upload.name().strip();
        }
        int dot = filename.lastIndexOf('.');
        return dot > 0 ? filename.substring(0, dot) : filename;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a temporary file; the OS cleans the temp directory
        }
    }

    private static NotFoundException notFound(DocumentId id) {
        return new NotFoundException("No document with id " + id + " is visible to you.");
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

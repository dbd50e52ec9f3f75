package io.dictum.core.documents;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.errors.NotFoundException;
import io.dictum.core.index.IndexChangeLog;
import io.dictum.core.index.IndexService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Case documents and their versions. Contents go to the store before the rows that point at them are committed. */
@Service
public class DocumentService {

    /** What a new document (or a new version of one) consists of. */
    public record NewDocument(String name, String kind, String filename, String mediaType, byte[] content) {
    }

    private final DocumentRepository documents;
    private final DocumentStore store;
    private final CaseService cases;
    private final IndexChangeLog changes;
    private final IndexService index;
    private final TransactionalOperator tx;
    private final Clock clock;

    public DocumentService(DocumentRepository documents, DocumentStore store, CaseService cases,
                           IndexChangeLog changes, IndexService index, TransactionalOperator tx, Clock clock) {
        this.documents = documents;
        this.store = store;
        this.cases = cases;
        this.changes = changes;
        this.index = index;
        this.tx = tx;
        this.clock = clock;
    }

    public Mono<Document> add(Actor actor, CaseId caseId, NewDocument doc) {
        CaseAccess.requireFirmMember(actor, "add documents");
        return cases.get(actor, caseId).flatMap(c -> Mono.fromCallable(() -> store.put(doc.content()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(key -> {
                    DocumentId id = DocumentId.random();
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    return documents.insertDocument(id, caseId, doc.name(), doc.kind(), actor.userId(), now)
                            .then(documents.insertVersion(id, 1, doc.filename(), doc.mediaType(),
                                    doc.content().length, sha256(doc.content()), key, actor.userId(), now))
                            .then(changes.append(IndexChangeLog.Kind.DOCUMENT, id.value()))
                            .as(tx::transactional)
                            .thenReturn(id);
                }))
                .flatMap(id -> index.documentChanged(id).then(documents.findById(id)));
    }

    public Mono<Document> get(Actor actor, DocumentId id) {
        return documents.findById(id)
                .flatMap(d -> cases.get(actor, d.caseId()).thenReturn(d))
                .onErrorMap(NotFoundException.class, e -> notFound(id))
                .switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    public Flux<Document> inCase(Actor actor, CaseId caseId) {
        return cases.get(actor, caseId).flatMapMany(c -> documents.findByCase(c.id()));
    }

    private static NotFoundException notFound(DocumentId id) {
        return new NotFoundException("No document with id " + id + " is visible to you.");
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

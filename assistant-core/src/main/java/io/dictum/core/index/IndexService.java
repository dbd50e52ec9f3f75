package io.dictum.core.index;

import io.dictum.core.DictumProperties;
import io.dictum.core.FirmCalendar;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseRepository;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.cases.PartyRepository;
import io.dictum.core.contacts.ContactRepository;
import io.dictum.core.documents.Document;
import io.dictum.core.documents.DocumentId;
import io.dictum.core.documents.DocumentRepository;
import io.dictum.core.contacts.Contact;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.index.IndexChangeLog.Kind;
import io.dictum.core.index.SearchIndex.Embedding;
import io.dictum.core.notes.Note;
import io.dictum.core.notes.NoteRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps the search index in step with the database. Writers append to the change log in their transaction and call
 * {@link #changed} (or {@link #caseChanged}, {@link #documentChanged}) after it commits; at start the index is rebuilt when missing and otherwise caught up from the
 * change log, so a crash between a commit and its index update loses nothing.
 */
@Service
public class IndexService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IndexService.class);
    /** Replayed again at start: identity sequences can commit out of order, and replaying is idempotent. */
    private static final long REPLAY_WINDOW = 1000;

    private final SearchIndex index;
    private final CaseRepository cases;
    private final PartyRepository parties;
    private final ContactRepository contacts;
    private final DocumentRepository documents;
    private final NoteRepository notes;
    private final IndexChangeLog changes;
    private final FirmCalendar calendar;
    // One writer thread: Lucene writes and commits are serialised, reads go to the bounded elastic pool.
    private final Scheduler writes = Schedulers.newSingle("dictum-index-writer");
    private final VectorBuild vectors;

    @Autowired
    public IndexService(DictumProperties properties, SearchProperties search, SentenceEmbeddings embeddings,
                        CaseRepository cases, PartyRepository parties, ContactRepository contacts,
                        DocumentRepository documents, NoteRepository notes, IndexChangeLog changes,
                        FirmCalendar calendar) {
        this(open(properties.dataDir().resolve("index"), search.hybrid() ? embeddings : null), cases, parties,
                contacts, documents, notes, changes, calendar);
    }

    IndexService(SearchIndex index, CaseRepository cases, PartyRepository parties, ContactRepository contacts,
                 DocumentRepository documents, NoteRepository notes, IndexChangeLog changes, FirmCalendar calendar) {
        this.index = index;
        this.cases = cases;
        this.parties = parties;
        this.contacts = contacts;
        this.documents = documents;
        this.notes = notes;
        this.changes = changes;
        this.calendar = calendar;
        this.vectors = new VectorBuild(index, writes, VectorBuild.BATCH, VectorBuild.COMMIT_EVERY,
                java.time.Clock.systemUTC());
    }

    private static SearchIndex open(Path dir, SentenceEmbeddings embeddings) {
        try {
            Files.createDirectories(dir);
            SearchIndex index = new SearchIndex(FSDirectory.open(dir), embeddings);
            log.info("Search: {}", !index.hybrid() ? "BM25" : index.vectorsReady()
                    ? "hybrid, BM25 fused with all-MiniLM-L6-v2 passage vectors"
                    : "hybrid once the background build has given every document and note its vectors; BM25 until then");
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index at " + dir + ": " + e.getMessage()
                    + ". Check that DICTUM_DATA_DIR is writable.", e);
        }
    }

    public SearchIndex index() {
        return index;
    }

    /**
     * Rebuilds the index when it was missing, else replays the change log since the last applied change; neither
     * waits for sentence vectors, which a hybrid index then gets in the background ({@link #vectorStatus}).
     */
    public Mono<Void> start() {
        return Mono.defer(() -> index.wasCreated() ? rebuild() : catchUp()).doOnSuccess(v -> vectors.start());
    }

    /** The background vector build of a hybrid index ({@code OFF} for a BM25 index). */
    public VectorBuild.Status vectorStatus() {
        return vectors.status();
    }

    private Mono<Void> catchUp() {
        long from = Math.max(0, index.appliedSeq() - REPLAY_WINDOW);
        return changes.since(from).collectList().flatMap(list -> {
            Set<String> seen = new LinkedHashSet<>();
            List<Mono<Void>> work = new ArrayList<>();
            long last = index.appliedSeq();
            for (IndexChangeLog.Change c : list) {
                last = Math.max(last, c.seq());
                if (seen.add(c.kind() + ":" + c.entityId())) {
                    work.add(apply(c.kind(), c.entityId(), Embedding.LATER));
                }
            }
            long applied = last;
            log.info("Search index: replaying {} changed entities from the change log", seen.size());
            return Flux.concat(work).then(commit(applied));
        });
    }

    public Mono<Void> rebuild() {
        return Mono.fromRunnable(() -> log.info("Search index missing or of an older format: rebuilding it from the database"))
                .then(changes.lastSeq().flatMap(seq -> Mono.fromRunnable(index::deleteAll).subscribeOn(writes)
                .then(cases.findAll().concatMap(c -> entryFor(c).flatMap(this::write).thenReturn(c)).count())
                .flatMap(n -> documents.findAll().concatMap(d -> writeDocument(d, Embedding.LATER).thenReturn(d))
                        .count()
                        .flatMap(d -> contacts.findAll().concatMap(c -> writeContact(c).thenReturn(c)).count()
                        .flatMap(k -> notes.findAll().concatMap(note -> writeNote(note, Embedding.LATER)
                                .thenReturn(note)).count()
                        .doOnNext(m -> log.info("Search index rebuilt: {} cases, {} documents, {} contacts,"
                                + " {} notes", n, d, k, m)))))
                .then(commit(seq))));
    }

    /** Re-indexes one entity whose change the caller has committed together with its change-log row. */
    public Mono<Void> changed(Kind kind, UUID id) {
        return apply(kind, id, Embedding.NOW).then(changes.lastSeq()).flatMap(this::commit);
    }

    /**
     * Re-indexes entities whose changes the caller has committed with their change-log rows, and commits the index
     * once for them all: for bulk writers (imports), as a Lucene commit costs far more than one entity's update. A
     * crash before the commit loses nothing: the change log is replayed from the last committed position.
     */
    public Mono<Void> changed(List<IndexChangeLog.Entity> entities) {
        if (entities.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(entities).concatMap(e -> apply(e.kind(), e.id(), Embedding.NOW))
                .then(changes.lastSeq()).flatMap(this::commit);
    }

    public Mono<Void> caseChanged(CaseId id) {
        return apply(Kind.CASE, id.value(), Embedding.NOW).then(changes.lastSeq()).flatMap(this::commit);
    }

    public Mono<Void> documentChanged(DocumentId id) {
        return apply(Kind.DOCUMENT, id.value(), Embedding.NOW).then(changes.lastSeq()).flatMap(this::commit);
    }

    /** Search reads, off the event loop. */
    public <T> Mono<T> read(java.util.function.Function<SearchIndex, T> query) {
        return Mono.fromCallable(() -> query.apply(index)).subscribeOn(Schedulers.boundedElastic());
    }

    public List<CaseEntry> caseCandidates(List<String> words, Optional<String> onlyClientId, int limit) {
        return index.caseCandidates(words, onlyClientId, limit);
    }

    public List<IndexHit> documents(String words, Optional<Collection<String>> inCases, int limit) {
        return index.documents(words, inCases, limit);
    }

    /** Writes the entity as the database has it now, or removes it from the index when it is gone. */
    private Mono<Void> apply(Kind kind, UUID id, Embedding when) {
        return switch (kind) {
            case CASE -> cases.findById(new CaseId(id)).map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(found -> found.map(c -> entryFor(c).flatMap(this::write))
                            .orElseGet(() -> remove("case", id)));
            case DOCUMENT -> documents.findById(new DocumentId(id)).map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(found -> found.map(d -> writeDocument(d, when)).orElseGet(() -> remove("document", id)));
            case CONTACT -> contacts.findById(new ContactId(id)).map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(found -> found.map(this::writeContact).orElseGet(() -> remove("contact", id)));
            case NOTE -> notes.findById(id).map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(found -> found.map(n -> writeNote(n, when)).orElseGet(() -> remove("note", id)));
        };
    }

    private Mono<Void> remove(String type, UUID id) {
        return Mono.fromRunnable(() -> index.delete(type, id.toString())).subscribeOn(writes).then();
    }

    private Mono<CaseEntry> entryFor(LegalCase c) {
        Mono<List<String>> clientNames = contacts.findById(c.clientId()).map(contact -> {
            List<String> names = new ArrayList<>();
            names.add(contact.name());
            names.addAll(contact.aliases());
            return names;
        }).defaultIfEmpty(List.of());
        Mono<List<String>> partyNames = parties.findByCase(c.id()).map(p -> p.name()).distinct().collectList();
        return Mono.zip(clientNames, partyNames).map(t -> {
            Set<String> names = new LinkedHashSet<>(t.getT1());
            names.addAll(t.getT2());
            return new CaseEntry(c.id().toString(), c.number(), c.title(), c.clientId().toString(),
                    List.copyOf(names));
        });
    }

    private Mono<Void> write(CaseEntry entry) {
        return Mono.fromRunnable(() -> index.upsertCase(entry)).subscribeOn(writes).then();
    }

    private Mono<Void> writeDocument(Document d, Embedding when) {
        return documents.newestText(d.id()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(text -> Mono.fromRunnable(() -> index.upsertDocument(new DocumentEntry(d.id().toString(),
                        d.caseId().toString(), d.name(), d.kind(), text.orElse(null)), when)).subscribeOn(writes)
                        .then());
    }

    private Mono<Void> writeContact(Contact c) {
        return Mono.fromRunnable(() -> index.upsertContact(new ContactEntry(c.id().toString(), c.name(), c.aliases(),
                c.email()))).subscribeOn(writes).then();
    }

    private Mono<Void> writeNote(Note n, Embedding when) {
        String label = "Note" + (n.authorName() == null ? "" : " by " + n.authorName()) + " on "
                + calendar.dayOf(n.createdAt());
        return Mono.fromRunnable(() -> index.upsertNote(new NoteEntry(n.id().toString(), n.caseId().toString(),
                label, n.text()), when)).subscribeOn(writes).then();
    }

    private Mono<Void> commit(long seq) {
        return Mono.fromRunnable(() -> index.commit(Math.max(seq, index.appliedSeq()))).subscribeOn(writes).then();
    }

    @Override
    public void destroy() throws IOException {
        vectors.stop();
        writes.dispose();
        index.close();
    }
}

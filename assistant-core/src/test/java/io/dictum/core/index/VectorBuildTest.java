package io.dictum.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.dictum.core.FirmCalendar;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseRepository;
import io.dictum.core.cases.CaseStatus;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.cases.MatterType;
import io.dictum.core.cases.PartyRepository;
import io.dictum.core.contacts.Contact;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.contacts.ContactKind;
import io.dictum.core.contacts.ContactRepository;
import io.dictum.core.db.TestDatabase;
import io.dictum.core.documents.DocumentRepository;
import io.dictum.core.index.SearchIndex.Embedding;
import io.dictum.core.index.SearchIndex.PendingVectors;
import io.dictum.core.index.SearchIndex.VectorCoverage;
import io.dictum.core.notes.Note;
import io.dictum.core.notes.NoteRepository;
import io.dictum.core.users.UserId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hybrid search fills its vectors in the background: start-up does not wait for the model, searches rank by BM25
 * until every document and note has vectors, and a restart carries on where the build stopped.
 */
class VectorBuildTest {

    /** Words a note says in others: BM25 cannot find it by them, its sentence vector can. */
    private static final String NOTE = "The client's car was crushed.";
    private static final String PARAPHRASE = "vehicle damage";

    private static EmbeddingModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() {
        model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @Test
    void startUpAnswersWithBm25AtOnceAndRanksHybridOnceTheVectorsAreBuilt() throws Exception {
        TestDatabase db = TestDatabase.h2(dir.resolve("db"));
        IndexChangeLog changes = new IndexChangeLog(db.client);
        NoteRepository notes = new NoteRepository(db.client);
        Note note = committedNote(db, changes, notes, NOTE);
        // The model is not there yet: a start-up that embedded anything would wait for it forever.
        CompletableFuture<EmbeddingModel> loading = new CompletableFuture<>();
        IndexService index = new IndexService(new SearchIndex(FSDirectory.open(dir.resolve("index")),
                new SentenceEmbeddings(loading)), new CaseRepository(db.client), new PartyRepository(db.client),
                new ContactRepository(db.client), new DocumentRepository(db.client), notes, changes,
                new FirmCalendar(Clock.systemUTC(), ZoneId.of("America/New_York")));
        try {
            index.start().block(Duration.ofMinutes(1));

            assertThat(index.index().rankingFor(PARAPHRASE)).isEqualTo("bm25");
            assertThat(index.vectorStatus().state()).isEqualTo(VectorBuild.State.BUILDING);
            assertThat(index.vectorStatus().done()).isZero();
            assertThat(index.vectorStatus().total()).isEqualTo(1);
            assertThat(search(index, "crushed")).extracting(SearchHit::id).containsExactly(note.id().toString());
            assertThat(search(index, PARAPHRASE)).as("BM25 alone does not find the paraphrase").isEmpty();

            loading.complete(model);
            VectorBuild.Status status = awaitBuilt(index);

            assertThat(status.done()).isEqualTo(1);
            assertThat(status.total()).isEqualTo(1);
            assertThat(status.etaSeconds()).isZero();
            assertThat(index.index().rankingFor(PARAPHRASE)).isEqualTo("hybrid");
            assertThat(index.index().rankingFor("\"car was\"")).as("operators stay exact").isEqualTo("bm25");
            assertThat(search(index, PARAPHRASE)).extracting(SearchHit::id).containsExactly(note.id().toString());
        } finally {
            index.destroy();
            db.close();
        }
    }

    @Test
    void aRestartCarriesOnWithWhatLacksVectorsAndEmbedsNothingTwice() throws Exception {
        AtomicInteger embedded = new AtomicInteger();
        SentenceEmbeddings counting = new SentenceEmbeddings(CompletableFuture.completedFuture(
                new Counting(model, embedded)));
        List<String> ids = new ArrayList<>();
        Set<String> firstBatch = new HashSet<>();
        try (SearchIndex index = new SearchIndex(FSDirectory.open(dir), counting)) {
            for (int i = 0; i < 6; i++) {
                ids.add("n" + i);
                index.upsertNote(new NoteEntry("n" + i, "c1", "Note " + i, "Witness " + i + " saw the truck."),
                        Embedding.LATER);
            }
            assertThat(index.vectorsReady()).isFalse();
            List<PendingVectors> pending = index.lackingVectors(2);
            assertThat(pending).hasSize(2);
            assertThat(index.addVectors(pending, embed(counting, pending))).isEqualTo(2);
            pending.forEach(p -> firstBatch.add(p.id()));
            index.commit(7);
        }
        try (SearchIndex index = new SearchIndex(FSDirectory.open(dir), counting)) {
            assertThat(index.wasCreated()).isFalse();
            assertThat(index.coverage()).isEqualTo(new VectorCoverage(2, 6));
            assertThat(index.vectorsReady()).isFalse();
            List<PendingVectors> rest = index.lackingVectors(100);
            assertThat(rest).extracting(PendingVectors::id).hasSize(4).doesNotContainAnyElementsOf(firstBatch);
            assertThat(index.addVectors(rest, embed(counting, rest))).isEqualTo(4);
            assertThat(index.lackingVectors(100)).isEmpty();
            index.commit(index.appliedSeq());
            assertThat(index.appliedSeq()).as("vectors leave the change-log position alone").isEqualTo(7);
            assertThat(index.vectorsReady()).isTrue();
            assertThat(index.coverage()).isEqualTo(new VectorCoverage(6, 6));
            assertThat(index.count(SearchIndex.PASSAGE)).isEqualTo(6);
        }
        assertThat(embedded.get()).as("one passage per note, each embedded once").isEqualTo(6);
    }

    @Test
    void vectorsMadeFromTextThatChangedMeanwhileAreNotWritten() throws Exception {
        SentenceEmbeddings embeddings = new SentenceEmbeddings(CompletableFuture.completedFuture(model));
        try (SearchIndex index = new SearchIndex(FSDirectory.open(dir), embeddings)) {
            index.upsertNote(new NoteEntry("n1", "c1", "Note", NOTE), Embedding.LATER);
            index.upsertNote(new NoteEntry("n2", "c1", "Note", "The client fell on the stairs."),
                    Embedding.LATER);
            List<PendingVectors> pending = index.lackingVectors(10);
            List<List<float[]>> vectors = embed(embeddings, pending);
            // Changed (still without vectors) and deleted while the batch was embedded.
            index.upsertNote(new NoteEntry("n1", "c1", "Note", "The client's bicycle was stolen."),
                    Embedding.LATER);
            index.delete("note", "n2");
            assertThat(index.addVectors(pending, vectors)).isZero();
            assertThat(index.lackingVectors(10)).extracting(PendingVectors::source)
                    .containsExactly("The client's bicycle was stolen.");
        }
    }

    @Test
    void aReplayOfUnchangedTextKeepsItsVectors() throws Exception {
        SentenceEmbeddings embeddings = new SentenceEmbeddings(CompletableFuture.completedFuture(model));
        try (SearchIndex index = new SearchIndex(FSDirectory.open(dir), embeddings)) {
            index.upsertNote(new NoteEntry("n1", "c1", "Note", NOTE));
            index.commit(1);
            index.upsertNote(new NoteEntry("n1", "c1", "Note", NOTE), Embedding.LATER);
            index.commit(2);
            assertThat(index.vectorsReady()).isTrue();
            assertThat(index.coverage()).isEqualTo(new VectorCoverage(1, 1));
            assertThat(index.search(PARAPHRASE, Optional.empty(), Set.of(), true, 5)).extracting(SearchHit::id)
                    .containsExactly("n1");
        }
    }

    private static List<List<float[]>> embed(SentenceEmbeddings embeddings, List<PendingVectors> pending) {
        return pending.stream().map(p -> embeddings.embedAll(SearchIndex.passages(p.source()))).toList();
    }

    private static VectorBuild.Status awaitBuilt(IndexService index) throws InterruptedException {
        // A bound on waiting, not a speed requirement: the build embeds one note.
        for (int i = 0; i < 1200; i++) {
            VectorBuild.Status status = index.vectorStatus();
            if (status.state() == VectorBuild.State.READY || status.state() == VectorBuild.State.FAILED) {
                assertThat(status.state()).as(String.valueOf(status.error())).isEqualTo(VectorBuild.State.READY);
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the vector build did not finish: " + index.vectorStatus());
    }

    private static List<SearchHit> search(IndexService index, String q) {
        return index.index().search(q, Optional.empty(), List.of(), true, 10);
    }

    private static Note committedNote(TestDatabase db, IndexChangeLog changes, NoteRepository notes, String text) {
        OffsetDateTime now = OffsetDateTime.now();
        Contact client = new Contact(ContactId.random(), "Philippa Vectorhausen", ContactKind.PERSON, List.of(),
                null, null);
        LegalCase c = new LegalCase(CaseId.random(), "VB-1", "Vectorhausen v. Crusher", new MatterType("other"),
                CaseStatus.OPEN, client.id(), null, LocalDate.now(), null, null, now, now);
        UserId author = new UserId(UUID.randomUUID());
        Note note = new Note(UUID.randomUUID(), c.id(), text, author, "vwriter", now);
        db.client.sql("INSERT INTO users (id, username, password_hash, role, display_name, created_at)"
                + " VALUES (:id, 'vwriter', 'x', 'associate', 'Vector Writer', :at)").bind("id", author.value())
                .bind("at", now).then()
                .then(new ContactRepository(db.client).insert(client, now))
                .then(new CaseRepository(db.client).insert(c))
                .then(changes.append(IndexChangeLog.Kind.CASE, c.id().value()))
                .then(notes.insert(note))
                .then(changes.append(IndexChangeLog.Kind.NOTE, note.id()))
                .as(db.tx::transactional).block();
        return note;
    }

    /** The real model, counting the passages it embeds. */
    private record Counting(EmbeddingModel model, AtomicInteger embedded) implements EmbeddingModel {
        @Override
        public Response<List<dev.langchain4j.data.embedding.Embedding>> embedAll(List<TextSegment> segments) {
            embedded.addAndGet(segments.size());
            return model.embedAll(segments);
        }

        @Override
        public Response<dev.langchain4j.data.embedding.Embedding> embed(String text) {
            return model.embed(text);
        }
    }
}

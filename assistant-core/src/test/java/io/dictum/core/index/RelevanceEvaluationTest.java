package io.dictum.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.core.index.RelevanceEvaluation.Entry;
import io.dictum.core.index.RelevanceEvaluation.Query;
import io.dictum.core.index.RelevanceEvaluation.Report;
import io.dictum.core.index.RelevanceEvaluation.Scores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hybrid search against BM25 on the labelled query set, and the access rules on the vector path: the same limits as
 * the text query, so a screened case's passages are never candidates.
 */
class RelevanceEvaluationTest {

    /** How much worse than BM25 hybrid may score on a metric before the build fails. */
    private static final double TOLERANCE = 0.02;

    @TempDir
    static Path dir;

    private static SentenceEmbeddings embeddings;
    private static Report report;
    private static SearchIndex hybrid;
    private static List<Entry> corpus;

    @BeforeAll
    static void evaluate() throws Exception {
        embeddings = SentenceEmbeddings.loadInBackground();
        report = RelevanceEvaluation.run(dir.resolve("eval"), embeddings);
        corpus = RelevanceEvaluation.corpus();
        hybrid = new SearchIndex(FSDirectory.open(dir.resolve("access")), embeddings);
        List<com.fasterxml.jackson.databind.JsonNode> noCases = List.of();
        RelevanceEvaluation.fill(hybrid, noCases, corpus);
    }

    @AfterAll
    static void close() throws Exception {
        hybrid.close();
    }

    @Test
    void hybridIsNotWorseThanBm25OnTheLabelledSet() {
        assertThat(report.queries()).isGreaterThanOrEqualTo(40);
        assertThat(report.documents()).isGreaterThanOrEqualTo(60);
        Scores bm25 = report.bm25().scores();
        Scores fused = report.hybrid().scores();
        assertThat(fused.ndcg()).isGreaterThanOrEqualTo(bm25.ndcg() - TOLERANCE);
        assertThat(fused.mrr()).isGreaterThanOrEqualTo(bm25.mrr() - TOLERANCE);
        assertThat(fused.recall()).isGreaterThanOrEqualTo(bm25.recall() - TOLERANCE);
    }

    @Test
    void aScreenedCaseNeverComesBackThroughTheVectorPath() {
        Map<String, String> caseOf = corpus.stream().collect(Collectors.toMap(Entry::name, Entry::caseId));
        List<String> foundByMeaningOnly = new ArrayList<>();
        for (Query q : RelevanceEvaluation.queries()) {
            Set<String> lexical = hybrid.bm25(q.text(), Optional.empty(), Set.of(), true, 10).stream()
                    .map(SearchHit::title).collect(Collectors.toSet());
            for (SearchHit hit : hybrid.search(q.text(), Optional.empty(), Set.of(), true, 10)) {
                if (!lexical.contains(hit.title()) && q.relevant().contains(hit.title())) {
                    foundByMeaningOnly.add(q.text());
                    String screened = caseOf.get(hit.title());
                    assertThat(hybrid.search(q.text(), Optional.empty(), Set.of(screened), true, 10))
                            .as("%s with case %s screened", q.text(), screened)
                            .extracting(SearchHit::caseId).doesNotContain(screened);
                }
            }
        }
        // The vector path must have found something words alone did not, or this test would prove nothing.
        assertThat(foundByMeaningOnly).hasSizeGreaterThan(5);
    }

    @Test
    void aCaseScopeAndTheClientViewHoldOnTheVectorPath() {
        List<SearchHit> inMiller = hybrid.search("who inherits the house", Optional.of(List.of("2025-PI-0012")),
                Set.of(), true, 20);
        assertThat(inMiller).isNotEmpty().extracting(SearchHit::caseId).containsOnly("2025-PI-0012");
        // A client never finds the firm's notes, however close their meaning.
        List<SearchHit> client = hybrid.search("lowest settlement the client will take", Optional.empty(), Set.of(),
                false, 20);
        assertThat(client).isNotEmpty().extracting(SearchHit::kind).doesNotContain("note");
        assertThat(hybrid.search("lowest settlement the client will take", Optional.empty(), Set.of(), true, 20))
                .extracting(SearchHit::title).contains("Note - Miller settlement authority");
    }

    @Test
    void aHitFoundByMeaningAloneShowsItsNearestPassage() {
        List<SearchHit> hits = hybrid.search("muscle relaxant prescriptions", Optional.empty(), Set.of(), true, 5);
        SearchHit pharmacy = hits.stream().filter(h -> h.title().equals("Pharmacy Records - Miller")).findFirst()
                .orElseThrow();
        assertThat(pharmacy.highlights()).singleElement().asString().contains("cyclobenzaprine");
    }

    @Test
    void wordsAboutNothingInTheFilesFindNothing() {
        assertThat(hybrid.search("zugzwang", Optional.empty(), Set.of(), true, 10)).isEmpty();
    }

    @Test
    void operatorsAskForExactMatchingAndSkipTheVectors() {
        assertThat(hybrid.search("\"muscle relaxant\"", Optional.empty(), Set.of(), true, 10)).isEmpty();
        assertThat(hybrid.search("rent -late", Optional.empty(), Set.of(), true, 10))
                .extracting(SearchHit::title).doesNotContain("Notices of Late Payment - Lakeside Properties");
    }

    @Test
    void longTextIsSplitIntoAtMostEightPassages() {
        String words = "word ".repeat(SearchIndex.PASSAGE_WORDS * 2 + 1);
        assertThat(SearchIndex.passages(words)).hasSize(3);
        assertThat(SearchIndex.passages("word ".repeat(SearchIndex.PASSAGE_WORDS * 20))).hasSize(8);
        assertThat(SearchIndex.passages("  ")).isEmpty();
    }

    @Test
    void switchingVectorsOnOrOffKeepsTheIndexAndDeletingRemovesPassages(@TempDir Path own) throws Exception {
        try (SearchIndex plain = new SearchIndex(FSDirectory.open(own))) {
            plain.commit(1);
        }
        try (SearchIndex vectors = new SearchIndex(FSDirectory.open(own), embeddings)) {
            assertThat(vectors.wasCreated()).isFalse();
            vectors.upsertNote(new NoteEntry("n1", "c1", "Note on the crash", "The client's car was crushed."));
            vectors.commit(2);
            assertThat(vectors.count(SearchIndex.PASSAGE)).isEqualTo(1);
            assertThat(vectors.search("vehicle damage", Optional.empty(), Set.of(), true, 5))
                    .extracting(SearchHit::id).containsExactly("n1");
            vectors.delete("note", "n1");
            vectors.commit(3);
            assertThat(vectors.count(SearchIndex.PASSAGE)).isZero();
            vectors.upsertNote(new NoteEntry("n2", "c1", "Note on the crash", "The client's car was crushed."));
            vectors.commit(4);
        }
        try (SearchIndex plain = new SearchIndex(FSDirectory.open(own))) {
            assertThat(plain.wasCreated()).isFalse();
            // Changed while vectors are off: its passages would be stale, so they go.
            plain.upsertNote(new NoteEntry("n2", "c1", "Note on the crash", "The client's van was crushed."));
            plain.commit(5);
            assertThat(plain.count(SearchIndex.PASSAGE)).isZero();
        }
        try (SearchIndex again = new SearchIndex(FSDirectory.open(own), embeddings)) {
            assertThat(again.wasCreated()).isFalse();
            assertThat(again.coverage()).isEqualTo(new SearchIndex.VectorCoverage(0, 1));
            assertThat(again.vectorsReady()).isFalse();
            assertThat(again.rankingFor("vehicle damage")).isEqualTo("bm25");
            assertThat(again.search("vehicle damage", Optional.empty(), Set.of(), true, 5)).isEmpty();
        }
    }
}

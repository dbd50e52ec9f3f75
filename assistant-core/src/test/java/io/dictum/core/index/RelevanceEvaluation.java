package io.dictum.core.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.store.FSDirectory;

/**
 * The search relevance report: the labelled queries of {@code search/relevance.tsv} over the demo firm's cases and
 * documents plus the synthetic case files of {@code search/corpus.yaml}, ranked by BM25 alone and by hybrid search
 * (BM25 fused with passage vectors) in the same run. Prints MRR@10, nDCG@10 and recall@10, indexing time and query
 * latency for both. {@code scripts/eval-search} runs it; RelevanceEvaluationTest asserts on the same numbers.
 */
public final class RelevanceEvaluation {

    static final int AT = 10;

    /** A document or note of the corpus; {@code caseId} is the case number, which the index treats as an id. */
    record Entry(String id, String caseId, String type, String name, String kind, String text) {
    }

    record Query(String text, Set<String> relevant) {
    }

    /** One query's ranked names under one method, with its latency. */
    record Ranked(Query query, List<String> names, long nanos) {
    }

    record Scores(double mrr, double ndcg, double recall, long p50Nanos, long p95Nanos) {
    }

    record Method(String name, long indexingNanos, List<Ranked> ranked, Scores scores) {
    }

    record Report(int documents, int notes, int queries, Method bm25, Method hybrid) {
    }

    private RelevanceEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("dictum-relevance");
        long loading = System.nanoTime();
        SentenceEmbeddings embeddings = SentenceEmbeddings.loadInBackground();
        embeddings.embed("warm up");
        System.out.printf(Locale.ROOT, "Sentence model loaded in %d ms%n", (System.nanoTime() - loading) / 1_000_000);
        Report report = run(dir, embeddings);
        print(report);
    }

    static Report run(Path dir, SentenceEmbeddings embeddings) throws IOException {
        List<Entry> corpus = corpus();
        List<JsonNode> cases = new ArrayList<>();
        demoFirm().path("cases").forEach(cases::add);
        List<Query> queries = queries();
        try (SearchIndex plain = new SearchIndex(FSDirectory.open(dir.resolve("bm25")));
             SearchIndex vectors = new SearchIndex(FSDirectory.open(dir.resolve("hybrid")), embeddings)) {
            long plainIndexing = fill(plain, cases, corpus);
            long vectorIndexing = fill(vectors, cases, corpus);
            // One pass unmeasured for each, so neither method pays for the JIT or cold caches.
            for (Query q : queries) {
                plain.search(q.text(), Optional.empty(), Set.of(), true, AT);
                vectors.search(q.text(), Optional.empty(), Set.of(), true, AT);
            }
            List<Ranked> lexical = new ArrayList<>();
            List<Ranked> fused = new ArrayList<>();
            for (Query q : queries) {
                lexical.add(rank(plain, q));
                fused.add(rank(vectors, q));
            }
            long notes = corpus.stream().filter(e -> e.type().equals("note")).count();
            return new Report((int) (corpus.size() - notes), (int) notes, queries.size(),
                    new Method("BM25", plainIndexing, lexical, scores(lexical)),
                    new Method("hybrid", vectorIndexing, fused, scores(fused)));
        }
    }

    private static Ranked rank(SearchIndex index, Query q) {
        long start = System.nanoTime();
        List<SearchHit> hits = index.search(q.text(), Optional.empty(), Set.of(), true, AT);
        long nanos = System.nanoTime() - start;
        return new Ranked(q, hits.stream().map(SearchHit::title).toList(), nanos);
    }

    /** Indexes the demo cases and the corpus, returning how long it took including the commit. */
    static long fill(SearchIndex index, List<JsonNode> cases, List<Entry> corpus) {
        long start = System.nanoTime();
        for (JsonNode c : cases) {
            List<String> names = new ArrayList<>();
            names.add(c.path("client").asText());
            c.path("parties").forEach(p -> names.add(p.path("name").asText()));
            index.upsertCase(new CaseEntry(c.path("number").asText(), c.path("number").asText(),
                    c.path("title").asText(), c.path("client").asText(), names));
        }
        for (Entry e : corpus) {
            if (e.type().equals("note")) {
                index.upsertNote(new NoteEntry(e.id(), e.caseId(), e.name(), e.text()));
            } else {
                index.upsertDocument(new DocumentEntry(e.id(), e.caseId(), e.name(), e.kind(), e.text()));
            }
        }
        index.commit(1);
        return System.nanoTime() - start;
    }

    static Scores scores(List<Ranked> ranked) {
        double mrr = 0;
        double ndcg = 0;
        double recall = 0;
        long[] latencies = new long[ranked.size()];
        for (int i = 0; i < ranked.size(); i++) {
            Ranked r = ranked.get(i);
            latencies[i] = r.nanos();
            Set<String> relevant = r.query().relevant();
            double dcg = 0;
            int found = 0;
            for (int rank = 1; rank <= Math.min(AT, r.names().size()); rank++) {
                if (relevant.contains(r.names().get(rank - 1))) {
                    if (found == 0) {
                        mrr += 1.0 / rank;
                    }
                    found++;
                    dcg += 1 / log2(rank + 1);
                }
            }
            double ideal = 0;
            for (int rank = 1; rank <= Math.min(AT, relevant.size()); rank++) {
                ideal += 1 / log2(rank + 1);
            }
            ndcg += dcg / ideal;
            recall += (double) found / relevant.size();
        }
        Arrays.sort(latencies);
        int n = ranked.size();
        return new Scores(mrr / n, ndcg / n, recall / n, percentile(latencies, 50), percentile(latencies, 95));
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    static void print(Report report) {
        System.out.printf(Locale.ROOT, "%d labelled queries over %d documents and %d notes of %s%n", report.queries(),
                report.documents(), report.notes(), "the demo firm's cases (search/corpus.yaml and demo-firm.yaml)");
        System.out.printf(Locale.ROOT, "%-8s %8s %8s %10s %13s %10s %10s%n", "method", "MRR@10", "nDCG@10",
                "recall@10", "indexing ms", "p50 ms", "p95 ms");
        for (Method m : List.of(report.bm25(), report.hybrid())) {
            Scores s = m.scores();
            System.out.printf(Locale.ROOT, "%-8s %8.3f %8.3f %10.3f %13d %10.2f %10.2f%n", m.name(), s.mrr(), s.ndcg(),
                    s.recall(), m.indexingNanos() / 1_000_000, s.p50Nanos() / 1e6, s.p95Nanos() / 1e6);
        }
        System.out.println();
        System.out.println("Queries where the two differ (nDCG@10 BM25 -> hybrid):");
        for (int i = 0; i < report.queries(); i++) {
            Ranked lexical = report.bm25().ranked().get(i);
            Ranked fused = report.hybrid().ranked().get(i);
            double a = scores(List.of(lexical)).ndcg();
            double b = scores(List.of(fused)).ndcg();
            if (Math.abs(a - b) > 1e-9) {
                System.out.printf(Locale.ROOT, "  %.2f -> %.2f  %s%n", a, b, lexical.query().text());
            }
        }
    }

    static List<Entry> corpus() {
        List<Entry> out = new ArrayList<>();
        for (JsonNode d : demoFirm().path("documents")) {
            out.add(entry(d.path("caseNumber").asText(), "document", d.path("name").asText(), d.path("kind").asText(),
                    d.path("text").asText()));
        }
        for (JsonNode d : yaml("/search/corpus.yaml")) {
            out.add(entry(d.path("case").asText(), d.path("type").asText(), d.path("name").asText(),
                    d.path("kind").asText(null), d.path("text").asText()));
        }
        return out;
    }

    private static Entry entry(String caseId, String type, String name, String kind, String text) {
        return new Entry(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString(), caseId, type, name,
                kind, text);
    }

    static List<Query> queries() {
        Set<String> names = new HashSet<>(corpus().stream().map(Entry::name).toList());
        List<Query> out = new ArrayList<>();
        for (String line : resource("/search/relevance.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            Set<String> relevant = new java.util.LinkedHashSet<>();
            for (String name : cols[1].split("\\|")) {
                String trimmed = name.trim();
                if (!names.contains(trimmed)) {
                    throw new IllegalStateException("relevance.tsv names an unknown document: " + trimmed);
                }
                relevant.add(trimmed);
            }
            out.add(new Query(cols[0].trim(), relevant));
        }
        return out;
    }

    private static JsonNode demoFirm() {
        return yaml("/io/dictum/core/demo/demo-firm.yaml");
    }

    private static JsonNode yaml(String path) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(resource(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = RelevanceEvaluation.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

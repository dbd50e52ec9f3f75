package io.dictum.core.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene index of cases, contacts, documents and case notes. Derived data: everything here can be rebuilt from the database. All
 * methods block (disk I/O); callers run them on a bounded scheduler, never on the event loop.
 */
public final class SearchIndex implements Closeable {

    static final String TYPE = "type";
    static final String ID = "id";
    static final String CASE_ID = "case_id";
    static final String CLIENT_ID = "client_id";
    static final String NUMBER = "number";
    static final String NUMBER_KEY = "number_key";
    static final String NUMBER_TEXT = "number_text";
    static final String TITLE = "title";
    static final String NAMES = "names";
    static final String PHONETIC = "phonetic";
    static final String NAME = "name";
    static final String KIND = "kind";
    static final String CONTENT = "content";
    static final String EMAIL = "email";
    /** What a contact or note hit is called in results (stored only). */
    static final String LABEL = "label";
    /** Kinds that only firm members may find: clients never see notes or the firm's address book. */
    private static final List<BytesRef> FIRM_INTERNAL = List.of(new BytesRef("contact"), new BytesRef("note"));
    private static final String APPLIED_SEQ = "applied_seq";
    private static final String FORMAT = "format";
    /** Raised whenever the fields change; an index of another format is rebuilt from the database at start. */
    static final String CURRENT_FORMAT = "4";
    /**
     * What an index with passage vectors recorded before vectors were filled in the background. Its fields are the
     * current ones, so it is kept: its documents and notes lack the {@link #VECTORS} mark and get vectors again in
     * the background.
     */
    static final String LEGACY_VECTOR_FORMAT = CURRENT_FORMAT + "+minilm-l6-v2-q";
    /** The sentence model whose vectors the passages hold. */
    static final String MODEL = "minilm-l6-v2-q";
    /**
     * On a document or note: its passages carry vectors of {@link #MODEL} (indexed, so the background build finds
     * the entities without). {@link #VECTOR_SOURCE} holds a digest of the case and text they were made from.
     */
    static final String VECTORS = "vectors";
    static final String VECTOR_SOURCE = "vector_source";

    /** When a written document or note gets its passage vectors. */
    public enum Embedding {
        /** Now, on the writing thread (a live change: it is searchable by meaning at once). */
        NOW,
        /**
         * Later, by the background build (start-up's rebuild and replay must not wait for the model); vectors made
         * from the same text before are kept.
         */
        LATER
    }

    /** A document or note without vectors, with the text its passages are cut from. */
    public record PendingVectors(String type, String id, String source) {
    }

    /** Documents and notes in the index, and how many of them carry passage vectors. */
    public record VectorCoverage(long withVectors, long total) {
        boolean complete() {
            return withVectors == total;
        }
    }

    /** A passage of a document or note with its sentence vector; its owner is the entity's type_id. */
    static final String PASSAGE = "passage";
    static final String OWNER = "owner";
    static final String OWNER_TYPE = "owner_type";
    static final String VECTOR = "vector";
    /** A passage's words, stored only (Lucene wants one schema per field name, and content is indexed). */
    static final String PASSAGE_TEXT = "passage_text";
    /**
     * Words per passage: all-MiniLM-L6-v2 reads at most 256 word pieces, about 180 English words, so a longer
     * passage would be truncated by the model.
     */
    static final int PASSAGE_WORDS = 180;
    /** Passages per document; text beyond them is found by BM25 only. */
    static final int MAX_PASSAGES = 8;
    /** Reciprocal rank fusion constant (Cormack et al. 2009): a hit's fused score is the sum of 1/(k + rank). */
    static final int RRF_K = 60;
    /**
     * The least cosine similarity at which a passage counts as a candidate: unrelated text scores about 0 to 0.2
     * with all-MiniLM-L6-v2, so a query about nothing in the files finds nothing.
     */
    static final double MIN_SIMILARITY = 0.25;
    /** How deep each ranking goes before fusion. */
    static final int FUSION_DEPTH = 50;
    /** Nearest passages fetched: several may belong to one document, which keeps its best. */
    static final int KNN_PASSAGES = 200;

    private final Directory directory;
    private boolean created;
    private final Analyzer textAnalyzer;
    private final Analyzer phoneticAnalyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Present when hybrid search is on: documents and notes then carry passage vectors. */
    private final SentenceEmbeddings embeddings;
    /**
     * True once every document and note carries vectors: until then a hybrid index ranks by BM25 alone, because
     * fusing with a partial vector ranking would favour whatever happened to be embedded first.
     */
    private volatile boolean vectorsReady;

    /** A BM25-only index. */
    public SearchIndex(Directory directory) {
        this(directory, null);
    }

    /** With {@code embeddings} (nullable), documents and notes get passage vectors and search is hybrid. */
    public SearchIndex(Directory directory, SentenceEmbeddings embeddings) {
        try {
            this.directory = directory;
            this.embeddings = embeddings;
            this.created = !DirectoryReader.indexExists(directory);
            this.textAnalyzer = CustomAnalyzer.builder()
                    .withTokenizer("standard").addTokenFilter("lowercase").addTokenFilter("asciiFolding").build();
            this.phoneticAnalyzer = CustomAnalyzer.builder()
                    .withTokenizer("standard").addTokenFilter("lowercase").addTokenFilter("asciiFolding")
                    .addTokenFilter("doubleMetaphone", "inject", "false", "maxCodeLength", "6").build();
            Analyzer perField = new PerFieldAnalyzerWrapper(textAnalyzer, Map.of(PHONETIC, phoneticAnalyzer));
            this.writer = new IndexWriter(directory, new IndexWriterConfig(perField)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            this.searchers = new SearcherManager(writer, null);
            String format = commitValue(FORMAT);
            if (!created && !CURRENT_FORMAT.equals(format) && !LEGACY_VECTOR_FORMAT.equals(format)) {
                writer.deleteAll();
                created = true;
            }
            // An empty index lacks nothing; the rebuild that follows defers its vectors and says so.
            vectorsReady = embeddings != null && (created || coverage().complete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index: " + e.getMessage(), e);
        }
    }

    /** True when documents and notes get passage vectors and searches fuse them with BM25 once all have them. */
    public boolean hybrid() {
        return embeddings != null;
    }

    SentenceEmbeddings embeddings() {
        return embeddings;
    }

    /** True when searches without operators fuse BM25 with the passage vectors: hybrid, and every vector made. */
    public boolean vectorsReady() {
        return vectorsReady;
    }

    /** How a query of these words is ranked now: {@code hybrid} or {@code bm25}. */
    public String rankingFor(String text) {
        return embeddings != null && vectorsReady && !OPERATORS.matcher(text == null ? "" : text).find()
                ? "hybrid" : "bm25";
    }

    /**
     * True when this index did not exist before it was opened, or was of an older format: the caller rebuilds it
     * from the database.
     */
    public boolean wasCreated() {
        return created;
    }

    public void upsertCase(CaseEntry entry) {
        Document doc = new Document();
        doc.add(new StringField(TYPE, "case", Field.Store.YES));
        doc.add(new StringField(ID, entry.id(), Field.Store.YES));
        doc.add(new StringField(CLIENT_ID, entry.clientId(), Field.Store.YES));
        doc.add(new StringField(NUMBER, entry.number(), Field.Store.YES));
        doc.add(new StringField(NUMBER_KEY, numberKey(entry.number()), Field.Store.NO));
        doc.add(new TextField(NUMBER_TEXT, entry.number(), Field.Store.NO));
        doc.add(new TextField(TITLE, entry.title(), Field.Store.YES));
        doc.add(new TextField(PHONETIC, entry.title(), Field.Store.NO));
        for (String name : entry.names()) {
            doc.add(new TextField(NAMES, name, Field.Store.YES));
            doc.add(new TextField(PHONETIC, name, Field.Store.NO));
        }
        update("case", entry.id(), doc);
    }

    public void upsertDocument(DocumentEntry entry) {
        upsertDocument(entry, Embedding.NOW);
    }

    public void upsertDocument(DocumentEntry entry, Embedding when) {
        writeDocument(entry, when, null);
    }

    private void writeDocument(DocumentEntry entry, Embedding when, List<float[]> vectors) {
        Document doc = new Document();
        doc.add(new StringField(TYPE, "document", Field.Store.YES));
        doc.add(new StringField(ID, entry.id(), Field.Store.YES));
        doc.add(new StringField(CASE_ID, entry.caseId(), Field.Store.YES));
        doc.add(new TextField(NAME, entry.name(), Field.Store.YES));
        if (entry.kind() != null) {
            doc.add(new TextField(KIND, entry.kind(), Field.Store.YES));
        }
        if (entry.text() != null) {
            // Stored for highlighted snippets in search results.
            doc.add(new TextField(CONTENT, entry.text(), Field.Store.YES));
        }
        writeWithPassages("document", entry.id(), entry.caseId(), doc, source(entry), when, vectors);
    }

    /** The text a document's passages are cut from. The name leads: "the police report" is often all a query says. */
    private static String source(DocumentEntry entry) {
        return entry.name() + (entry.kind() == null ? "" : " (" + entry.kind() + ")") + ". "
                + (entry.text() == null ? "" : entry.text());
    }

    public void upsertContact(ContactEntry entry) {
        Document doc = new Document();
        doc.add(new StringField(TYPE, "contact", Field.Store.YES));
        doc.add(new StringField(ID, entry.id(), Field.Store.YES));
        doc.add(new StoredField(LABEL, entry.name()));
        doc.add(new TextField(NAMES, entry.name(), Field.Store.YES));
        for (String alias : entry.aliases()) {
            doc.add(new TextField(NAMES, alias, Field.Store.YES));
        }
        if (entry.email() != null) {
            doc.add(new TextField(EMAIL, entry.email(), Field.Store.YES));
        }
        update("contact", entry.id(), doc);
    }

    public void upsertNote(NoteEntry entry) {
        upsertNote(entry, Embedding.NOW);
    }

    public void upsertNote(NoteEntry entry, Embedding when) {
        writeNote(entry, when, null);
    }

    private void writeNote(NoteEntry entry, Embedding when, List<float[]> vectors) {
        Document doc = new Document();
        doc.add(new StringField(TYPE, "note", Field.Store.YES));
        doc.add(new StringField(ID, entry.id(), Field.Store.YES));
        doc.add(new StringField(CASE_ID, entry.caseId(), Field.Store.YES));
        doc.add(new StoredField(LABEL, entry.label()));
        doc.add(new TextField(CONTENT, entry.text(), Field.Store.YES));
        writeWithPassages("note", entry.id(), entry.caseId(), doc, entry.text(), when, vectors);
    }

    public void delete(String type, String id) {
        try {
            writer.deleteDocuments(typedId(type, id), new Term(OWNER, type + ":" + id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void deleteAll() {
        try {
            writer.deleteAll();
            // What follows must not find vectors of what was just deleted (Embedding.LATER looks them up).
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the changes durable, recording the last change-log sequence they include, and visible to searches. */
    public void commit(long appliedSeq) {
        try {
            writer.setLiveCommitData(Map.of(APPLIED_SEQ, Long.toString(appliedSeq), FORMAT, CURRENT_FORMAT)
                    .entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the search index: " + e.getMessage(), e);
        }
    }

    /** The change-log sequence recorded at the last commit; 0 for a new index. */
    public long appliedSeq() {
        String seq = commitValue(APPLIED_SEQ);
        return seq == null ? 0 : Long.parseLong(seq);
    }

    private String commitValue(String key) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (key.equals(e.getKey())) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    /**
     * Cases whose title, number or party names resemble the spoken words: exact, fuzzy and phonetic matches of each
     * word and of two or three adjacent words run together (a recogniser may split one name). Recall matters here;
     * the caller ranks the candidates precisely.
     */
    public List<CaseEntry> caseCandidates(List<String> words, Optional<String> onlyClientId, int limit) {
        BooleanQuery.Builder should = new BooleanQuery.Builder();
        List<String> terms = new ArrayList<>(words);
        for (int run = 2; run <= 3; run++) {
            for (int i = 0; i + run <= words.size(); i++) {
                terms.add(String.join("", words.subList(i, i + run)));
            }
        }
        for (String term : terms) {
            if (term.length() < 2) {
                continue;
            }
            should.add(new BoostQuery(new TermQuery(new Term(NAMES, term)), 3f), Occur.SHOULD);
            should.add(new BoostQuery(new TermQuery(new Term(TITLE, term)), 2f), Occur.SHOULD);
            if (term.length() >= 4) {
                int edits = term.length() >= 7 ? 2 : 1;
                should.add(new FuzzyQuery(new Term(NAMES, term), edits), Occur.SHOULD);
                should.add(new FuzzyQuery(new Term(TITLE, term), edits), Occur.SHOULD);
            }
            for (String code : analyze(phoneticAnalyzer, term)) {
                should.add(new BoostQuery(new TermQuery(new Term(PHONETIC, code)), 1.5f), Occur.SHOULD);
                if (code.length() >= 3) {
                    // "middle or" (MTLR) still finds "Miller" (MLR): sounds one step apart
                    should.add(new FuzzyQuery(new Term(PHONETIC, code), 1), Occur.SHOULD);
                }
            }
        }
        should.add(new BoostQuery(new TermQuery(new Term(NUMBER_KEY, numberKey(String.join("", words)))), 10f),
                Occur.SHOULD);
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TYPE, "case")), Occur.FILTER)
                .add(should.setMinimumNumberShouldMatch(1).build(), Occur.MUST);
        onlyClientId.ifPresent(c -> query.add(new TermQuery(new Term(CLIENT_ID, c)), Occur.FILTER));
        return search(query.build(), limit, doc -> new CaseEntry(doc.get(ID), doc.get(NUMBER), doc.get(TITLE),
                doc.get(CLIENT_ID), values(doc, NAMES)));
    }

    /**
     * Documents the words name, optionally only within the given cases: by name and kind first, because that is how
     * people ask for a document ("the police report"); only when nothing is so named, by what the text says.
     */
    public List<IndexHit> documents(String words, Optional<Collection<String>> inCases, int limit) {
        List<String> terms = analyze(textAnalyzer, words);
        List<IndexHit> named = documentQuery(terms, List.of(NAME, KIND), inCases, limit);
        return named.isEmpty() ? documentQuery(terms, List.of(CONTENT), inCases, limit) : named;
    }

    private List<IndexHit> documentQuery(List<String> terms, List<String> fields,
                                         Optional<Collection<String>> inCases, int limit) {
        BooleanQuery.Builder should = new BooleanQuery.Builder();
        for (String term : terms) {
            for (String field : fields) {
                should.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
            }
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TYPE, "document")), Occur.FILTER)
                .add(should.setMinimumNumberShouldMatch(1).build(), Occur.MUST);
        inCases.ifPresent(cases -> query.add(new TermInSetQuery(CASE_ID,
                cases.stream().map(BytesRef::new).toList()), Occur.FILTER));
        List<IndexHit> hits = new ArrayList<>();
        withSearcher(searcher -> {
            for (ScoreDoc sd : searcher.search(query.build(), limit).scoreDocs) {
                Document doc = searcher.storedFields().document(sd.doc, Set.of(ID, CASE_ID));
                hits.add(new IndexHit(doc.get(ID), doc.get(CASE_ID), sd.score));
            }
        });
        return hits;
    }

    /**
     * Full-text search across cases, contacts, documents and notes: BM25 with field boosts (titles and names above
     * text), "phrases", prefix* and -exclusions (Lucene's simple query syntax, which never fails to parse), limited
     * to the cases given (empty: all; a contact belongs to no case, so a case scope leaves contacts out), never
     * returning the excluded cases or anything of them, and contacts and notes only when {@code firmInternal}.
     * Each hit carries highlighted snippets. When the index is hybrid and the query uses no operators, the BM25
     * ranking is fused with the documents and notes whose passages lie nearest the query's sentence vector, under
     * the same limits.
     */
    public List<SearchHit> search(String text, Optional<Collection<String>> onlyCases, Collection<String> excluded,
                                  boolean firmInternal, int limit) {
        // Operators ask for exact matching ("phrases", -exclusions, prefix*, name~1): a vector cannot honour them.
        if (!"hybrid".equals(rankingFor(text))) {
            return bm25(text, onlyCases, excluded, firmInternal, limit);
        }
        return hybrid(text, onlyCases, excluded, firmInternal, limit);
    }

    private static final java.util.regex.Pattern OPERATORS =
            java.util.regex.Pattern.compile("[\"*~|+]|(^|\\s)-\\S");

    /** BM25 alone, whatever the index holds (the relevance report compares both on one index). */
    public List<SearchHit> bm25(String text, Optional<Collection<String>> onlyCases, Collection<String> excluded,
                                boolean firmInternal, int limit) {
        Query built = lexicalQuery(text, onlyCases, excluded, firmInternal);
        if (built == null) {
            return List.of();
        }
        List<SearchHit> hits = new ArrayList<>();
        withSearcher(searcher -> {
            ScoreDoc[] top = searcher.search(built, limit).scoreDocs;
            int[] docs = new int[top.length];
            float[] scores = new float[top.length];
            for (int i = 0; i < top.length; i++) {
                docs[i] = top[i].doc;
                scores[i] = top[i].score;
            }
            hits.addAll(describe(searcher, built, docs, scores, Map.of()));
        });
        return hits;
    }

    /** The text query under the access limits, or null when the text holds nothing to search for. */
    private Query lexicalQuery(String text, Optional<Collection<String>> onlyCases, Collection<String> excluded,
                               boolean firmInternal) {
        Map<String, Float> weights = Map.of(TITLE, 4f, NAMES, 3f, NUMBER_TEXT, 4f, NAME, 4f, KIND, 3f, CONTENT, 1f,
                EMAIL, 3f);
        org.apache.lucene.queryparser.simple.SimpleQueryParser parser =
                new org.apache.lucene.queryparser.simple.SimpleQueryParser(textAnalyzer, weights);
        Query parsed = parser.parse(text);
        if (parsed == null) {
            return null;
        }
        // "-word" alone matches every document the word is not in: never the passages behind the vectors.
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(parsed, Occur.MUST)
                .add(new TermQuery(new Term(TYPE, PASSAGE)), Occur.MUST_NOT);
        // A case is matched on its own id, a document on the case it belongs to.
        onlyCases.ifPresent(cases -> {
            List<BytesRef> ids = cases.stream().map(BytesRef::new).toList();
            query.add(new BooleanQuery.Builder()
                    .add(new TermInSetQuery(CASE_ID, ids), Occur.SHOULD)
                    .add(new BooleanQuery.Builder().add(new TermQuery(new Term(TYPE, "case")), Occur.FILTER)
                            .add(new TermInSetQuery(ID, ids), Occur.FILTER).build(), Occur.SHOULD)
                    .build(), Occur.FILTER);
        });
        if (!firmInternal) {
            query.add(new TermInSetQuery(TYPE, FIRM_INTERNAL), Occur.MUST_NOT);
        }
        if (!excluded.isEmpty()) {
            List<BytesRef> ids = excluded.stream().map(BytesRef::new).toList();
            query.add(new TermInSetQuery(CASE_ID, ids), Occur.MUST_NOT);
            query.add(new BooleanQuery.Builder().add(new TermQuery(new Term(TYPE, "case")), Occur.FILTER)
                    .add(new TermInSetQuery(ID, ids), Occur.FILTER).build(), Occur.MUST_NOT);
        }
        return query.build();
    }

    /**
     * Hits for the given Lucene documents with snippets the text query highlights; a document the query does not
     * match shows the opening of its nearest passage from {@code passages} instead.
     */
    private List<SearchHit> describe(IndexSearcher searcher, Query lexical, int[] docs, float[] scores,
                                     Map<Integer, String> passages) throws IOException {
        org.apache.lucene.search.uhighlight.UnifiedHighlighter highlighter =
                org.apache.lucene.search.uhighlight.UnifiedHighlighter.builder(searcher, textAnalyzer)
                        .withFormatter(new org.apache.lucene.search.uhighlight.DefaultPassageFormatter(
                                "<mark>", "</mark>", " … ", true))
                        .build();
        String[] fields = {TITLE, NAMES, NAME, EMAIL, CONTENT};
        // Snippets come back in the order of the ids asked for.
        Map<String, String[]> snippets = highlighter.highlightFields(fields, lexical, docs,
                new int[] {1, 2, 1, 1, 3});
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            Document doc = searcher.storedFields().document(docs[i]);
            String kind = doc.get(TYPE);
            List<String> highlights = new ArrayList<>();
            for (String field : fields) {
                String snippet = snippets.get(field)[i];
                if (snippet != null && snippet.contains("<mark>")) {
                    highlights.add(snippet);
                }
            }
            if (highlights.isEmpty() && passages.containsKey(docs[i])) {
                highlights.add(opening(passages.get(docs[i])));
            }
            String title = switch (kind) {
                case "case" -> doc.get(TITLE);
                case "document" -> doc.get(NAME);
                default -> doc.get(LABEL);
            };
            hits.add(SearchHit.of(kind, doc.get(ID), "case".equals(kind) ? doc.get(ID) : doc.get(CASE_ID),
                    title, scores[i], highlights));
        }
        return hits;
    }

    /**
     * BM25 and the nearest passages, fused by reciprocal rank. The vector query runs under the same access filter as
     * the text query, as a Lucene filter, so a passage of an excluded case is never a candidate, and only passages at
     * least {@link #MIN_SIMILARITY} alike count (otherwise every query would return something). Snippets come from
     * BM25; a hit found by its meaning alone shows the opening of its nearest passage. Only the final hits are
     * highlighted.
     */
    private List<SearchHit> hybrid(String text, Optional<Collection<String>> onlyCases, Collection<String> excluded,
                                   boolean firmInternal, int limit) {
        Query lexical = lexicalQuery(text, onlyCases, excluded, firmInternal);
        if (lexical == null) {
            return List.of();
        }
        float[] vector = embeddings.embed(text);
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TYPE, PASSAGE)), Occur.FILTER);
        onlyCases.ifPresent(cases -> filter.add(new TermInSetQuery(CASE_ID, cases.stream().map(BytesRef::new)
                .toList()), Occur.FILTER));
        if (!firmInternal) {
            filter.add(new TermQuery(new Term(OWNER_TYPE, "note")), Occur.MUST_NOT);
        }
        if (!excluded.isEmpty()) {
            filter.add(new TermInSetQuery(CASE_ID, excluded.stream().map(BytesRef::new).toList()), Occur.MUST_NOT);
        }
        int depth = Math.max(limit, FUSION_DEPTH);
        List<SearchHit> hits = new ArrayList<>();
        withSearcher(searcher -> {
            // Entities by their Lucene document, with fused scores.
            Map<Integer, Double> fused = new java.util.HashMap<>();
            ScoreDoc[] words = searcher.search(lexical, depth).scoreDocs;
            for (int i = 0; i < words.length; i++) {
                fused.merge(words[i].doc, 1.0 / (RRF_K + i + 1), Double::sum);
            }
            Map<Integer, String> nearest = new java.util.HashMap<>();
            ScoreDoc[] meaning = searcher.search(new KnnFloatVectorQuery(VECTOR, vector, KNN_PASSAGES,
                    filter.build()), KNN_PASSAGES).scoreDocs;
            Set<String> owners = new java.util.HashSet<>();
            for (ScoreDoc sd : meaning) {
                // Lucene scores DOT_PRODUCT as (1 + cosine) / 2.
                if (owners.size() >= depth || 2 * sd.score - 1 < MIN_SIMILARITY) {
                    break;
                }
                Document passage = searcher.storedFields().document(sd.doc, Set.of(OWNER, PASSAGE_TEXT));
                String owner = passage.get(OWNER);
                if (owners.add(owner)) {
                    TopDocs entity = searcher.search(new TermQuery(new Term("type_id", owner)), 1);
                    if (entity.scoreDocs.length == 1) {
                        int doc = entity.scoreDocs[0].doc;
                        fused.merge(doc, 1.0 / (RRF_K + owners.size()), Double::sum);
                        nearest.put(doc, passage.get(PASSAGE_TEXT));
                    }
                }
            }
            List<Map.Entry<Integer, Double>> ranked = fused.entrySet().stream()
                    .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed()
                            .thenComparing(Map.Entry::getKey))
                    .limit(limit)
                    .toList();
            int[] docs = ranked.stream().mapToInt(Map.Entry::getKey).toArray();
            float[] scores = new float[docs.length];
            for (int i = 0; i < docs.length; i++) {
                scores[i] = ranked.get(i).getValue().floatValue();
            }
            hits.addAll(describe(searcher, lexical, docs, scores, nearest));
        });
        return hits;
    }

    /** The first words of a passage, escaped like a highlighted snippet. */
    private static String opening(String passage) {
        String[] words = passage.trim().split("\\s+");
        String head = String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(30, words.length)));
        String escaped = head.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#x27;");
        return words.length > 30 ? escaped + " …" : escaped;
    }

    /**
     * Writes a document or note with its passages. Without hybrid search its passages are removed (they would be
     * stale if it were switched on again). {@code vectors} made elsewhere are used as given; otherwise {@code NOW}
     * embeds here (milliseconds of CPU per passage), and {@code LATER} keeps the passages when they were made from
     * the same text and else leaves the entity to the background build.
     */
    private void writeWithPassages(String type, String id, String caseId, Document doc, String source,
                                   Embedding when, List<float[]> vectors) {
        String owner = type + ":" + id;
        try {
            if (embeddings == null) {
                update(type, id, doc);
                writer.deleteDocuments(new Term(OWNER, owner));
                return;
            }
            // The case is part of it: passages carry their case for the access filter of the vector query.
            String digest = digest(caseId + "\n" + source);
            List<String> passages = passages(source);
            if (vectors == null && when == Embedding.NOW) {
                vectors = embeddings.embedAll(passages);
            }
            if (vectors == null) {
                if (digest.equals(vectorSource(owner))) {
                    mark(doc, digest);
                    update(type, id, doc);
                } else {
                    update(type, id, doc);
                    writer.deleteDocuments(new Term(OWNER, owner));
                    vectorsReady = false;
                }
                return;
            }
            mark(doc, digest);
            update(type, id, doc);
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < passages.size(); i++) {
                Document passage = new Document();
                passage.add(new StringField(TYPE, PASSAGE, Field.Store.NO));
                passage.add(new StringField(OWNER, owner, Field.Store.YES));
                passage.add(new StringField(OWNER_TYPE, type, Field.Store.NO));
                passage.add(new StringField(CASE_ID, caseId, Field.Store.NO));
                passage.add(new StoredField(PASSAGE_TEXT, passages.get(i)));
                // Unit vectors: the dot product is their cosine, and the cheapest similarity to compute.
                passage.add(new KnnFloatVectorField(VECTOR, vectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
                docs.add(passage);
            }
            // Replaces the old passages; a text without words has none, but its mark says it is done.
            writer.updateDocuments(new Term(OWNER, owner), docs);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the search index: " + e.getMessage(), e);
        }
    }

    private static void mark(Document doc, String digest) {
        doc.add(new StringField(VECTORS, MODEL, Field.Store.NO));
        doc.add(new StoredField(VECTOR_SOURCE, digest));
    }

    /** The digest of the text the entity's passages were made from, or null when it has none (as last refreshed). */
    private String vectorSource(String owner) {
        String[] found = new String[1];
        withSearcher(searcher -> {
            TopDocs top = searcher.search(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term("type_id", owner)), Occur.FILTER)
                    .add(new TermQuery(new Term(VECTORS, MODEL)), Occur.FILTER).build(), 1);
            if (top.scoreDocs.length == 1) {
                found[0] = searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(VECTOR_SOURCE))
                        .get(VECTOR_SOURCE);
            }
        });
        return found[0];
    }

    static String digest(String text) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Query lacksVectors() {
        return new BooleanQuery.Builder()
                .add(new TermInSetQuery(TYPE, List.of(new BytesRef("document"), new BytesRef("note"))), Occur.FILTER)
                .add(new TermQuery(new Term(VECTORS, MODEL)), Occur.MUST_NOT)
                .build();
    }

    /**
     * Up to {@code max} documents and notes without vectors, as written so far (committed or not), with the text
     * their passages would be cut from. None left: the index is complete and hybrid ranking starts. Call it on the
     * writing thread.
     */
    public List<PendingVectors> lackingVectors(int max) {
        refresh();
        List<PendingVectors> out = new ArrayList<>();
        withSearcher(searcher -> {
            for (ScoreDoc sd : searcher.search(lacksVectors(), max).scoreDocs) {
                Document doc = searcher.storedFields().document(sd.doc);
                out.add(new PendingVectors(doc.get(TYPE), doc.get(ID), sourceOf(doc)));
            }
        });
        if (out.isEmpty() && embeddings != null) {
            vectorsReady = true;
        }
        return out;
    }

    /**
     * Adds the vectors made for {@code pending} (one list per entity, one vector per passage), unless the entity was
     * changed or removed meanwhile (a change since has been, or will be, given vectors of its own). Call it on the
     * writing thread. Returns how many entities got vectors.
     */
    public int addVectors(List<PendingVectors> pending, List<List<float[]>> vectors) {
        refresh();
        int added = 0;
        for (int i = 0; i < pending.size(); i++) {
            PendingVectors p = pending.get(i);
            Document[] current = new Document[1];
            withSearcher(searcher -> {
                TopDocs top = searcher.search(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term("type_id", p.type() + ":" + p.id())), Occur.FILTER)
                        .add(new TermQuery(new Term(VECTORS, MODEL)), Occur.MUST_NOT).build(), 1);
                if (top.scoreDocs.length == 1) {
                    current[0] = searcher.storedFields().document(top.scoreDocs[0].doc);
                }
            });
            if (current[0] == null || !p.source().equals(sourceOf(current[0]))) {
                continue;
            }
            Document doc = current[0];
            if ("document".equals(p.type())) {
                writeDocument(new DocumentEntry(doc.get(ID), doc.get(CASE_ID), doc.get(NAME), doc.get(KIND),
                        doc.get(CONTENT)), Embedding.NOW, vectors.get(i));
            } else {
                writeNote(new NoteEntry(doc.get(ID), doc.get(CASE_ID), doc.get(LABEL), doc.get(CONTENT)),
                        Embedding.NOW, vectors.get(i));
            }
            added++;
        }
        return added;
    }

    /** The passage text of a stored document or note entity. */
    private static String sourceOf(Document doc) {
        return "document".equals(doc.get(TYPE))
                ? source(new DocumentEntry(doc.get(ID), doc.get(CASE_ID), doc.get(NAME), doc.get(KIND),
                        doc.get(CONTENT)))
                : doc.get(CONTENT) == null ? "" : doc.get(CONTENT);
    }

    /** How many documents and notes carry vectors, as last committed or refreshed. */
    public VectorCoverage coverage() {
        long[] n = new long[2];
        withSearcher(searcher -> {
            Query all = new TermInSetQuery(TYPE, List.of(new BytesRef("document"), new BytesRef("note")));
            n[1] = searcher.count(all);
            n[0] = n[1] - searcher.count(lacksVectors());
        });
        return new VectorCoverage(n[0], n[1]);
    }

    private void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the search index: " + e.getMessage(), e);
        }
    }

    /** The text in passages of {@link #PASSAGE_WORDS} words, at most {@link #MAX_PASSAGES}. */
    static List<String> passages(String text) {
        String[] words = text.trim().split("\\s+");
        List<String> out = new ArrayList<>();
        for (int from = 0; from < words.length && out.size() < MAX_PASSAGES; from += PASSAGE_WORDS) {
            String passage = String.join(" ", java.util.Arrays.asList(words)
                    .subList(from, Math.min(words.length, from + PASSAGE_WORDS)));
            if (!passage.isBlank()) {
                out.add(passage);
            }
        }
        return out;
    }

    public int count(String type) {
        int[] n = new int[1];
        withSearcher(searcher -> n[0] = searcher.count(new TermQuery(new Term(TYPE, type))));
        return n[0];
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    /** Case numbers compared without punctuation or case: "2024-PI-0012" and "2024 pi 0012" are the same. */
    static String numberKey(String number) {
        return number.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private interface SearcherWork {
        void run(IndexSearcher searcher) throws IOException;
    }

    private interface DocumentMapper<T> {
        T map(Document doc);
    }

    private <T> List<T> search(Query query, int limit, DocumentMapper<T> mapper) {
        List<T> out = new ArrayList<>();
        withSearcher(searcher -> {
            for (ScoreDoc sd : searcher.search(query, limit).scoreDocs) {
                out.add(mapper.map(searcher.storedFields().document(sd.doc)));
            }
        });
        return out;
    }

    private void withSearcher(SearcherWork work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the search index: " + e.getMessage(), e);
        }
    }

    private void update(String type, String id, Document doc) {
        try {
            doc.add(new StringField("type_id", type + ":" + id, Field.Store.NO));
            writer.updateDocument(typedId(type, id), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the search index: " + e.getMessage(), e);
        }
    }

    private static Term typedId(String type, String id) {
        return new Term("type_id", type + ":" + id);
    }

    private static List<String> values(Document doc, String field) {
        List<String> out = new ArrayList<>();
        for (IndexableField f : doc.getFields(field)) {
            out.add(f.stringValue());
        }
        return out;
    }

    static List<String> analyze(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

package io.dictum.core.index;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.apache.lucene.store.FSDirectory;
import org.postgresql.PGConnection;

/**
 * Lucene (the application's own {@link SearchIndex}: its analyzers, field boosts, access filters and highlighted
 * snippets) beside PostgreSQL full-text search (a generated tsvector with a GIN index, ts_rank and ts_headline) on
 * the same synthetic legal corpus and the same queries, in one run: indexing documents per second, then query
 * latency p50/p95 for single terms, phrases and misspelt party names (Lucene fuzzy terms; PostgreSQL pg_trgm word
 * similarity, since full-text search itself has no fuzzy matching). Both sides answer the top 10 with snippets.
 * Run it with scripts/bench-search [--docs N] [--queries N] [--seed N] [--pg jdbc-url] [--pg-user name].
 */
public final class SearchBenchmark {

    private static final String[] SURNAMES = {"Kowalczyk", "Okonkwo", "Halvorsen", "Featherstone", "Abernathy",
        "Castellano", "Drummond", "Quintanilla", "Vandersloot", "Achterberg", "Marlowe", "Oyelaran", "Pemberton",
        "Witherspoon", "Brightwell", "Nakashima", "Delacroix", "Ferreira", "Gallagher", "Hernandez", "Ivanova",
        "Jablonski", "Kristiansen", "Lindqvist", "Mbeki", "Nordstrom", "Okafor", "Petrakis", "Rasmussen", "Santoro",
        "Thibodeaux", "Urquhart", "Valenzuela", "Wojcik", "Yamamoto", "Zielinski", "Ashworth", "Blackwood",
        "Carmichael", "Dunleavy", "Esposito", "Fitzgerald", "Grimaldi", "Hollingsworth", "Iglesias", "Jankowski",
        "Kavanagh", "Lombardi", "Montgomery", "Novak", "Ostrowski", "Pellegrino", "Radcliffe", "Sorensen",
        "Tremblay", "Underwood", "Villanueva", "Whitfield", "Xiong", "Youngblood"};
    private static final String[] FIRST = {"Maria", "James", "Wei", "Amara", "Liam", "Sofia", "Kwame", "Ingrid",
        "Rahul", "Elena", "Tomasz", "Aisha", "Diego", "Hannah", "Mateo", "Priya", "Oluwaseun", "Greta", "Noah",
        "Yuki"};
    private static final String[] COMPANIES = {"Acme Trucking", "Northside Logistics", "Harbor Freight Lines",
        "Skyline Property Management", "Brightwater Marine", "Keystone Mutual Insurance", "Ridgeway Transit",
        "Pellworth Mills", "Quarry Holdings", "Summit Health Partners", "Lakeshore Medical Center",
        "Granite State Builders", "Meridian Software", "Coastal Grocers", "Ironbridge Manufacturing"};
    private static final String[] MATTERS = {"personal injury", "employment", "contract", "family",
        "criminal defense", "real estate", "medical malpractice", "estate"};
    private static final String[] KINDS = {"complaint", "answer", "deposition transcript", "demand letter",
        "medical records", "police report", "engagement letter", "settlement agreement", "motion to dismiss",
        "interrogatories", "expert report", "invoice", "correspondence", "memorandum"};
    private static final String[] VEHICLES = {"tractor-trailer", "delivery van", "pickup truck", "sedan",
        "city bus", "forklift", "motorcycle", "box truck"};
    private static final String[] INJURIES = {"neck and back pain", "a fractured wrist", "a torn rotator cuff",
        "a concussion", "whiplash", "a herniated disc", "lacerations to the forearm", "a broken ankle"};
    private static final String[] PLACES = {"the I-95 interchange", "the loading dock", "the parking garage",
        "the Narrows crossing", "the warehouse mezzanine", "Route 9", "the hospital emergency department",
        "the third-floor stairwell", "the Main Street intersection"};
    private static final String[] BOILERPLATE = {
        "Plaintiff %s alleges that on %s the defendant %s failed to exercise reasonable care at %s.",
        "As a direct and proximate result, %s suffered %s and incurred medical expenses of $%,d.",
        "The %s operated by an employee of %s struck the claimant's vehicle at approximately %d miles per hour.",
        "Counsel for %s produced %d pages of records responsive to the second set of interrogatories.",
        "The parties agree that this agreement shall be governed by the laws of the State of %s.",
        "Witness %s testified that the %s did not stop before entering %s.",
        "The adjuster for %s offered $%,d in full and final settlement of all claims arising from the incident.",
        "Pursuant to Rule %d, the defendant moves to dismiss the complaint for failure to state a claim.",
        "The independent medical examination of %s found %s consistent with the mechanism of injury.",
        "Time is of the essence; notices under this agreement shall be given in writing to %s.",
        "The deposition of %s was taken at the offices of Hale and Ortiz LLP on %s.",
        "Our client %s reports continuing %s and has been unable to return to work since %s."};
    private static final String[] STATES = {"New York", "New Jersey", "Connecticut", "Pennsylvania", "Delaware"};

    record Doc(String id, String caseId, String name, String kind, String text, String party) {
    }

    public static void main(String[] args) throws Exception {
        int docs = intArg(args, "--docs", 100_000);
        int queries = intArg(args, "--queries", 200);
        long seed = intArg(args, "--seed", 20261127);
        String pgUrl = arg(args, "--pg", "jdbc:postgresql://127.0.0.1:5432/test");
        String pgUser = arg(args, "--pg-user", "postgres");
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);

        System.out.printf(Locale.ROOT, "Generating %,d documents (seed %d)...%n", docs, seed);
        List<Doc> corpus = corpus(docs, new Random(seed));
        long chars = corpus.stream().mapToLong(d -> d.text().length()).sum();
        System.out.printf(Locale.ROOT, "Corpus: %,d documents, %,d characters of text (%.0f words each on average)%n",
                docs, chars, corpus.stream().mapToLong(d -> d.text().split(" ").length).average().orElse(0));

        Random q = new Random(seed + 1);
        List<String> terms = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> fuzzy = new ArrayList<>();
        String[] termPool = {"adjuster", "settlement", "interrogatories", "whiplash", "forklift", "mezzanine",
            "deposition", "negligence", "dismiss", "concussion", "garage", "governed", "proximate", "stairwell"};
        for (int i = 0; i < queries; i++) {
            terms.add(i % 2 == 0 ? termPool[q.nextInt(termPool.length)]
                    : SURNAMES[q.nextInt(SURNAMES.length)].toLowerCase(Locale.ROOT));
            String[] phrasePool = {"neck and back pain", "failed to exercise reasonable care", "full and final"
                    + " settlement", "torn rotator cuff", VEHICLES[q.nextInt(VEHICLES.length)], "loading dock",
                "second set of interrogatories", "mechanism of injury"};
            phrases.add(phrasePool[q.nextInt(phrasePool.length)]);
            fuzzy.add(misspell(SURNAMES[q.nextInt(SURNAMES.length)].toLowerCase(Locale.ROOT), q));
        }

        Path dir = Files.createTempDirectory("dictum-bench-search-");
        Results lucene;
        try (SearchIndex index = new SearchIndex(FSDirectory.open(dir))) {
            lucene = luceneRun(index, corpus, terms, phrases, fuzzy);
        } finally {
            deleteTree(dir);
        }
        Results pg = postgresRun(pgUrl, pgUser, corpus, terms, phrases, fuzzy);

        System.out.println();
        System.out.println("                          Lucene (SearchIndex)   PostgreSQL (tsvector+GIN)   PostgreSQL/Lucene");
        row("indexing, docs/s", lucene.docsPerSecond, pg.docsPerSecond);
        row("term p50, ms", lucene.term[0], pg.term[0]);
        row("term p95, ms", lucene.term[1], pg.term[1]);
        row("phrase p50, ms", lucene.phrase[0], pg.phrase[0]);
        row("phrase p95, ms", lucene.phrase[1], pg.phrase[1]);
        row("fuzzy name p50, ms", lucene.fuzzy[0], pg.fuzzy[0]);
        row("fuzzy name p95, ms", lucene.fuzzy[1], pg.fuzzy[1]);
        System.out.printf(Locale.ROOT, "%nMean hits in the top 10: Lucene term %.1f, phrase %.1f, fuzzy %.1f;"
                        + " PostgreSQL term %.1f, phrase %.1f, fuzzy %.1f%n", lucene.hits[0], lucene.hits[1],
                lucene.hits[2], pg.hits[0], pg.hits[1], pg.hits[2]);
        System.out.println("Indexing: Lucene through SearchIndex.upsertDocument and one commit; PostgreSQL COPY into a"
                + " table with a generated tsvector, then CREATE INDEX (GIN) and a trigram GIN index on party names.");
        System.out.println("Ratio column: for docs/s PostgreSQL/Lucene (below 1: PostgreSQL indexes slower); for"
                + " latencies PostgreSQL/Lucene (above 1: PostgreSQL answers slower).");
    }

    static final class Results {
        double docsPerSecond;
        double[] term;
        double[] phrase;
        double[] fuzzy;
        double[] hits = new double[3];
    }

    private static Results luceneRun(SearchIndex index, List<Doc> corpus, List<String> terms, List<String> phrases,
                                     List<String> fuzzy) {
        Results r = new Results();
        long start = System.nanoTime();
        for (Doc d : corpus) {
            index.upsertDocument(new DocumentEntry(d.id(), d.caseId(), d.name(), d.kind(), d.text()));
        }
        index.commit(1);
        r.docsPerSecond = corpus.size() / seconds(start);
        System.out.printf(Locale.ROOT, "Lucene: indexed in %.1f s%n", seconds(start));
        // The application's search: all cases visible, no walls, firm member, top 10 with highlighted snippets.
        Query lucene = text -> index.search(text, Optional.empty(), List.of(), true, 10).size();
        r.term = latencies(terms, lucene, r.hits, 0);
        r.phrase = latencies(phrases.stream().map(p -> "\"" + p + "\"").toList(), lucene, r.hits, 1);
        r.fuzzy = latencies(fuzzy.stream().map(f -> f + "~1").toList(), lucene, r.hits, 2);
        return r;
    }

    private static Results postgresRun(String url, String user, List<Doc> corpus, List<String> terms,
                                       List<String> phrases, List<String> fuzzy) throws Exception {
        Results r = new Results();
        String schema = "bench_search_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
                s.execute("SET search_path TO " + schema + ", public");
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public");
                // 'simple': lower-cased words without stemming, as the Lucene analyzer does; names weigh above text.
                s.execute("CREATE TABLE docs (id UUID PRIMARY KEY, case_id UUID NOT NULL, name TEXT NOT NULL,"
                        + " kind TEXT, party TEXT NOT NULL, content TEXT NOT NULL, tsv tsvector GENERATED ALWAYS AS"
                        + " (setweight(to_tsvector('simple', name), 'A') || setweight(to_tsvector('simple',"
                        + " coalesce(kind, '')), 'B') || setweight(to_tsvector('simple', content), 'D')) STORED)");
            }
            try {
                long start = System.nanoTime();
                StringBuilder copy = new StringBuilder();
                var copier = c.unwrap(PGConnection.class).getCopyAPI();
                int batch = 0;
                for (Doc d : corpus) {
                    copy.append(d.id()).append('\t').append(d.caseId()).append('\t').append(esc(d.name()))
                            .append('\t').append(esc(d.kind())).append('\t').append(esc(d.party())).append('\t')
                            .append(esc(d.text())).append('\n');
                    if (++batch == 5000) {
                        copier.copyIn("COPY docs (id, case_id, name, kind, party, content) FROM STDIN",
                                new StringReader(copy.toString()));
                        copy.setLength(0);
                        batch = 0;
                    }
                }
                if (batch > 0) {
                    copier.copyIn("COPY docs (id, case_id, name, kind, party, content) FROM STDIN",
                            new StringReader(copy.toString()));
                }
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE INDEX docs_tsv ON docs USING GIN (tsv)");
                    s.execute("CREATE INDEX docs_party_trgm ON docs USING GIN (party public.gin_trgm_ops)");
                    s.execute("ANALYZE docs");
                }
                r.docsPerSecond = corpus.size() / seconds(start);
                System.out.printf(Locale.ROOT, "PostgreSQL: loaded and indexed in %.1f s%n", seconds(start));
                String top = "SELECT id, ts_headline('simple', content, q, 'MaxFragments=3, StartSel=<mark>,"
                        + " StopSel=</mark>') AS snippet FROM (SELECT id, content, q FROM docs, %s q WHERE tsv @@ q"
                        + " ORDER BY ts_rank(tsv, q) DESC LIMIT 10) top";
                try (PreparedStatement term = c.prepareStatement(top.formatted("plainto_tsquery('simple', ?)"));
                     PreparedStatement phrase = c.prepareStatement(top.formatted("phraseto_tsquery('simple', ?)"));
                     PreparedStatement similar = c.prepareStatement("SELECT id, name FROM docs WHERE ? <% party"
                             + " ORDER BY word_similarity(?, party) DESC LIMIT 10")) {
                    r.term = latencies(terms, text -> count(term, text, 1), r.hits, 0);
                    r.phrase = latencies(phrases, text -> count(phrase, text, 1), r.hits, 1);
                    r.fuzzy = latencies(fuzzy, text -> count(similar, text, 2), r.hits, 2);
                }
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
        return r;
    }

    private static int count(PreparedStatement statement, String text, int parameters) {
        try {
            for (int i = 1; i <= parameters; i++) {
                statement.setString(i, text);
            }
            int n = 0;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rs.getString(2);
                    n++;
                }
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Query {
        int run(String text);
    }

    /** Warms up on every query once, then times each; p50 and p95 in milliseconds, mean hit count noted. */
    private static double[] latencies(List<String> queries, Query query, double[] hits, int slot) {
        queries.forEach(query::run);
        double[] ms = new double[queries.size()];
        long found = 0;
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            found += query.run(queries.get(i));
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        hits[slot] = (double) found / queries.size();
        Arrays.sort(ms);
        return new double[] {percentile(ms, 0.50), percentile(ms, 0.95)};
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static List<Doc> corpus(int n, Random random) {
        List<Doc> docs = new ArrayList<>(n);
        String caseId = UUID.randomUUID().toString();
        for (int i = 0; i < n; i++) {
            if (i % 25 == 0) {
                caseId = new UUID(random.nextLong(), random.nextLong()).toString();
            }
            String client = FIRST[random.nextInt(FIRST.length)] + " " + SURNAMES[random.nextInt(SURNAMES.length)];
            String company = COMPANIES[random.nextInt(COMPANIES.length)];
            String kind = KINDS[random.nextInt(KINDS.length)];
            String witness = FIRST[random.nextInt(FIRST.length)] + " " + SURNAMES[random.nextInt(SURNAMES.length)];
            StringBuilder text = new StringBuilder();
            text.append(Character.toUpperCase(kind.charAt(0))).append(kind.substring(1)).append(" in the ")
                    .append(MATTERS[random.nextInt(MATTERS.length)]).append(" matter of ").append(client)
                    .append(" v. ").append(company).append(". ");
            int sentences = 8 + random.nextInt(10);
            for (int s = 0; s < sentences; s++) {
                text.append(sentence(random, client, company, witness)).append(' ');
            }
            docs.add(new Doc(new UUID(random.nextLong(), random.nextLong()).toString(), caseId,
                    kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1) + " - " + client,
                    kind, text.toString().strip(), client + "; " + witness + "; " + company));
        }
        return docs;
    }

    private static String sentence(Random r, String client, String company, String witness) {
        int which = r.nextInt(BOILERPLATE.length);
        String date = (1 + r.nextInt(12)) + "/" + (1 + r.nextInt(28)) + "/" + (2019 + r.nextInt(7));
        Object[] values = switch (which) {
            case 0 -> new Object[] {client, date, company, pick(r, PLACES)};
            case 1 -> new Object[] {client, pick(r, INJURIES), 2_000 + r.nextInt(400_000)};
            case 2 -> new Object[] {pick(r, VEHICLES), company, 10 + r.nextInt(60)};
            case 3 -> new Object[] {company, 20 + r.nextInt(4000)};
            case 4 -> new Object[] {pick(r, STATES)};
            case 5 -> new Object[] {witness, pick(r, VEHICLES), pick(r, PLACES)};
            case 6 -> new Object[] {company, 5_000 + r.nextInt(900_000)};
            case 7 -> new Object[] {12 + r.nextInt(50)};
            case 8 -> new Object[] {client, pick(r, INJURIES)};
            case 9 -> new Object[] {company};
            case 10 -> new Object[] {witness, date};
            default -> new Object[] {client, pick(r, INJURIES), date};
        };
        return String.format(Locale.ROOT, BOILERPLATE[which], values);
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    /** One slip of the kind a recogniser or a typist makes: a letter swapped, dropped or doubled. */
    private static String misspell(String name, Random r) {
        int i = 1 + r.nextInt(name.length() - 2);
        return switch (r.nextInt(3)) {
            case 0 -> name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2);
            case 1 -> name.substring(0, i) + name.substring(i + 1);
            default -> name.substring(0, i) + name.charAt(i) + name.substring(i);
        };
    }

    private static String esc(String s) {
        return s == null ? "\\N" : s.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ");
    }

    private static void row(String label, double lucene, double pg) {
        System.out.printf(Locale.ROOT, "%-24s %16.2f %26.2f %19.2fx%n", label, lucene, pg, pg / lucene);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static int intArg(String[] args, String name, int otherwise) {
        return Integer.parseInt(arg(args, name, Integer.toString(otherwise)));
    }

    private static String arg(String[] args, String name, String otherwise) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return otherwise;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

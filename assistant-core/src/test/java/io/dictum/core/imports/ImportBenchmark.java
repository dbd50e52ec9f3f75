package io.dictum.core.imports;

import io.dictum.core.FirmCalendar;
import io.dictum.core.access.Actor;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.cases.CaseRepository;
import io.dictum.core.cases.PartyRepository;
import io.dictum.core.contacts.ContactRepository;
import io.dictum.core.db.TestDatabase;
import io.dictum.core.index.IndexChangeLog;
import io.dictum.core.index.IndexService;
import io.dictum.core.index.TestIndexes;
import io.dictum.core.users.Role;
import io.dictum.core.users.UserId;
import io.dictum.core.users.UserRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneId;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * A real contacts import, committing the search index after every row (as imports did) beside one commit per batch
 * of {@link ImportService#BATCH_ROWS} rows, in one run: each on a fresh H2 database and Lucene index, after a small
 * warm-up of both. Prints rows/s and the ratio. Usage (test classpath):
 * {@code java io.dictum.core.imports.ImportBenchmark [rows]} (default 5000).
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        run(200, 1, "warm-up");
        run(200, ImportService.BATCH_ROWS, "warm-up");
        double perRow = run(rows, 1, "index commit per row");
        double batched = run(rows, ImportService.BATCH_ROWS, "index commit per " + ImportService.BATCH_ROWS
                + " rows");
        System.out.printf(Locale.ROOT, "batched/per-row: %.2fx%n", batched / perRow);
        System.exit(0);
    }

    /** Imports {@code rows} new contacts; answers rows per second. */
    private static double run(int rows, int batchRows, String label) throws Exception {
        try (TestDatabase db = TestDatabase.h2(Files.createTempDirectory("dictum-import-bench-"))) {
            IndexService index = TestIndexes.open(Files.createTempDirectory("dictum-import-bench-index-"), db);
            try {
                index.start().block();
                UserId adminId = new UserId(UUID.randomUUID());
                db.client.sql("INSERT INTO users (id, username, password_hash, role, display_name, created_at)"
                        + " VALUES (:id, 'bench', 'x', 'admin', 'Bench Admin', :at)").bind("id", adminId.value())
                        .bind("at", OffsetDateTime.now()).then().block();
                Actor admin = new Actor(adminId, "bench", Role.ADMIN, Optional.empty());
                ImportService imports = new ImportService(new ImportRepository(db.client),
                        new ContactRepository(db.client), new CaseRepository(db.client),
                        new PartyRepository(db.client), new UserRepository(db.client), new IndexChangeLog(db.client),
                        index, new AuditLog(db.client, db.tx, Clock.systemUTC()), db.tx, Clock.systemUTC(),
                        new FirmCalendar(Clock.systemUTC(), ZoneId.of("America/New_York")), batchRows);
                StringBuilder csv = new StringBuilder("External ID,Name,Email,Aliases\n");
                for (int i = 0; i < rows; i++) {
                    csv.append("B-").append(i).append(",Benchmark Contact ").append(words(i)).append(",c")
                            .append(i).append("@bench.example,\n");
                }
                long start = System.nanoTime();
                ImportJob job = imports.start(admin, ImportKind.CONTACTS,
                        csv.toString().getBytes(StandardCharsets.UTF_8), "bench.csv").block();
                ImportJob done = Mono.defer(() -> imports.job(admin, job.id()))
                        .filter(j -> !ImportJob.RUNNING.equals(j.status()))
                        .repeatWhenEmpty(tries -> tries.delayElements(Duration.ofMillis(20)))
                        .block(Duration.ofHours(1));
                double seconds = (System.nanoTime() - start) / 1e9;
                int indexed = index.index().count("contact");
                double rate = done.created() / seconds;
                System.out.printf(Locale.ROOT, "%-28s %6d rows created, %6d in the index, %7.1f s, %7.1f rows/s%n",
                        label, done.created(), indexed, seconds, rate);
                if (done.created() != rows || indexed != rows) {
                    throw new IllegalStateException(label + ": expected " + rows + " contacts, created "
                            + done.created() + ", indexed " + indexed);
                }
                return rate;
            } finally {
                index.destroy();
            }
        }
    }

    /** A distinct name for row i, in letters (the import takes one contact per normalised name). */
    private static String words(int i) {
        StringBuilder out = new StringBuilder();
        String n = Integer.toString(i);
        for (char ch : n.toCharArray()) {
            out.append((char) ('a' + (ch - '0')));
        }
        return "Q" + out;
    }
}

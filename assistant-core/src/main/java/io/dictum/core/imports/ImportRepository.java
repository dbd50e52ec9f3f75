package io.dictum.core.imports;

import io.dictum.core.db.Binding;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
public class ImportRepository {

    static final String SKIPPED = "skipped";
    static final String FAILED = "failed";

    private final DatabaseClient db;

    public ImportRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insertJob(UUID id, ImportKind kind, String filename, int total, UUID createdBy, OffsetDateTime at) {
        var spec = db.sql("INSERT INTO import_jobs (id, kind, status, filename, total, processed, created, skipped,"
                        + " failed, created_by, created_at) VALUES (:id, :kind, :status, :filename, :total, 0, 0, 0, 0,"
                        + " :by, :at)")
                .bind("id", id).bind("kind", kind.id()).bind("status", ImportJob.RUNNING).bind("total", total)
                .bind("by", createdBy).bind("at", at);
        return Binding.nullable(spec, "filename", filename, String.class).then();
    }

    Mono<Void> progress(UUID id, int processed, int created, int skipped, int failed) {
        return db.sql("UPDATE import_jobs SET processed = :p, created = :c, skipped = :s, failed = :f WHERE id = :id")
                .bind("p", processed).bind("c", created).bind("s", skipped).bind("f", failed).bind("id", id)
                .then();
    }

    Mono<Void> finish(UUID id, String status, OffsetDateTime at) {
        return db.sql("UPDATE import_jobs SET status = :status, finished_at = :at WHERE id = :id")
                .bind("status", status).bind("at", at).bind("id", id).then();
    }

    Mono<Void> addRow(UUID jobId, String outcome, RowProblem problem) {
        var spec = db.sql("INSERT INTO import_job_rows (job_id, line, outcome, column_name, message)"
                        + " VALUES (:job, :line, :outcome, :column, :message)")
                .bind("job", jobId).bind("line", problem.line()).bind("outcome", outcome)
                .bind("message", problem.message().length() > 2000 ? problem.message().substring(0, 2000)
                        : problem.message());
        return Binding.nullable(spec, "column", problem.column(), String.class).then();
    }

    Mono<ImportJob> findJob(UUID id) {
        Mono<List<Map.Entry<String, RowProblem>>> rows = db.sql("SELECT line, outcome, column_name, message"
                        + " FROM import_job_rows WHERE job_id = :id ORDER BY line, outcome")
                .bind("id", id)
                .map(r -> Map.entry(r.get("outcome", String.class), new RowProblem(r.get("line", Long.class),
                        r.get("column_name", String.class), r.get("message", String.class))))
                .all().collectList();
        return db.sql("SELECT j.id, j.kind, j.status, j.filename, j.total, j.processed, j.created, j.skipped,"
                        + " j.failed, u.username, j.created_at, j.finished_at FROM import_jobs j"
                        + " LEFT JOIN users u ON u.id = j.created_by WHERE j.id = :id")
                .bind("id", id)
                .map(r -> new ImportJob(r.get("id", UUID.class), r.get("kind", String.class),
                        r.get("status", String.class), r.get("filename", String.class), r.get("total", Integer.class),
                        r.get("processed", Integer.class), r.get("created", Integer.class),
                        r.get("skipped", Integer.class), r.get("failed", Integer.class),
                        r.get("username", String.class), r.get("created_at", OffsetDateTime.class),
                        r.get("finished_at", OffsetDateTime.class), List.of(), List.of()))
                .one()
                .zipWith(rows, (job, all) -> {
                    List<RowProblem> skipped = new ArrayList<>();
                    List<RowProblem> failed = new ArrayList<>();
                    all.forEach(e -> (SKIPPED.equals(e.getKey()) ? skipped : failed).add(e.getValue()));
                    return new ImportJob(job.id(), job.kind(), job.status(), job.filename(), job.total(),
                            job.processed(), job.created(), job.skipped(), job.failed(), job.createdBy(),
                            job.createdAt(), job.finishedAt(), skipped, failed);
                });
    }

    /** The keys imported before, with what each created. */
    Mono<Map<String, UUID>> keys(ImportKind kind) {
        return db.sql("SELECT external_key, entity_id FROM import_keys WHERE kind = :kind")
                .bind("kind", kind.id())
                .map(r -> Map.entry(r.get("external_key", String.class), r.get("entity_id", UUID.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    Mono<Void> insertKey(ImportKind kind, String key, UUID entityId, UUID jobId, long line) {
        return db.sql("INSERT INTO import_keys (kind, external_key, entity_id, job_id, line)"
                        + " VALUES (:kind, :key, :entity, :job, :line)")
                .bind("kind", kind.id()).bind("key", key).bind("entity", entityId).bind("job", jobId)
                .bind("line", line)
                .then();
    }

    /** Every case number of the firm, upper case, with its case id. */
    Mono<Map<String, UUID>> caseNumbers() {
        return db.sql("SELECT id, number FROM cases")
                .map(r -> Map.entry(r.get("number", String.class).toUpperCase(Locale.ROOT), r.get("id", UUID.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}

package io.dictum.core.tasks;

import io.dictum.core.access.CaseFilter;
import io.dictum.core.cases.CaseId;
import io.dictum.core.db.Binding;
import io.dictum.core.users.UserId;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.paging.Sorting;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class TaskRepository {

    private static final String COLUMNS = "t.id, t.case_id, t.description, t.assignee_id, t.due_on, t.due_time,"
            + " t.status, t.created_by, t.created_at, t.done_at";

    private final DatabaseClient db;

    public TaskRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Task t) {
        var spec = db.sql("INSERT INTO tasks (id, case_id, description, assignee_id, due_on, due_time, status,"
                        + " created_by, created_at) VALUES (:id, :caseId, :description, :assignee, :dueOn, :dueTime,"
                        + " :status, :createdBy, :createdAt)")
                .bind("id", t.id()).bind("description", t.description()).bind("assignee", t.assigneeId().value())
                .bind("status", t.status().id()).bind("createdAt", t.createdAt());
        spec = Binding.nullable(spec, "caseId", t.caseId() == null ? null : t.caseId().value(), UUID.class);
        spec = Binding.nullable(spec, "dueOn", t.dueOn(), LocalDate.class);
        spec = Binding.nullable(spec, "dueTime", t.dueTime(), LocalTime.class);
        return Binding.nullable(spec, "createdBy", t.createdBy() == null ? null : t.createdBy().value(), UUID.class)
                .then();
    }

    public Mono<Void> setStatus(UUID id, TaskStatus status, OffsetDateTime doneAt) {
        return Binding.nullable(db.sql("UPDATE tasks SET status = :status, done_at = :doneAt WHERE id = :id")
                .bind("status", status.id()).bind("id", id), "doneAt", doneAt, OffsetDateTime.class).then();
    }

    public Mono<Task> findById(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM tasks t WHERE t.id = :id").bind("id", id)
                .map(TaskRepository::map).one();
    }

    /**
     * Tasks visible through the filter (tasks on a case follow the case's visibility; tasks on no case are seen by
     * their assignee and creator only), optionally of one assignee, case or status, soonest due first.
     */
    /** The fields a list of tasks sorts by; soonest due first (undated last) by default. */
    public static final Sorting SORTING = Sorting.of("tasks",
            "CASE WHEN t.due_on IS NULL THEN 1 ELSE 0 END, t.due_on, t.created_at", "t.id",
            "dueOn", "t.due_on", "createdAt", "t.created_at", "status", "t.status", "description",
            "LOWER(t.description)", "doneAt", "t.done_at");

    public Flux<Task> find(CaseFilter visible, UserId viewer, Optional<UserId> assignee, Optional<CaseId> caseId,
                           Optional<TaskStatus> status, PageRequest page) {
        String sql = "SELECT " + COLUMNS + from(visible, assignee, caseId, status) + SORTING.orderBy(page.sort())
                + " LIMIT :limit OFFSET :offset";
        return bind(db.sql(sql), visible, viewer, assignee, caseId, status).bind("limit", page.size())
                .bind("offset", page.offset()).map(TaskRepository::map).all();
    }

    public Mono<Long> count(CaseFilter visible, UserId viewer, Optional<UserId> assignee, Optional<CaseId> caseId,
                            Optional<TaskStatus> status) {
        return bind(db.sql("SELECT COUNT(*) AS n" + from(visible, assignee, caseId, status)), visible, viewer,
                assignee, caseId, status).map(r -> r.get("n", Long.class)).one();
    }

    private static String from(CaseFilter visible, Optional<UserId> assignee, Optional<CaseId> caseId,
                               Optional<TaskStatus> status) {
        StringBuilder sql = new StringBuilder(" FROM tasks t LEFT JOIN cases c ON c.id = t.case_id"
                + " WHERE ((t.case_id IS NULL AND (t.assignee_id = :viewer OR t.created_by = :viewer)) OR"
                + " (t.case_id IS NOT NULL AND " + visible.condition("c.id", "c.client_id") + "))");
        assignee.ifPresent(a -> sql.append(" AND t.assignee_id = :assignee"));
        caseId.ifPresent(c -> sql.append(" AND t.case_id = :caseId"));
        status.ifPresent(s -> sql.append(" AND t.status = :status"));
        return sql.toString();
    }

    private static GenericExecuteSpec bind(GenericExecuteSpec spec, CaseFilter visible, UserId viewer,
                                           Optional<UserId> assignee, Optional<CaseId> caseId,
                                           Optional<TaskStatus> status) {
        spec = visible.bind(spec.bind("viewer", viewer.value()));
        if (assignee.isPresent()) {
            spec = spec.bind("assignee", assignee.get().value());
        }
        if (caseId.isPresent()) {
            spec = spec.bind("caseId", caseId.get().value());
        }
        if (status.isPresent()) {
            spec = spec.bind("status", status.get().id());
        }
        return spec;
    }

    private static Task map(Readable r) {
        UUID caseId = r.get("case_id", UUID.class);
        UUID createdBy = r.get("created_by", UUID.class);
        return new Task(r.get("id", UUID.class), caseId == null ? null : new CaseId(caseId),
                r.get("description", String.class), new UserId(r.get("assignee_id", UUID.class)),
                r.get("due_on", LocalDate.class), r.get("due_time", LocalTime.class),
                TaskStatus.fromId(r.get("status", String.class)), createdBy == null ? null : new UserId(createdBy),
                r.get("created_at", OffsetDateTime.class), r.get("done_at", OffsetDateTime.class));
    }
}

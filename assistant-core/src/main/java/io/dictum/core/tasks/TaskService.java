package io.dictum.core.tasks;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.access.CaseFilter;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.errors.NotFoundException;
import io.dictum.core.paging.Page;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.users.User;
import io.dictum.core.users.UserId;
import io.dictum.core.users.UserService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Tasks for firm members; a task on a case is seen by whoever may see the case. */
@Service
public class TaskService {


    private final TaskRepository tasks;
    private final CaseService cases;
    private final UserService users;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    public TaskService(TaskRepository tasks, CaseService cases, UserService users, AuditLog audit,
                       TransactionalOperator tx, Clock clock) {
        this.tasks = tasks;
        this.cases = cases;
        this.users = users;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Mono<Task> create(Actor actor, NewTask request) {
        CaseAccess.requireFirmMember(actor, "create tasks");
        if (request.description() == null || request.description().isBlank()) {
            return Mono.error(new InvalidInputException("description is required: what is to be done"));
        }
        if (request.description().length() > 1000) {
            return Mono.error(new InvalidInputException("description is longer than 1000 characters"));
        }
        Mono<Optional<CaseId>> caseId = request.caseId() == null || request.caseId().isBlank()
                ? Mono.just(Optional.empty())
                : Mono.fromCallable(() -> parseCase(request.caseId())).flatMap(id -> cases.get(actor, id))
                        .map(c -> Optional.of(c.id()));
        Mono<User> assignee = request.assigneeId() == null || request.assigneeId().isBlank()
                ? users.findById(actor.userId())
                : Mono.fromCallable(() -> parseUser(request.assigneeId())).flatMap(users::findById)
                        .switchIfEmpty(Mono.error(() -> new InvalidInputException("No user with id "
                                + request.assigneeId())));
        return Mono.zip(caseId, assignee).flatMap(t -> {
            if (!t.getT2().role().isFirmMember()) {
                return Mono.error(new InvalidInputException("Tasks are for firm members, not client users."));
            }
            Task task = new Task(UUID.randomUUID(), t.getT1().orElse(null), request.description().strip(),
                    t.getT2().id(), request.dueOn(), request.dueTime(), TaskStatus.OPEN, actor.userId(),
                    OffsetDateTime.now(clock), null);
            return tasks.insert(task)
                    .then(audit.record(actor, "task.create", "task", task.id().toString(), task.caseId(),
                            task.description() + " -> " + t.getT2().username()
                                    + (task.dueOn() == null ? "" : " by " + task.dueOn())))
                    .as(tx::transactional)
                    .thenReturn(task);
        });
    }

    public Mono<Page<Task>> list(Actor actor, Optional<UserId> assignee, Optional<CaseId> caseId,
                                 Optional<TaskStatus> status, PageRequest request) {
        CaseAccess.requireFirmMember(actor, "see tasks");
        Mono<Void> visible = caseId.map(id -> cases.get(actor, id).then()).orElse(Mono.empty());
        CaseFilter filter = CaseFilter.of(actor);
        return visible.then(tasks.find(filter, actor.userId(), assignee, caseId, status, request).collectList()
                .zipWith(tasks.count(filter, actor.userId(), assignee, caseId, status),
                        (items, total) -> new Page<>(items, total, request.page(), request.size())));
    }

    public Mono<Task> setStatus(Actor actor, UUID id, TaskStatus status) {
        CaseAccess.requireFirmMember(actor, "change tasks");
        return tasks.findById(id)
                .filterWhen(t -> t.caseId() == null
                        ? Mono.just(actor.userId().equals(t.assigneeId()) || actor.userId().equals(t.createdBy()))
                        : cases.get(actor, t.caseId()).hasElement().onErrorReturn(false))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No task with id " + id + " is visible to you.")))
                .flatMap(t -> tasks.setStatus(id, status, status == TaskStatus.DONE ? OffsetDateTime.now(clock) : null)
                        .then(audit.record(actor, "task." + status.id(), "task", id.toString(), t.caseId(),
                                t.description()))
                        .as(tx::transactional)
                        .then(tasks.findById(id)));
    }

    private static CaseId parseCase(String id) {
        try {
            return CaseId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("caseId '" + id + "' is not a case id");
        }
    }

    private static UserId parseUser(String id) {
        try {
            return UserId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("assigneeId '" + id + "' is not a user id");
        }
    }
}

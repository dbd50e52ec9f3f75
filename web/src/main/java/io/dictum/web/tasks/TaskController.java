package io.dictum.web.tasks;

import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseId;
import io.dictum.core.tasks.NewTask;
import io.dictum.core.tasks.Task;
import io.dictum.core.tasks.TaskService;
import io.dictum.core.tasks.TaskStatus;
import io.dictum.core.users.UserId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import io.dictum.web.paging.PageQuery;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/tasks")
class TaskController {

    record StatusChange(TaskStatus status) {
    }

    private final TaskService tasks;

    TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    Mono<ResponseEntity<List<Task>>> list(Actor actor, @RequestParam(required = false) UserId assigneeId,
                                          @RequestParam(required = false) CaseId caseId,
                                          @RequestParam(required = false) TaskStatus status, PageQuery paging) {
        return paging.answer(p -> tasks.list(actor, Optional.ofNullable(assigneeId), Optional.ofNullable(caseId),
                Optional.ofNullable(status), p));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Task> create(Actor actor, @RequestBody NewTask request) {
        return tasks.create(actor, request);
    }

    @PatchMapping("/{id}")
    Mono<Task> setStatus(Actor actor, @PathVariable UUID id, @RequestBody StatusChange change) {
        if (change == null || change.status() == null) {
            return Mono.error(new io.dictum.core.errors.InvalidInputException("status is required: open, done or"
                    + " cancelled"));
        }
        return tasks.setStatus(actor, id, change.status());
    }
}

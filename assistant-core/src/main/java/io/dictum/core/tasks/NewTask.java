package io.dictum.core.tasks;

import java.time.LocalDate;
import java.time.LocalTime;

/** A task to create; the assignee is a user id, or the creator when absent. */
public record NewTask(String description, String assigneeId, String caseId, LocalDate dueOn, LocalTime dueTime) {
}

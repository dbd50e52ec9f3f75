package io.dictum.core.deadlines;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What re-dating a trigger did to one of its deadlines: {@code from} and {@code to} are the old and new due dates
 * ({@code from} absent for a deadline the trigger sets off now but did not before). {@code moved} is false for a
 * done deadline, which keeps its date, and for one the rule data no longer sets off; {@code note} says why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadlineChange(UUID deadlineId, String rule, String title, LocalDate from, LocalDate to,
                             DeadlineStatus status, boolean moved, String note) {
}

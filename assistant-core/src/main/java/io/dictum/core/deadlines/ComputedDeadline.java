package io.dictum.core.deadlines;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A deadline worked out from a trigger: the due date, the time as well for periods stated in hours, the citation,
 * and the working an attorney can check step by step ({@code steps}; {@code explanation} is the same as one text).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComputedDeadline(String rule, String title, LocalDate dueDate, LocalDateTime dueAt, String citation,
                               String explanation, List<String> steps, String after) {
}

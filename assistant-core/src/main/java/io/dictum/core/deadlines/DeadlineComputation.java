package io.dictum.core.deadlines;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** The answer to a {@link ComputeRequest}: the inputs as understood (the time only when one was given) and the deadlines they set. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadlineComputation(String ruleSet, String trigger, LocalDate date, LocalTime time,
                                  String serviceMethod, List<ComputedDeadline> deadlines) {
}

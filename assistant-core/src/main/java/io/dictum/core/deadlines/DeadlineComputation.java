package io.dictum.core.deadlines;

import java.time.LocalDate;
import java.util.List;

/** The answer to a {@link ComputeRequest}: the inputs as understood and the deadlines they set. */
public record DeadlineComputation(String ruleSet, String trigger, LocalDate date, String serviceMethod,
                                  List<ComputedDeadline> deadlines) {
}

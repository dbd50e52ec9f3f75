package io.dictum.core.deadlines;

import java.util.List;

/** The re-dated event, all its deadlines as they now stand, and what changed. */
public record EventChangeResult(CaseEvent event, List<DocketedDeadline> deadlines, List<DeadlineChange> changes) {
}

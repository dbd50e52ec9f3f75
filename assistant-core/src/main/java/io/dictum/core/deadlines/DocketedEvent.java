package io.dictum.core.deadlines;

import java.util.List;

/** A docketed event with the deadlines it put on the case. */
public record DocketedEvent(CaseEvent event, List<DocketedDeadline> deadlines) {
}

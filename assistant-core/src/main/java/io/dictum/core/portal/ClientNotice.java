package io.dictum.core.portal;

import io.dictum.core.cases.CaseId;
import java.util.UUID;

/** Something the client of a case should hear about: a milestone made visible to them, or a message from the firm. */
public record ClientNotice(CaseId caseId, Kind kind, UUID subjectId, String summary) {

    public enum Kind {
        MILESTONE, MESSAGE
    }
}

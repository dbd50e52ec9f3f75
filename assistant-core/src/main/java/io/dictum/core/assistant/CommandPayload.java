package io.dictum.core.assistant;

import io.dictum.core.cases.LegalCase;
import io.dictum.core.documents.Document;
import io.dictum.intents.EntityMatch;
import java.util.List;

/** The data part of a command result. Features define their own payload records by implementing this. */
public interface CommandPayload {

    record OpenedCase(LegalCase openedCase) implements CommandPayload {
    }

    record Candidates(String slot, List<EntityMatch> candidates) implements CommandPayload {
    }

    record FoundDocuments(String caseId, List<Document> documents) implements CommandPayload {
    }

    record Examples(List<String> examples) implements CommandPayload {
    }

    record Nothing() implements CommandPayload {
    }
}

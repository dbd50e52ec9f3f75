package io.dictum.core.index;

import java.util.List;

/**
 * A full-text search result: its kind ({@code case}, {@code contact}, {@code document} or {@code note}), the case it
 * belongs to (none for a contact), its title, the API path that shows it, its score (BM25, or the reciprocal-rank
 * fusion score of hybrid search), and snippets with the matched
 * words in {@code <mark>} (the rest of the snippet is escaped HTML).
 */
public record SearchHit(String kind, String id, String caseId, String title, String link, float score,
                        List<String> highlights) {

    /** A hit with the API path that shows it: a note is shown among its case's notes. */
    static SearchHit of(String kind, String id, String caseId, String title, float score, List<String> highlights) {
        String link = switch (kind) {
            case "case" -> "/api/v1/cases/" + id;
            case "contact" -> "/api/v1/contacts/" + id;
            case "document" -> "/api/v1/documents/" + id;
            case "note" -> "/api/v1/cases/" + caseId + "/notes";
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
        return new SearchHit(kind, id, caseId, title, link, score, highlights);
    }
}

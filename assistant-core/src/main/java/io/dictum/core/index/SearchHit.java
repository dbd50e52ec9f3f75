package io.dictum.core.index;

import java.util.List;

/**
 * A full-text search result: a case or a document, the case it belongs to, its title, BM25 score, and snippets with
 * the matched words in {@code <mark>} (the rest of the snippet is escaped HTML).
 */
public record SearchHit(String type, String id, String caseId, String title, float score, List<String> highlights) {
}

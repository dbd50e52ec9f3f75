package io.dictum.core.index;

/** A search result: the entity's id, the case it belongs to, and Lucene's score. */
public record IndexHit(String id, String caseId, float score) {
}

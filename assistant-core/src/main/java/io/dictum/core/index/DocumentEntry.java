package io.dictum.core.index;

/** What the index holds of a document's newest version. */
public record DocumentEntry(String id, String caseId, String name, String kind, String text) {
}

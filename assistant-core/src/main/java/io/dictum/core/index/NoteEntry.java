package io.dictum.core.index;

/** What the index holds of a case note: its text, the case it belongs to, and a label for search results. */
public record NoteEntry(String id, String caseId, String label, String text) {
}

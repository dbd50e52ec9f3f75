package io.dictum.intents;

/** A candidate entity for a spoken reference: its id, a label a person recognises, and a score in [0, 1]. */
public record EntityMatch(String id, String label, double score) {
}

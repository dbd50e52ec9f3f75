package io.dictum.intents;

/** A less likely reading of the same utterance. */
public record Alternative(Intent intent, double confidence) {
}

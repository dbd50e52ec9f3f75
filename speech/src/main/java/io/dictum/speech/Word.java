package io.dictum.speech;

/** One recognised word with its timing in seconds from the start of the audio and Vosk's confidence (0..1). */
public record Word(String word, double start, double end, double conf) {
}

package io.dictum.speech;

import java.util.List;

/** What was said in a clip: the text, its words with timings, and how long the audio was. */
public record Transcript(String text, List<Word> words, double durationSeconds) {
    public Transcript {
        words = List.copyOf(words);
    }
}

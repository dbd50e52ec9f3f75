package io.dictum.web.speech.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The stream's spoken mode switches, read from {@code stream-control.yaml}. */
record StreamControl(List<String> startDictation, List<String> stopDictation) {

    StreamControl {
        startDictation = List.copyOf(startDictation);
        stopDictation = List.copyOf(stopDictation);
    }

    static StreamControl load() {
        try (InputStream in = StreamControl.class.getResourceAsStream("stream-control.yaml")) {
            if (in == null) {
                throw new IllegalStateException("stream-control.yaml is missing from the class path");
            }
            return new ObjectMapper(new YAMLFactory()).readValue(in, StreamControl.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stream-control.yaml cannot be read", e);
        }
    }

    /** Every control phrase, for the biasing phrase list. */
    List<String> phrases() {
        List<String> all = new ArrayList<>(startDictation);
        all.addAll(stopDictation);
        return all;
    }

    /** Whether the utterance is a start phrase and nothing else. */
    boolean startsDictation(String utterance) {
        return startDictation.contains(SpokenNames.words(utterance));
    }

    /** The words said before a stop phrase that ends the utterance, or empty when it does not end with one. */
    Optional<String> beforeStop(String utterance) {
        String words = SpokenNames.words(utterance);
        for (String stop : stopDictation) {
            if (words.equals(stop)) {
                return Optional.of("");
            }
            if (words.endsWith(" " + stop)) {
                return Optional.of(words.substring(0, words.length() - stop.length() - 1));
            }
        }
        return Optional.empty();
    }
}

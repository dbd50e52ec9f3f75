package io.dictum.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every committed fixture (speech/src/test/resources/audio/fixtures.csv, made by
 * scripts/make-fixtures) is transcribed with the bundled model. Vosk's output may drift a
 * little between versions and machines, so only the words that matter are required.
 */
class SpeechFixturesTest {

    /** Words a transcript of each text must contain. */
    static final Map<String, List<String>> KEY_WORDS = Map.of(
            "open the Miller case", List.of("miller", "case"),
            "find the police report", List.of("police report"),
            "open the Johnson case", List.of("johnson", "case"),
            "open the Miller case and find the police report", List.of("miller", "case", "police report"),
            "pull up the Kowalczyk matter", List.of("pull up", "matter"),
            "", List.of());

    record Fixture(String file, String text, String voice, int sampleRate, int channels) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Fixture> fixtures() {
        List<Fixture> fixtures = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SpeechFixturesTest.class.getResourceAsStream("/audio/fixtures.csv"), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            assertThat(header).isEqualTo("file,text,voice,sample_rate,channels");
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                fixtures.add(new Fixture(f[0], f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fixtures;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void transcribesTheKeyWords(Fixture fixture) {
        AudioClip clip = AudioClip.fromWav(Wavs.resource(fixture.file()));
        assertThat(clip.sourceSampleRate()).isEqualTo(fixture.sampleRate());
        assertThat(clip.sourceChannels()).isEqualTo(fixture.channels());

        Transcript transcript = TestEngine.get().transcribe(clip);
        System.out.printf(Locale.ROOT, "%-66s -> \"%s\"%n", fixture.file(), transcript.text());

        assertThat(transcript.durationSeconds()).isEqualTo(clip.durationSeconds());
        assertSane(transcript);
        List<String> keyWords = KEY_WORDS.get(fixture.text());
        assertThat(keyWords).as("key words for '%s' (add them to KEY_WORDS)", fixture.text()).isNotNull();
        if (fixture.text().isEmpty()) {
            assertThat(transcript.text()).isEmpty();
            assertThat(transcript.words()).isEmpty();
        } else {
            for (String key : keyWords) {
                assertThat(" " + transcript.text() + " ").contains(" " + key + " ");
            }
            // the fixtures have 0.4 s of silence before the speech
            assertThat(transcript.words().get(0).start()).isCloseTo(0.4, within(0.4));
        }
    }

    /** Words in order, inside the clip, with confidences in [0, 1], and the text made of them. */
    static void assertSane(Transcript transcript) {
        double previousStart = 0;
        double previousEnd = 0;
        for (Word w : transcript.words()) {
            assertThat(w.word()).isNotBlank();
            assertThat(w.start()).isGreaterThanOrEqualTo(previousStart).isGreaterThanOrEqualTo(previousEnd - 1e-6);
            assertThat(w.end()).isGreaterThanOrEqualTo(w.start()).isLessThanOrEqualTo(transcript.durationSeconds() + 0.05);
            assertThat(w.conf()).isBetween(0.0, 1.0);
            previousStart = w.start();
            previousEnd = w.end();
        }
        assertThat(transcript.words().stream().map(Word::word).collect(Collectors.joining(" ")))
                .isEqualTo(transcript.text());
    }
}

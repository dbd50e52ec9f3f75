package io.dictum.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The engine's reserve of recognisers built ahead for new streams and given back by streams that ended. On an engine
 * of its own: the decodes here would otherwise sway the shared engine's later decodes (vosk-api#868).
 */
class RecognizerReserveTest {

    private static final PhraseList COMMANDS = PhraseList.of(List.of("open the miller case",
            "pull up the kowalczyk matter", "stop the timer"));

    private static int fill(SpeechEngine engine, PhraseList phrases) {
        int built = 0;
        while (engine.buildReady(phrases)) {
            built++;
        }
        return built;
    }

    /** The final results of one clip streamed in 0.1 s pieces and flushed. */
    private static List<StreamingRecognizer.Result> decode(StreamingRecognizer stream, String wav) {
        byte[] pcm = AudioClip.fromWav(Wavs.resource(wav)).pcm16le();
        List<StreamingRecognizer.Result> finals = new ArrayList<>();
        for (int off = 0; off < pcm.length; off += 3200) {
            StreamingRecognizer.Result r = stream.accept(Arrays.copyOfRange(pcm, off, Math.min(pcm.length, off + 3200)));
            if (r.endpoint()) {
                finals.add(r);
            }
        }
        finals.add(stream.flush());
        return finals;
    }

    private static String text(List<StreamingRecognizer.Result> finals) {
        return String.join(" ", finals.stream().map(StreamingRecognizer.Result::text).filter(t -> !t.isEmpty())
                .toList());
    }

    /** Every word lies within the clip: on this stream's timeline, whatever the recogniser heard before. */
    private static void assertTimedWithin(String wav, List<StreamingRecognizer.Result> finals) {
        double seconds = AudioClip.fromWav(Wavs.resource(wav)).durationSeconds();
        List<Word> words = finals.stream().flatMap(r -> r.words().stream()).toList();
        assertThat(words).isNotEmpty();
        assertThat(words).allSatisfy(w -> assertThat(w.start()).as(w.word()).isBetween(0.0, seconds));
    }

    @Test
    void streamsTakeReadyRecognisersGiveThemBackAndTheReserveFollowsThePhraseList() {
        String miller = "open-the-miller-case.flite-slt.16k.wav";
        String police = "find-the-police-report.flite-awb.16k.wav";
        try (SpeechEngine engine = new SpeechEngine(TestEngine.modelDirectory())) {
            assertThat(engine.lacksReady(COMMANDS)).as("no reserve is kept by default").isFalse();
            assertThat(engine.buildReady(COMMANDS)).isFalse();

            engine.keepReady(2);
            assertThat(engine.lacksReady(COMMANDS)).isTrue();
            assertThat(fill(engine, COMMANDS)).as("two open and two listening recognisers").isEqualTo(4);
            assertThat(engine.readiness()).isEqualTo(new SpeechEngine.Readiness(2, 2, 2, 0, 0, 0, 0));

            var commands = new StreamingRecognizer.Options(AudioClip.SAMPLE_RATE, List.of(), true, 0, COMMANDS);
            for (int round = 1; round <= 3; round++) {
                try (StreamingRecognizer stream = engine.openStream(commands)) {
                    assertThat(engine.readiness().taken()).isEqualTo(2L * round);
                    List<StreamingRecognizer.Result> finals = decode(stream, miller);
                    assertThat(text(finals)).as("round %d", round).isEqualTo("open the miller case");
                    assertTimedWithin(miller, finals);
                }
                assertThat(engine.readiness()).as("both given back after round %d", round)
                        .isEqualTo(new SpeechEngine.Readiness(2, 2, 2, 2L * round, 0, 2L * round, 0));
            }
            for (int round = 1; round <= 2; round++) {
                try (StreamingRecognizer open = engine.openStream(StreamingRecognizer.Options.defaults())) {
                    List<StreamingRecognizer.Result> finals = decode(open, police);
                    assertThat(text(finals)).contains("police report");
                    assertTimedWithin(police, finals);
                }
            }
            assertThat(engine.readiness()).isEqualTo(new SpeechEngine.Readiness(2, 2, 2, 8, 0, 8, 0));

            // the firm's names changed: the list is a new one, and the old list's recognisers are freed
            PhraseList renamed = PhraseList.of(List.of("open the miller case", "open the garcia case"));
            assertThat(fill(engine, renamed)).as("two for the new list").isEqualTo(2);
            try (StreamingRecognizer stale = engine.openStream(commands)) {
                assertThat(engine.readiness()).as("a stream on the old list builds its own listening recogniser")
                        .isEqualTo(new SpeechEngine.Readiness(2, 1, 2, 9, 1, 8, 0));
                assertThat(text(decode(stale, "pull-up-the-kowalczyk-matter.flite-rms.16k.wav")))
                        .isEqualTo("pull up the kowalczyk matter");
            }
            assertThat(engine.readiness()).as("the open one is given back, the old list's one freed")
                    .isEqualTo(new SpeechEngine.Readiness(2, 2, 2, 9, 1, 9, 1));

            engine.keepReady(0);
            assertThat(engine.readiness()).isEqualTo(new SpeechEngine.Readiness(0, 0, 0, 9, 1, 9, 1));
            assertThat(engine.buildReady(renamed)).isFalse();
            try (StreamingRecognizer unkept = engine.openStream(commands)) {
                assertThat(text(decode(unkept, miller))).isEqualTo("open the miller case");
            }
            assertThat(engine.readiness()).as("nothing is kept without a reserve")
                    .isEqualTo(new SpeechEngine.Readiness(0, 0, 0, 9, 1, 9, 3));
            engine.keepReady(1);
            assertThat(fill(engine, renamed)).isEqualTo(2);
        }
    }

    @Test
    void aClosedEngineBuildsNothingAndFreesItsReserve() {
        SpeechEngine engine = new SpeechEngine(TestEngine.modelDirectory());
        engine.keepReady(1);
        assertThat(fill(engine, COMMANDS)).isEqualTo(2);
        StreamingRecognizer stream = engine.openStream(new StreamingRecognizer.Options(AudioClip.SAMPLE_RATE,
                List.of(), true, 0, COMMANDS));
        engine.close();
        assertThat(engine.readiness()).isEqualTo(new SpeechEngine.Readiness(1, 0, 0, 2, 0, 0, 0));
        stream.close();
        assertThat(engine.readiness().givenBack()).as("a stream ending after the engine frees its recognisers")
                .isZero();
        assertThat(engine.readiness().freed()).isEqualTo(2);
        assertThat(engine.lacksReady(COMMANDS)).isFalse();
        assertThat(engine.buildReady(COMMANDS)).isFalse();
    }
}

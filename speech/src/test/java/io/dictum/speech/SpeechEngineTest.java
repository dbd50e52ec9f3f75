package io.dictum.speech;

import static io.dictum.speech.SpeechFixturesTest.assertSane;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechEngineTest {

    private static final String MILLER = "open-the-miller-case.flite-slt.16k.wav";
    private static final String POLICE = "find-the-police-report.flite-awb.16k.wav";
    private static final List<String> COMMANDS = List.of("open the Miller case", "open the Johnson case",
            "find the police report");

    private final SpeechEngine engine = TestEngine.get();

    @Test
    void silenceGivesAnEmptyTranscript() {
        AudioClip silence = AudioClip.fromPcm16(new short[16_000 * 3], 16_000);

        Transcript transcript = engine.transcribe(silence);

        assertThat(transcript.text()).isEmpty();
        assertThat(transcript.words()).isEmpty();
        assertThat(transcript.durationSeconds()).isEqualTo(3.0);
    }

    @Test
    void anEmptyClipGivesAnEmptyTranscript() {
        Transcript transcript = engine.transcribe(AudioClip.fromPcm16(new short[0], 16_000));
        assertThat(transcript.text()).isEmpty();
        assertThat(transcript.durationSeconds()).isZero();
    }

    @Test
    void quietNoiseIsNotTakenForWords() {
        short[] noise = new short[16_000 * 2];
        Random random = new Random(7);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (short) Math.round(random.nextGaussian() * 30);
        }
        assertThat(engine.transcribe(AudioClip.fromPcm16(noise, 16_000)).words()).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void collectsEveryUtteranceOfALongClipWithTimesFromItsStart() {
        short[] miller = clip(MILLER).samples();
        short[] police = clip(POLICE).samples();
        short[] pause = new short[16_000 * 2];
        short[] all = concat(miller, pause, police);

        Transcript transcript = engine.transcribe(AudioClip.fromPcm16(all, 16_000));

        assertSane(transcript);
        assertThat(transcript.text()).contains("miller case").contains("police report");
        assertThat(transcript.text().indexOf("miller")).isLessThan(transcript.text().indexOf("police"));
        double secondStart = (miller.length + pause.length) / 16_000.0;
        Word police1 = transcript.words().stream().filter(w -> w.word().equals("police")).findFirst().orElseThrow();
        assertThat(police1.start()).isGreaterThan(secondStart);
        Word miller1 = transcript.words().stream().filter(w -> w.word().equals("miller")).findFirst().orElseThrow();
        assertThat(miller1.end()).isLessThan(miller.length / 16_000.0);
    }

    @Test
    void phrasesRestrictTheVocabulary() {
        Transcript miller = engine.transcribe(clip(MILLER), COMMANDS);
        assertThat(miller.text()).isEqualTo("open the miller case");
        assertSane(miller);

        Transcript police = engine.transcribe(clip(POLICE), List.of("open the Johnson case", "stop the timer"));
        assertThat(police.text()).doesNotContain("police").contains("[unk]");
    }

    @Test
    void phrasesAreNormalisedAndAnEmptyListMeansNoRestriction() {
        String free = engine.transcribe(clip(POLICE)).text();
        assertThat(engine.transcribe(clip(POLICE), List.of()).text()).isEqualTo(free);
        assertThat(engine.transcribe(clip(POLICE), Arrays.asList(" ", null)).text()).isEqualTo(free);
        assertThat(engine.transcribe(clip(POLICE), null).text()).isEqualTo(free);
        assertThat(engine.transcribe(clip(POLICE), List.of("  FIND the   Police report ", "[unk]")).text())
                .isEqualTo("find the police report");
    }

    @Test
    void concurrentTranscriptionsGiveTheSameResultsAsOneAtATime() throws Exception {
        // one clip of each source rate and layout, plus silence: 4 threads x 6 clips
        List<String> files = List.of(MILLER, POLICE,
                "open-the-miller-case.flite-kal16.44k-stereo.wav",
                "find-the-police-report.flite-slt.8k.wav",
                "open-the-johnson-case.espeak-en-gb.16k.wav",
                "silence.16k.wav");
        Map<String, AudioClip> clips = new HashMap<>();
        Map<String, String> expected = new HashMap<>();
        for (String file : files) {
            clips.put(file, clip(file));
            expected.put(file, engine.transcribe(clips.get(file)).text());
        }

        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Map<String, String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<String> order = new ArrayList<>(files);
                Collections.shuffle(order, new Random(t));
                Callable<Map<String, String>> worker = () -> {
                    start.await();
                    Map<String, String> texts = new HashMap<>();
                    for (String file : order) {
                        Transcript transcript = engine.transcribe(clips.get(file));
                        assertSane(transcript);
                        texts.put(file, transcript.text());
                    }
                    return texts;
                };
                results.add(pool.submit(worker));
            }
            start.countDown();
            for (Future<Map<String, String>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClosedEngineRefusesWork() {
        SpeechEngine own = new SpeechEngine(TestEngine.modelDirectory());
        assertThat(own.modelDirectory()).isAbsolute();
        assertThat(own.transcribe(clip(MILLER)).text()).contains("miller");

        own.close();
        own.close();

        assertThatThrownBy(() -> own.transcribe(clip(MILLER)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aMissingOrBrokenModelDirectoryIsReported(@TempDir Path temp) throws Exception {
        assertThatThrownBy(() -> new SpeechEngine(temp.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist");
        Path notAModel = Files.createDirectories(temp.resolve("empty"));
        assertThatThrownBy(() -> new SpeechEngine(notAModel))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Vosk could not load a model")
                .hasMessageContaining("am/, conf/, graph/");
    }

    private static AudioClip clip(String name) {
        return AudioClip.fromWav(Wavs.resource(name));
    }

    private static short[] concat(short[]... parts) {
        int n = 0;
        for (short[] p : parts) {
            n += p.length;
        }
        short[] all = new short[n];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}

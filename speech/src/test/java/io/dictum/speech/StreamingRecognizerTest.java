package io.dictum.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class StreamingRecognizerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Feeds the audio in pieces of {@code chunk} bytes, then flushes; answers every result. */
    private static List<StreamingRecognizer.Result> stream(StreamingRecognizer stream, byte[] pcm, int chunk) {
        List<StreamingRecognizer.Result> results = new ArrayList<>();
        for (int off = 0; off < pcm.length; off += chunk) {
            results.add(stream.accept(Arrays.copyOfRange(pcm, off, Math.min(pcm.length, off + chunk))));
        }
        results.add(stream.flush());
        return results;
    }

    private static String finalText(List<StreamingRecognizer.Result> results) {
        StringBuilder text = new StringBuilder();
        for (StreamingRecognizer.Result r : results) {
            if (r.endpoint() && !r.text().isEmpty()) {
                text.append(text.length() > 0 ? " " : "").append(r.text());
            }
        }
        return text.toString();
    }

    @Test
    void partialsThenAFinalResultWithWordTimesFromTheStartOfTheStream() throws Exception {
        AudioClip clip = AudioClip.fromWav(Wavs.resource("open-the-miller-case-and-find-the-police-report.flite-rms.16k.wav"));
        try (StreamingRecognizer stream = TestEngine.get().openStream(StreamingRecognizer.Options.defaults())) {
            List<StreamingRecognizer.Result> results = stream(stream, clip.pcm16le(), 3200);
            assertThat(results).anyMatch(r -> !r.endpoint() && !r.text().isEmpty());
            assertThat(finalText(results)).contains("police report");
            StreamingRecognizer.Result last = results.stream().filter(r -> r.endpoint() && !r.text().isEmpty())
                    .reduce((a, b) -> b).orElseThrow();
            JsonNode json = JSON.readTree(last.json());
            assertThat(json.has("text")).isTrue();
            assertThat(json.get("result").size()).isEqualTo(last.words().size()).isPositive();
            for (Word w : last.words()) {
                assertThat(w.start()).isBetween(0.0, clip.durationSeconds());
                assertThat(w.end()).isBetween(w.start(), clip.durationSeconds() + 0.05);
            }
            assertThat(stream.secondsReceived()).isEqualTo(clip.durationSeconds());
            JsonNode partial = JSON.readTree(results.get(0).json());
            assertThat(partial.has("partial")).isTrue();
        }
    }

    @Test
    void aStreamAtItsOwnRateIsResampledByTheRecogniser() {
        byte[] wav = Wavs.resource("open-the-miller-case.flite-kal.8k.wav");
        byte[] pcm8k = Arrays.copyOfRange(wav, 44, wav.length - (wav.length - 44) % 2);
        try (StreamingRecognizer stream = TestEngine.get().openStream(
                new StreamingRecognizer.Options(8000, List.of(), true, 0))) {
            assertThat(finalText(stream(stream, pcm8k, 1600))).contains("case");
        }
    }

    @Test
    void flushGoesOnWithTheSameRecogniserAndAlternativesUseVosksFormat() throws Exception {
        byte[] pcm = AudioClip.fromWav(Wavs.resource("find-the-police-report.flite-awb.16k.wav")).pcm16le();
        try (StreamingRecognizer stream = TestEngine.get().openStream(
                new StreamingRecognizer.Options(16000, List.of(), true, 3))) {
            assertThat(finalText(stream(stream, pcm, 8000))).contains("police");
            List<StreamingRecognizer.Result> again = stream(stream, pcm, 8000);
            assertThat(finalText(again)).contains("police");
            JsonNode last = JSON.readTree(again.get(again.size() - 1).json());
            assertThat(last.has("alternatives")).isTrue();
        }
    }

    @Test
    void grammarModeAnswersOnlyThePhrasesWordsOrUnk() {
        byte[] pcm = AudioClip.fromWav(Wavs.resource("open-the-miller-case.flite-slt.16k.wav")).pcm16le();
        try (StreamingRecognizer stream = TestEngine.get().openStream(new StreamingRecognizer.Options(16000,
                List.of("open the miller case", "find the police report"), true, 0))) {
            for (String word : finalText(stream(stream, pcm, 4000)).split(" ")) {
                assertThat(word).isIn("open", "the", "miller", "case", "find", "police", "report", "[unk]");
            }
        }
    }

    @Test
    void badInputIsRefusedAndAClosedStreamStaysClosed() {
        assertThatThrownBy(() -> new StreamingRecognizer.Options(1000, List.of(), true, 0))
                .isInstanceOf(InvalidAudioException.class).hasMessageContaining("1000 Hz");
        StreamingRecognizer stream = TestEngine.get().openStream(StreamingRecognizer.Options.defaults());
        assertThatThrownBy(() -> stream.accept(new byte[3])).isInstanceOf(InvalidAudioException.class)
                .hasMessageContaining("even number");
        assertThat(stream.accept(new byte[0]).endpoint()).isFalse();
        stream.close();
        stream.close();
        assertThat(stream.isClosed()).isTrue();
        assertThatThrownBy(() -> stream.accept(new byte[2])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFlushBeforeAnyAudioIsAnEmptyFinalResult() {
        try (StreamingRecognizer stream = TestEngine.get().openStream(StreamingRecognizer.Options.defaults())) {
            StreamingRecognizer.Result r = stream.flush();
            assertThat(r.endpoint()).isTrue();
            assertThat(r.text()).isEmpty();
        }
    }

    private static final List<String> BIAS = List.of("open the miller case", "pull up the kowalczyk matter",
            "open the johnson case", "stop the timer", "start dictation");

    @Test
    void biasPhrasesWinWhenTheyExplainTheUtteranceAndAlignWithTheStream() throws Exception {
        AudioClip clip = AudioClip.fromWav(Wavs.resource("open-the-johnson-case.espeak-en-gb.16k.wav"));
        try (StreamingRecognizer stream = TestEngine.get().openStream(
                new StreamingRecognizer.Options(AudioClip.SAMPLE_RATE, List.of(), true, 0, BIAS))) {
            assertThat(stream.biasing()).isTrue();
            List<StreamingRecognizer.Result> results = stream(stream, clip.pcm16le(), 3200);
            StreamingRecognizer.Result last = results.stream().filter(r -> r.endpoint() && !r.text().isEmpty())
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(last.biased()).isTrue();
            assertThat(last.text()).isEqualTo("open the johnson case");
            JsonNode json = JSON.readTree(last.json());
            assertThat(json.get("text").asText()).isEqualTo("open the johnson case");
            for (Word w : last.words()) {
                assertThat(w.start()).isBetween(0.0, clip.durationSeconds());
                assertThat(w.end()).isBetween(w.start(), clip.durationSeconds() + 0.05);
            }
        }
    }

    @Test
    void speechThatIsNotOnThePhraseListFallsThroughToTheOpenReading() {
        AudioClip clip = AudioClip.fromWav(Wavs.resource("find-the-police-report.flite-awb.16k.wav"));
        try (StreamingRecognizer stream = TestEngine.get().openStream(
                new StreamingRecognizer.Options(AudioClip.SAMPLE_RATE, List.of(), true, 0, BIAS))) {
            List<StreamingRecognizer.Result> results = stream(stream, clip.pcm16le(), 3200);
            assertThat(finalText(results)).contains("police report");
            assertThat(results).noneMatch(StreamingRecognizer.Result::biased);
        }
    }

    @Test
    void biasingCanBeSwitchedOffForDictationAndOnAgain() {
        AudioClip clip = AudioClip.fromWav(Wavs.resource("open-the-miller-case.flite-slt.16k.wav"));
        try (StreamingRecognizer stream = TestEngine.get().openStream(
                new StreamingRecognizer.Options(AudioClip.SAMPLE_RATE, List.of(), true, 0, BIAS))) {
            stream.biasing(false);
            assertThat(stream(stream, clip.pcm16le(), 3200)).noneMatch(StreamingRecognizer.Result::biased);
            stream.biasing(true);
            List<StreamingRecognizer.Result> again = stream(stream, clip.pcm16le(), 3200);
            assertThat(again).anyMatch(StreamingRecognizer.Result::biased);
            assertThat(finalText(again)).isEqualTo("open the miller case");
        }
    }

    @Test
    void aListedPhraseCostsNoOpenDecodingAndLaterFreeSpeechStaysOnTheStreamsTimeline() {
        AudioClip listed = AudioClip.fromWav(Wavs.resource("open-the-miller-case.flite-slt.16k.wav"));
        AudioClip free = AudioClip.fromWav(Wavs.resource("find-the-police-report.flite-awb.16k.wav"));
        try (StreamingRecognizer stream = TestEngine.get().openStream(
                new StreamingRecognizer.Options(AudioClip.SAMPLE_RATE, List.of(), true, 0, BIAS))) {
            List<StreamingRecognizer.Result> first = stream(stream, listed.pcm16le(), 3200);
            assertThat(finalText(first)).isEqualTo("open the miller case");
            assertThat(first).anyMatch(StreamingRecognizer.Result::biased);
            assertThat(stream.openSecondsDecoded()).as("the open recogniser did not decode the listed phrase")
                    .isZero();

            List<StreamingRecognizer.Result> second = stream(stream, free.pcm16le(), 3200);
            assertThat(finalText(second)).contains("police report");
            assertThat(stream.openSecondsDecoded()).as("off-list speech is decoded openly")
                    .isGreaterThanOrEqualTo(free.durationSeconds() * 0.9);
            assertWordsTimedAfter(listed, free, second);
            // partials came from the phrase list and never show its unknown-word marker
            assertThat(second).filteredOn(r -> !r.endpoint()).noneMatch(r -> r.text().contains("[unk]"));
        }
    }

    @Test
    void aPatternSaidFromItsPiecesCostsNoOpenDecodingLikeAWholePhrase() {
        AudioClip clip = AudioClip.fromWav(Wavs.resource("pull-up-the-kowalczyk-matter.flite-rms.16k.wav"));
        List<String> pieces = List.of("pull up the", "open the", "kowalczyk", "miller", "matter", "case");
        PhrasePieces pullUp = new PhrasePieces(List.of(List.of("pull up the"), List.of("kowalczyk", "miller"),
                List.of("matter")));
        for (boolean withPattern : new boolean[] {true, false}) {
            PhraseList bias = PhraseList.of(pieces, withPattern ? List.of(pullUp) : List.of());
            try (StreamingRecognizer stream = TestEngine.get().openStream(
                    new StreamingRecognizer.Options(AudioClip.SAMPLE_RATE, List.of(), true, 0, bias))) {
                List<StreamingRecognizer.Result> results = stream(stream, clip.pcm16le(), 3200);
                assertThat(finalText(results)).isEqualTo("pull up the kowalczyk matter");
                if (withPattern) {
                    assertThat(results).anyMatch(StreamingRecognizer.Result::biased);
                    assertThat(stream.openSecondsDecoded()).as("the pattern's pieces in order are a listed command")
                            .isZero();
                } else {
                    assertThat(stream.openSecondsDecoded()).as("a chain of pieces alone needs the open reading")
                            .isGreaterThan(clip.durationSeconds() / 2);
                }
            }
        }
    }

    /**
     * On an engine of its own: decodes with a shared model leave traces in the model that sway later decodes a
     * little (vosk-api#868), and this test decodes more openly than the others expect.
     */
    @Test
    void decodingAheadInSpareTimeChangesNoChoiceAndKeepsTheStreamsTimeline() {
        AudioClip listed = AudioClip.fromWav(Wavs.resource("open-the-miller-case.flite-slt.16k.wav"));
        AudioClip free = AudioClip.fromWav(Wavs.resource("find-the-police-report.flite-awb.16k.wav"));
        try (SpeechEngine engine = new SpeechEngine(TestEngine.modelDirectory());
             StreamingRecognizer stream = engine.openStream(
                new StreamingRecognizer.Options(AudioClip.SAMPLE_RATE, List.of(), true, 0, BIAS))) {
            List<StreamingRecognizer.Result> first = streamDecodingAhead(stream, listed.pcm16le(), 3200);
            assertThat(finalText(first)).isEqualTo("open the miller case");
            assertThat(first).anyMatch(StreamingRecognizer.Result::biased);
            assertThat(stream.openSecondsDecoded()).as("the open recogniser used the spare time")
                    .isGreaterThan(listed.durationSeconds() / 2);

            List<StreamingRecognizer.Result> second = streamDecodingAhead(stream, free.pcm16le(), 3200);
            assertThat(finalText(second)).contains("police report");
            assertThat(second).noneMatch(StreamingRecognizer.Result::biased);
            assertWordsTimedAfter(listed, free, second);
            assertThat(stream.decodeAhead(1)).as("nothing is left to decode ahead after an utterance").isZero();
        }
    }

    /** The final results' words of the second clip lie on the stream's timeline, after the first clip. */
    private static void assertWordsTimedAfter(AudioClip first, AudioClip second,
                                              List<StreamingRecognizer.Result> results) {
        List<Word> words = results.stream().filter(StreamingRecognizer.Result::endpoint)
                .flatMap(r -> r.words().stream()).toList();
        assertThat(words).isNotEmpty();
        for (Word w : words) {
            assertThat(w.start()).as(w.word() + " is timed after the first clip, on the stream's timeline")
                    .isBetween(first.durationSeconds(), first.durationSeconds() + second.durationSeconds());
        }
    }

    /** Like {@link #stream}, letting the open recogniser decode ahead a little after every piece. */
    private static List<StreamingRecognizer.Result> streamDecodingAhead(StreamingRecognizer stream, byte[] pcm,
                                                                       int chunk) {
        List<StreamingRecognizer.Result> results = new ArrayList<>();
        for (int off = 0; off < pcm.length; off += chunk) {
            results.add(stream.accept(Arrays.copyOfRange(pcm, off, Math.min(pcm.length, off + chunk))));
            stream.decodeAhead(0.05);
        }
        results.add(stream.flush());
        return results;
    }

    @Test
    void agreementCountsTheBiasedWordsThatTheOpenReadingAlsoHeard() {
        assertThat(StreamingRecognizer.agreement("pull up johnson versus acme", "full of johnson version irk me"))
                .isEqualTo(0.6);
        assertThat(StreamingRecognizer.agreement("file for luis rivera", "find the police report")).isZero();
        assertThat(StreamingRecognizer.agreement("open the miller case", "")).isZero();
    }
}

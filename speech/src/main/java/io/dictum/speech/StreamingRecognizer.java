package io.dictum.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.vosk.Recognizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One live audio stream decoded as it arrives, with one Vosk recogniser for the stream's life.
 *
 * <p>Feed 16-bit little-endian mono PCM at the stream's sample rate with {@link #accept(byte[])}: each call
 * answers either a partial result (speech goes on) or, when Vosk detects the end of an utterance, a final one.
 * {@link #flush()} ends the current utterance now (at the end of the stream, or when the client asks for a
 * reset) and the stream goes on. Results are Vosk's JSON, compact, with word times in seconds from the start of
 * the stream.
 *
 * <p>Calls block for about a tenth of the audio's duration: run them off the event loop. They are serialised
 * on this object, so {@link #close()} from another thread waits for a running call and never frees the native
 * recogniser under it. Calls after {@code close()} fail with {@link IllegalStateException}.
 */
public final class StreamingRecognizer implements AutoCloseable {

    /** Silence fed before the first audio: Vosk tends to drop a word that starts at the very first sample. */
    static final double LEAD_IN_SECONDS = 0.3;
    public static final int MAX_ALTERNATIVES = 10;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Result EMPTY_PARTIAL = new Result(false, "{\"partial\":\"\"}", "", List.of());

    /**
     * How to decode a stream.
     *
     * @param sampleRate      the rate of the PCM that will be fed, 8 to 48 kHz; it is resampled to 16 kHz
     * @param phrases         restrict recognition to these phrases' words (grammar mode, {@code [unk]} for others);
     *                        empty for the full vocabulary
     * @param words           whether final results carry per-word times and confidences
     * @param maxAlternatives 0 for one result; otherwise Vosk's n-best format ({@code alternatives}), at most 10
     */
    public record Options(int sampleRate, List<String> phrases, boolean words, int maxAlternatives) {
        public Options {
            if (sampleRate < AudioClip.MIN_SOURCE_RATE || sampleRate > AudioClip.MAX_SOURCE_RATE) {
                throw new InvalidAudioException("The sample rate " + sampleRate + " Hz is not supported; send 16-bit"
                        + " PCM at 8000 to 48000 Hz (16000 is best).");
            }
            phrases = phrases == null ? List.of() : List.copyOf(phrases);
            maxAlternatives = Math.max(0, Math.min(MAX_ALTERNATIVES, maxAlternatives));
        }

        public static Options defaults() {
            return new Options(AudioClip.SAMPLE_RATE, List.of(), true, 0);
        }
    }

    /**
     * One answer of the recogniser.
     *
     * @param endpoint true for a final result (an utterance ended), false for a partial one
     * @param json     Vosk's JSON: {@code {"partial":"..."}}, {@code {"text":"...","result":[...]}} or, with
     *                 alternatives, {@code {"alternatives":[...]}}
     * @param text     the (best) text, never null; may contain {@code [unk]} in grammar mode
     * @param words    the best result's words (final results with words enabled), else empty
     */
    public record Result(boolean endpoint, String json, String text, List<Word> words) {
        public Result {
            words = List.copyOf(words);
        }
    }

    private final SpeechEngine engine;
    private final Options options;
    private final Recognizer recognizer;
    private final double leadIn;
    private final StreamResampler resampler;
    private boolean started;
    private boolean closed;
    private long bytesReceived;
    private Result lastPartial;

    StreamingRecognizer(SpeechEngine engine, Options options, Recognizer recognizer) {
        this.engine = engine;
        this.options = options;
        this.recognizer = recognizer;
        this.leadIn = LEAD_IN_SECONDS;
        this.resampler = options.sampleRate() == AudioClip.SAMPLE_RATE ? null
                : new StreamResampler(options.sampleRate(), AudioClip.SAMPLE_RATE);
        recognizer.setWords(options.words());
        if (options.maxAlternatives() > 0) {
            recognizer.setMaxAlternatives(options.maxAlternatives());
        }
    }

    public Options options() {
        return options;
    }

    /** Seconds of audio fed so far (without the lead-in). */
    public synchronized double secondsReceived() {
        return bytesReceived / 2.0 / options.sampleRate();
    }

    /**
     * Feeds a piece of audio: 16-bit little-endian mono samples at the stream's rate. An empty piece is allowed.
     *
     * @throws InvalidAudioException when the byte count is odd
     * @throws IllegalStateException after {@link #close()} or when the engine was closed
     */
    public synchronized Result accept(byte[] pcm16le) {
        return accept(pcm16le, true);
    }

    /**
     * Like {@link #accept(byte[])}; with {@code freshPartial} false a partial answer repeats the previous partial
     * text instead of asking Vosk again (a partial traceback costs about as much as decoding a short frame). For a
     * caller that is behind: when more audio is already waiting, nobody will see this partial anyway.
     */
    public synchronized Result accept(byte[] pcm16le, boolean freshPartial) {
        Objects.requireNonNull(pcm16le, "pcm16le");
        if (pcm16le.length % 2 != 0) {
            throw new InvalidAudioException("16-bit PCM needs an even number of bytes, got " + pcm16le.length + ".");
        }
        checkOpen();
        return engine.whileOpen(() -> {
            leadIn();
            bytesReceived += pcm16le.length;
            boolean endpoint = feed(pcm16le);
            if (endpoint) {
                lastPartial = EMPTY_PARTIAL;
                return parse(true, recognizer.getResult());
            }
            if (freshPartial || lastPartial == null) {
                lastPartial = parse(false, recognizer.getPartialResult());
            }
            return lastPartial;
        });
    }

    /** Ends the current utterance and answers its final result (empty text when nothing was said); goes on. */
    public synchronized Result flush() {
        checkOpen();
        return engine.whileOpen(() -> {
            if (!started) {
                return parse(true, "{\"text\":\"\"}");
            }
            lastPartial = EMPTY_PARTIAL;
            return parse(true, recognizer.getFinalResult());
        });
    }

    /** Frees the native recogniser, waiting for a call in progress. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            recognizer.close();
        }
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The stream's recogniser has been closed");
        }
    }

    private void leadIn() {
        if (!started) {
            started = true;
            int samples = (int) Math.round(AudioClip.SAMPLE_RATE * leadIn);
            recognizer.acceptWaveForm(new byte[samples * 2], samples * 2);
        }
    }

    /** Feeds the recogniser at 16 kHz; true at an endpoint. */
    private boolean feed(byte[] pcm16le) {
        if (pcm16le.length == 0) {
            return false;
        }
        if (resampler == null) {
            return recognizer.acceptWaveForm(pcm16le, pcm16le.length);
        }
        short[] samples = new short[pcm16le.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((pcm16le[2 * i] & 0xFF) | (pcm16le[2 * i + 1] << 8));
        }
        short[] resampled = resampler.accept(samples);
        return resampled.length > 0 && recognizer.acceptWaveForm(resampled, resampled.length);
    }

    /** Reads Vosk's JSON, moves word times back by the lead-in and writes it compactly. */
    private Result parse(boolean endpoint, String voskJson) {
        JsonNode node;
        try {
            node = JSON.readTree(voskJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Vosk returned unreadable JSON: " + voskJson, e);
        }
        if (!(node instanceof ObjectNode result)) {
            throw new IllegalStateException("Vosk returned unexpected JSON: " + voskJson);
        }
        if (!endpoint) {
            String partial = result.path("partial").asText("");
            ObjectNode out = JSON.createObjectNode().put("partial", partial);
            return new Result(false, out.toString(), partial, List.of());
        }
        JsonNode best = result;
        if (result.has("alternatives")) {
            for (JsonNode alternative : result.path("alternatives")) {
                shift(alternative.path("result"));
            }
            best = result.path("alternatives").path(0);
        } else {
            shift(result.path("result"));
            if (!result.has("text")) {
                result.put("text", "");
            }
        }
        List<Word> words = new ArrayList<>();
        for (JsonNode w : best.path("result")) {
            words.add(new Word(w.path("word").asText(), w.path("start").asDouble(), w.path("end").asDouble(),
                    w.path("conf").asDouble(1.0)));
        }
        return new Result(true, result.toString(), best.path("text").asText("").strip(), words);
    }

    private void shift(JsonNode words) {
        for (JsonNode w : words) {
            if (w instanceof ObjectNode word) {
                for (String field : new String[] {"start", "end"}) {
                    if (word.has(field)) {
                        double t = Math.max(0, word.get(field).asDouble() - leadIn);
                        word.put(field, Math.round(t * 1_000_000) / 1_000_000.0);
                    }
                }
            }
        }
    }
}

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
 * <p>With {@linkplain Options#bias() bias phrases} (command mode), a second recogniser restricted to those
 * phrases plus {@code [unk]} hears the same audio. Vosk's grammar decoding is several times cheaper than open
 * decoding, and it can only produce the phrases given, so a known name is heard as itself instead of a
 * sound-alike. At each endpoint the phrase-list reading wins when it explains the whole utterance (no
 * {@code [unk]}) with enough confidence; anything else (a note, a search) falls through to the open reading.
 * Partials and endpoints always come from the open recogniser.
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
    private static final Result EMPTY_PARTIAL = new Result(false, "{\"partial\":\"\"}", "", List.of(), false);
    private static final String UNKNOWN = "[unk]";
    /** Below this mean word confidence the phrase-list reading is a forced fit, and the open reading is kept. */
    static final double MIN_BIAS_CONFIDENCE = 0.75;
    /**
     * The share of the phrase-list reading's words that the open reading must have heard too (the same word, or one
     * spelt nearly alike). Speech that is not on the list ("take a note: ...") is still forced onto the nearest
     * listed phrase, but that phrase then shares almost no words with what the open recogniser heard.
     */
    static final double MIN_AGREEMENT = 0.4;

    /**
     * How to decode a stream.
     *
     * @param sampleRate      the rate of the PCM that will be fed, 8 to 48 kHz; it is resampled to 16 kHz
     * @param phrases         restrict recognition to these phrases' words (grammar mode, {@code [unk]} for others);
     *                        empty for the full vocabulary
     * @param words           whether final results carry per-word times and confidences
     * @param maxAlternatives 0 for one result; otherwise Vosk's n-best format ({@code alternatives}), at most 10
     * @param bias            phrases that a second, grammar-restricted recogniser listens for beside the open one
     *                        (see the class comment); empty for none. Ignored with {@code phrases} or alternatives.
     */
    public record Options(int sampleRate, List<String> phrases, boolean words, int maxAlternatives,
                          List<String> bias) {
        public Options(int sampleRate, List<String> phrases, boolean words, int maxAlternatives) {
            this(sampleRate, phrases, words, maxAlternatives, List.of());
        }

        public Options {
            bias = bias == null ? List.of() : List.copyOf(bias);
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

        /** Whether a biasing recogniser runs: bias phrases given, and no grammar or n-best asked for by the client. */
        public boolean biased() {
            return !bias.isEmpty() && phrases.isEmpty() && maxAlternatives == 0;
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
     * @param biased   whether a final result is the bias phrase list's reading rather than the open one
     * @param spotted  when only spotting phrases ({@link #listenFor} without replacing): the phrase-list reading
     *                 of the utterance, times on the stream's timeline ({@code [unk]} for other words); else empty
     */
    public record Result(boolean endpoint, String json, String text, List<Word> words, boolean biased,
                         List<Word> spotted) {
        public Result {
            words = List.copyOf(words);
            spotted = List.copyOf(spotted);
        }

        Result(boolean endpoint, String json, String text, List<Word> words, boolean biased) {
            this(endpoint, json, text, words, biased, List.of());
        }
    }

    private final SpeechEngine engine;
    private final Options options;
    private final Recognizer recognizer;
    /** The phrase-list recogniser, or null; fed only while {@link #biasing}. */
    private final Recognizer biasedRecognizer;
    private boolean biasing;
    /** Whether the phrase-list reading may replace the open one (commands), or is only reported (spotting). */
    private boolean replace = true;
    private String grammar;
    /** The phrase-list recogniser's results since the last endpoint (it may find endpoints of its own). */
    private final StringBuilder biasedText = new StringBuilder();
    private final List<Word> biasedWords = new ArrayList<>();
    /** 16 kHz samples fed to the open and to the phrase-list recogniser: their difference aligns word times. */
    private long openSamples;
    private long biasedSamples;
    private final double leadIn;
    private final StreamResampler resampler;
    private boolean started;
    private boolean closed;
    private long bytesReceived;
    private Result lastPartial;

    StreamingRecognizer(SpeechEngine engine, Options options, Recognizer recognizer, Recognizer biasedRecognizer) {
        this.engine = engine;
        this.options = options;
        this.recognizer = recognizer;
        this.biasedRecognizer = biasedRecognizer;
        this.biasing = biasedRecognizer != null;
        this.grammar = biasedRecognizer == null ? null : SpeechEngine.grammarJson(options.bias());
        if (biasedRecognizer != null) {
            biasedRecognizer.setWords(true);
        }
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
                return choose(parse(true, recognizer.getResult()));
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
            return choose(parse(true, recognizer.getFinalResult()));
        });
    }

    /**
     * Turns the phrase-list recogniser on or off (dictation needs the open vocabulary alone, and saves its cost).
     * Takes effect at once; an utterance under way is then read by the open recogniser alone. No effect without
     * bias phrases.
     */
    public synchronized void biasing(boolean on) {
        checkOpen();
        if (biasedRecognizer == null || on == biasing) {
            return;
        }
        engine.whileOpen(() -> {
            biasedRecognizer.reset();
            biasedText.setLength(0);
            biasedWords.clear();
            biasedSamples = openSamples;
            return null;
        });
        biasing = on;
    }

    /**
     * Listens for other phrases from now on: with {@code replace}, as bias (a confident phrase-list reading replaces
     * the open one); without, only to spot them (dictation listening for "stop dictation", whose words the open
     * vocabulary may mishear): results then carry the phrase-list reading as {@link Result#spotted()}. An empty
     * list stops listening. No effect on a stream opened without bias phrases.
     */
    public synchronized void listenFor(List<String> phrases, boolean replace) {
        checkOpen();
        if (biasedRecognizer == null) {
            return;
        }
        String json = SpeechEngine.grammarJson(phrases);
        if (json == null) {
            biasing(false);
            return;
        }
        engine.whileOpen(() -> {
            if (!json.equals(grammar)) {
                biasedRecognizer.setGrammar(json);
                grammar = json;
            }
            return null;
        });
        biasing(false);
        biasing(true);
        this.replace = replace;
    }

    /** Whether bias phrases are being listened for now. */
    public synchronized boolean biasing() {
        return biasing;
    }

    /** Frees the native recogniser, waiting for a call in progress. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            recognizer.close();
            if (biasedRecognizer != null) {
                biasedRecognizer.close();
            }
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
            byte[] silence = new byte[samples * 2];
            recognizer.acceptWaveForm(silence, silence.length);
            openSamples += samples;
            if (biasing) {
                feedBiased(silence, silence.length);
            }
        }
    }

    private void feedBiased(byte[] pcm, int length) {
        biasedSamples += length / 2;
        if (biasedRecognizer.acceptWaveForm(pcm, length)) {
            collectBiased(biasedRecognizer.getResult());
        }
    }

    private void feedBiased(short[] pcm) {
        biasedSamples += pcm.length;
        if (biasedRecognizer.acceptWaveForm(pcm, pcm.length)) {
            collectBiased(biasedRecognizer.getResult());
        }
    }

    /** Keeps a phrase-list result, its word times moved onto the open recogniser's timeline. */
    private void collectBiased(String voskJson) {
        List<Word> words = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        SpeechEngine.collect(voskJson, text, words);
        if (text.length() == 0) {
            return;
        }
        if (biasedText.length() > 0) {
            biasedText.append(' ');
        }
        biasedText.append(text);
        double shift = (openSamples - biasedSamples) / (double) AudioClip.SAMPLE_RATE;
        for (Word w : words) {
            biasedWords.add(new Word(w.word(), w.start() + shift, w.end() + shift, w.conf()));
        }
    }

    /**
     * At an endpoint of the open recogniser: the phrase-list reading of the same utterance when it explains all of
     * it confidently, else the open reading.
     */
    private Result choose(Result open) {
        if (!biasing) {
            return open;
        }
        collectBiased(biasedRecognizer.getFinalResult());
        String text = biasedText.toString().strip();
        List<Word> words = List.copyOf(biasedWords);
        biasedText.setLength(0);
        biasedWords.clear();
        biasedSamples = openSamples;
        if (!replace) {
            List<Word> spotted = words.stream().map(w -> new Word(w.word(), round(Math.max(0, w.start() - leadIn)),
                    round(Math.max(0, w.end() - leadIn)), w.conf())).toList();
            return new Result(true, open.json(), open.text(), open.words(), false, spotted);
        }
        if (text.isEmpty() || text.contains(UNKNOWN) || words.isEmpty()) {
            return open;
        }
        double confidence = words.stream().mapToDouble(Word::conf).average().orElse(0);
        if (confidence < MIN_BIAS_CONFIDENCE || agreement(text, open.text()) < MIN_AGREEMENT) {
            return open;
        }
        ObjectNode out = JSON.createObjectNode();
        if (options.words()) {
            com.fasterxml.jackson.databind.node.ArrayNode result = out.putArray("result");
            for (Word w : words) {
                result.addObject().put("conf", w.conf()).put("end", round(Math.max(0, w.end() - leadIn)))
                        .put("start", round(Math.max(0, w.start() - leadIn))).put("word", w.word());
            }
        }
        out.put("text", text);
        List<Word> shifted = words.stream().map(w -> new Word(w.word(), round(Math.max(0, w.start() - leadIn)),
                round(Math.max(0, w.end() - leadIn)), w.conf())).toList();
        return new Result(true, out.toString(), text, options.words() ? shifted : List.of(), true);
    }

    /** The share of the biased words that the open text has too, allowing for a slip of spelling. */
    public static double agreement(String biased, String open) {
        String[] b = biased.split(" ");
        String[] o = open.isBlank() ? new String[0] : open.split(" ");
        int heard = 0;
        for (String word : b) {
            for (String other : o) {
                if (alike(word, other)) {
                    heard++;
                    break;
                }
            }
        }
        return b.length == 0 ? 0 : heard / (double) b.length;
    }

    /** The same word; one edit apart ("pull", "full"); or, both longer, the same first three letters ("versus", "versa"). */
    private static boolean alike(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.length() >= 3 && b.length() >= 3 && a.regionMatches(0, b, 0, 3)) {
            return true;
        }
        return a.length() >= 3 && b.length() >= 3 && Math.abs(a.length() - b.length()) <= 1 && oneEdit(a, b);
    }

    private static boolean oneEdit(String a, String b) {
        if (a.length() > b.length()) {
            return oneEdit(b, a);
        }
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.length() == b.length() ? a.substring(i + 1).equals(b.substring(i + 1))
                : a.substring(i).equals(b.substring(i + 1));
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1_000_000) / 1_000_000.0;
    }

    /** Feeds the recogniser at 16 kHz; true at an endpoint. */
    private boolean feed(byte[] pcm16le) {
        if (pcm16le.length == 0) {
            return false;
        }
        if (resampler == null) {
            openSamples += pcm16le.length / 2;
            if (biasing) {
                feedBiased(pcm16le, pcm16le.length);
            }
            return recognizer.acceptWaveForm(pcm16le, pcm16le.length);
        }
        short[] samples = new short[pcm16le.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((pcm16le[2 * i] & 0xFF) | (pcm16le[2 * i + 1] << 8));
        }
        short[] resampled = resampler.accept(samples);
        if (resampled.length == 0) {
            return false;
        }
        openSamples += resampled.length;
        if (biasing) {
            feedBiased(resampled);
        }
        return recognizer.acceptWaveForm(resampled, resampled.length);
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
            return new Result(false, out.toString(), partial, List.of(), false);
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
        return new Result(true, result.toString(), best.path("text").asText("").strip(), words, false);
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

package io.dictum.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Offline speech recognition with one Vosk model.
 *
 * <p>The model is loaded once (a few seconds, a few hundred MB of native memory for the small
 * English model) and shared: Vosk models are read-only once loaded, so {@link #transcribe}
 * may be called from several threads at once, each call decoding with a recogniser of its
 * own. Calls block for roughly a tenth of the clip's duration; run them on a bounded pool,
 * not on an event loop. {@link #close()} waits for running calls and frees the native model.
 */
public final class SpeechEngine implements AutoCloseable {

    /** Audio is fed to the recogniser in pieces of this many samples (0.2 s). */
    private static final int CHUNK_SAMPLES = AudioClip.SAMPLE_RATE / 5;

    private static final Logger log = LoggerFactory.getLogger(SpeechEngine.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile boolean voskLogLevelSet;

    private final Path modelDirectory;
    private final Model model;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;
    private volatile ModelVocabulary vocabulary;
    private final RecognizerReserve reserve = new RecognizerReserve();

    /**
     * The reserve of recognisers built ahead for new streams.
     *
     * @param size    how many of each kind are kept (open, and listening for the current phrase list)
     * @param open    open recognisers ready now
     * @param listening recognisers ready now that listen for the current phrase list
     * @param taken   recognisers new streams took from the reserve
     * @param missed  recognisers new streams had to build themselves while a reserve was kept (it had run dry)
     * @param givenBack recognisers streams gave back when they ended, kept for the next streams
     * @param freed   recognisers streams gave back that were freed instead: the reserve was full (refilled while the
     *                stream ran) or listens for another phrase list, the recogniser had heard an hour, or the engine
     *                was closed
     */
    public record Readiness(int size, int open, int listening, long taken, long missed, long givenBack, long freed) {
    }

    /** Silence fed before a recogniser is given back, so that its final result always ends an utterance. */
    private static final byte[] FINISHING_SILENCE = new byte[AudioClip.SAMPLE_RATE / 100 * 2];

    /**
     * Loads the Vosk model in {@code modelDirectory}.
     *
     * @throws IllegalArgumentException when the directory is missing or Vosk cannot load a model from it
     */
    public SpeechEngine(Path modelDirectory) {
        Objects.requireNonNull(modelDirectory, "modelDirectory");
        if (!Files.isDirectory(modelDirectory)) {
            throw new IllegalArgumentException("Vosk model directory " + modelDirectory
                    + " does not exist or is not a directory");
        }
        quietVosk();
        long started = System.nanoTime();
        try {
            this.model = new Model(modelDirectory.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("Vosk could not load a model from " + modelDirectory
                    + " (" + e.getMessage() + "); it must be an unpacked Vosk model folder, the one containing am/, conf/, graph/",
                    e);
        }
        this.modelDirectory = modelDirectory.toAbsolutePath().normalize();
        log.info("Loaded the Vosk model in {} ({} ms)", this.modelDirectory,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** The directory the model was loaded from. */
    public Path modelDirectory() {
        return modelDirectory;
    }

    /** The words this model can output, read once from the model's files (about half a second for the small model). */
    public ModelVocabulary vocabulary() {
        ModelVocabulary v = vocabulary;
        if (v == null) {
            synchronized (this) {
                v = vocabulary;
                if (v == null) {
                    v = ModelVocabulary.of(modelDirectory);
                    vocabulary = v;
                    log.info("The speech model knows {} words", v.size());
                }
            }
        }
        return v;
    }

    /**
     * Transcribes a clip with the model's full vocabulary. Silence gives an empty text and no
     * words. Word times are seconds from the start of the clip.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public Transcript transcribe(AudioClip clip) {
        return decode(clip, null);
    }

    /**
     * Transcribes a clip with the recogniser restricted to the words of the given phrases
     * (Vosk's grammar mode), for when the caller knows what can be said (case names, a menu).
     * Vosk then outputs only those words, and {@code [unk]} for speech that matches none of
     * them; callers should treat {@code [unk]} as "something else was said". Phrases are
     * lower-cased; words outside the model's vocabulary are dropped by Vosk (with a warning in
     * the log). Grammar mode needs a model with a run-time graph ({@code graph/HCLr.fst} and
     * {@code graph/Gr.fst}, as the small models have); with a static-graph model the phrases
     * have no effect. A null or empty list means no restriction.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public Transcript transcribe(AudioClip clip, List<String> phrases) {
        return decode(clip, grammarJson(phrases));
    }

    /**
     * Opens a recogniser for a live stream of 16-bit PCM at the options' sample rate. The stream keeps this one
     * recogniser for its life (a new one is slow on its first decode); close it when the stream ends. Streams
     * share this engine's model and may run on different threads at once.
     *
     * @throws IllegalStateException after {@link #close()}
     * @throws InvalidAudioException when the options' sample rate is outside 8 to 48 kHz
     */
    public StreamingRecognizer openStream(StreamingRecognizer.Options options) {
        Objects.requireNonNull(options, "options");
        Lock lock = lifecycle.readLock();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("The speech engine has been closed");
            }
            RecognizerReserve.Ready open = options.phrases().isEmpty() ? reserve.takeOpen() : null;
            if (open == null) {
                open = RecognizerReserve.Ready.built(newRecognizer(grammarJson(options.phrases())));
            }
            RecognizerReserve.Ready biased = null;
            try {
                if (options.biased()) {
                    biased = reserve.takeListening(options.bias());
                    if (biased == null) {
                        biased = RecognizerReserve.Ready.built(newRecognizer(options.bias().grammarJson()));
                    }
                }
                return new StreamingRecognizer(this, options, open, biased);
            } catch (RuntimeException e) {
                open.vosk().close();
                if (biased != null) {
                    biased.vosk().close();
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Keeps {@code size} recognisers of each kind built ahead for {@link #openStream} (0, the default, keeps none):
     * open ones, and ones listening for the phrase list that {@link #buildReady} is given. A stream then starts
     * decoding at once instead of first building its recognisers (about 50 ms of a core each).
     */
    public void keepReady(int size) {
        reserve.resize(size);
    }

    /** Whether {@link #buildReady} has something to build for streams listening for {@code phrases}. */
    public boolean lacksReady(PhraseList phrases) {
        return reserve.lack(Objects.requireNonNull(phrases, "phrases")) != RecognizerReserve.Lack.NOTHING;
    }

    /**
     * Builds one recogniser the reserve lacks for streams listening for {@code phrases} (EMPTY when streams listen
     * for none), blocking for about 50 ms; run it on a thread with nothing better to do. Recognisers built for an
     * earlier phrase list are freed.
     *
     * @return false when nothing was lacking
     */
    public boolean buildReady(PhraseList phrases) {
        Objects.requireNonNull(phrases, "phrases");
        Lock lock = lifecycle.readLock();
        lock.lock();
        try {
            RecognizerReserve.Lack lack = closed ? RecognizerReserve.Lack.NOTHING : reserve.lack(phrases);
            switch (lack) {
                case OPEN -> reserve.add(newRecognizer(null), null);
                case LISTENING -> reserve.add(newRecognizer(phrases.grammarJson()), phrases);
                case NOTHING -> {
                    return false;
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes back a recogniser a stream has finished with, for a later stream, when the reserve wants one of its kind
     * ({@code listensFor}: the phrase list it listens for, null for an open one); else frees it. Its utterance is
     * ended with a final result first, so the next stream starts as on a new recogniser.
     *
     * @param heard the 16 kHz samples it has heard in its life
     */
    void takeBack(Recognizer vosk, long heard, PhraseList listensFor) {
        Lock lock = lifecycle.readLock();
        lock.lock();
        try {
            if (closed || heard >= RecognizerReserve.MAX_HEARD || !reserve.wants(listensFor)) {
                reserve.freed(vosk);
                return;
            }
            vosk.acceptWaveForm(FINISHING_SILENCE, FINISHING_SILENCE.length);
            vosk.getFinalResult();
            reserve.takeBack(new RecognizerReserve.Ready(vosk, heard + FINISHING_SILENCE.length / 2), listensFor);
        } finally {
            lock.unlock();
        }
    }

    /** The reserve's state now. */
    public Readiness readiness() {
        return reserve.readiness();
    }

    /** Vosk's grammar for the phrases with {@code [unk]}, or null when the phrases restrict nothing. */
    static String grammarJson(List<String> phrases) {
        return PhraseList.of(phrases).grammarJson();
    }

    /** Runs a call on a live recogniser while the model is guaranteed to be loaded. */
    <T> T whileOpen(java.util.function.Supplier<T> call) {
        Lock lock = lifecycle.readLock();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("The speech engine has been closed");
            }
            return call.get();
        } finally {
            lock.unlock();
        }
    }

    /** Frees the model after running transcriptions have finished; later calls fail. Idempotent. */
    @Override
    public void close() {
        Lock lock = lifecycle.writeLock();
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                reserve.close();
                model.close();
            }
        } finally {
            lock.unlock();
        }
    }

    private Transcript decode(AudioClip clip, String grammarJson) {
        Objects.requireNonNull(clip, "clip");
        Lock lock = lifecycle.readLock();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("The speech engine has been closed");
            }
            if (clip.sampleCount() == 0) {
                return new Transcript("", List.of(), 0);
            }
            StringBuilder text = new StringBuilder();
            List<Word> words = new ArrayList<>();
            Recognizer recognizer = newRecognizer(grammarJson);
            try {
                recognizer.setWords(true);
                short[] samples = clip.samplesView();
                short[] chunk = new short[CHUNK_SAMPLES];
                for (int offset = 0; offset < samples.length; offset += CHUNK_SAMPLES) {
                    int n = Math.min(CHUNK_SAMPLES, samples.length - offset);
                    System.arraycopy(samples, offset, chunk, 0, n);
                    if (recognizer.acceptWaveForm(chunk, n)) {
                        collect(recognizer.getResult(), text, words);
                    }
                }
                collect(recognizer.getFinalResult(), text, words);
            } finally {
                recognizer.close();
            }
            return new Transcript(text.toString(), words, clip.durationSeconds());
        } finally {
            lock.unlock();
        }
    }

    private Recognizer newRecognizer(String grammarJson) {
        try {
            return grammarJson == null
                    ? new Recognizer(model, AudioClip.SAMPLE_RATE)
                    : new Recognizer(model, AudioClip.SAMPLE_RATE, grammarJson);
        } catch (IOException e) {
            throw new IllegalStateException("Vosk could not create a recogniser", e);
        }
    }

    /** Appends one Vosk result ({"text": "...", "result": [{word, start, end, conf}...]}). */
    static void collect(String json, StringBuilder text, List<Word> words) {
        JsonNode result;
        try {
            result = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Vosk returned unreadable JSON: " + json, e);
        }
        String part = result.path("text").asText("").strip();
        if (part.isEmpty()) {
            return;
        }
        if (text.length() > 0) {
            text.append(' ');
        }
        text.append(part);
        for (JsonNode w : result.path("result")) {
            words.add(new Word(w.path("word").asText(), w.path("start").asDouble(), w.path("end").asDouble(),
                    w.path("conf").asDouble()));
        }
    }

    private static void quietVosk() {
        if (!voskLogLevelSet) {
            synchronized (SpeechEngine.class) {
                if (!voskLogLevelSet) {
                    LibVosk.setLogLevel(LogLevel.WARNINGS);
                    voskLogLevelSet = true;
                }
            }
        }
    }
}

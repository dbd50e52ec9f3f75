package io.dictum.speech;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.vosk.Recognizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * <p>With {@linkplain Options#bias() bias phrases} (command mode) a second recogniser, restricted to those phrases
 * plus {@code [unk]}, hears the audio first. Vosk's grammar decoding costs about a seventh of open decoding, and it
 * can only produce the phrases given, so a known name is heard as itself instead of a sound-alike. It gives the
 * partials and finds the end of each utterance; the utterance's audio is kept meanwhile. At the end:
 * <ul>
 * <li>when the phrase-list reading is exactly one listed command ("open the miller case", or a pattern's pieces in
 *     its order: {@link PhraseList#lists}), every word heard surely,
 *     it is the result, and the open recogniser never decodes that audio: most commands cost only the cheap
 *     decoding;</li>
 * <li>otherwise (free text such as a note, several phrases run together, anything off the list) the open recogniser
 *     decodes the kept audio, and the phrase-list reading wins only when it explains the whole utterance (no
 *     {@code [unk]}) confidently, the open reading heard enough of its words (more of them when the reading is a
 *     chain of listed pieces rather than one listed phrase), and the open reading is not a listed command by itself;
 *     else the open reading is the result.
 *     Off-list speech is forced onto a chain of listed words with high confidence surprisingly often, which is why
 *     a chain is never taken on its own word.</li>
 * </ul>
 * As soon as the phrase list's partial is no listed phrase's beginning (or the utterance has gone on for
 * {@link #MAX_KEPT_SECONDS}), the open recogniser hears each piece as it arrives and catches up on the kept audio by
 * at most {@link #CATCH_UP_SECONDS} a piece, so free speech costs little extra wait at the end and no single call
 * decodes seconds of backlog while other streams wait for a decoder. A caller with idle decoders may also let the open
 * recogniser {@linkplain #decodeAhead decode ahead}: that spends spare time only, and never changes which reading
 * is chosen, only how much is left to decode when the utterance ends.
 * Without bias phrases, or while only {@linkplain #listenFor spotting} phrases (dictation), the open recogniser
 * decodes everything as it arrives.
 *
 * <p>Calls block for about a tenth of the audio's duration: run them off the event loop. They are serialised
 * on this object, so {@link #close()} from another thread waits for a running call and never frees the native
 * recogniser under it. Calls after {@code close()} fail with {@link IllegalStateException}.
 */
public final class StreamingRecognizer implements AutoCloseable {

    /** Silence fed before the first audio: Vosk tends to drop a word that starts at the very first sample. */
    static final double LEAD_IN_SECONDS = 0.3;
    public static final int MAX_ALTERNATIVES = 10;
    /** The longest stretch of an utterance kept for the open recogniser before it starts hearing it live. */
    static final double MAX_KEPT_SECONDS = 8;
    /** How much of its backlog the open recogniser catches up on with each piece while it hears live. */
    static final double CATCH_UP_SECONDS = 0.3;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Result EMPTY_PARTIAL = new Result(false, "{\"partial\":\"\"}", "", List.of(), false);
    private static final String UNKNOWN = PhraseList.UNKNOWN_WORD;
    /** Below this mean word confidence the phrase-list reading is a forced fit, and the open reading is kept. */
    static final double MIN_BIAS_CONFIDENCE = 0.75;
    /**
     * Every word of a listed phrase must be heard at least this surely for the phrase to be taken without the open
     * recogniser's reading; a less sure word ("start" where "stop" was said) leaves the choice to {@link #choose}.
     */
    static final double MIN_WORD_CONFIDENCE_ALONE = 0.85;
    /**
     * The share of the phrase-list reading's words that the open reading must have heard too (the same word, or one
     * spelt nearly alike). Speech that is not on the list ("take a note: ...") is still forced onto the nearest
     * listed phrase, but that phrase then shares almost no words with what the open recogniser heard.
     */
    static final double MIN_AGREEMENT = 0.4;
    /**
     * The same for a reading that is a chain of listed pieces rather than one listed phrase. A chain can string a name
     * onto a command from a few sounds alike ("open the injury new wei chen case" for "open the Nguyen case", where
     * "wei chen" names another firm's client) while the command's own words alone reach {@link #MIN_AGREEMENT}.
     */
    static final double MIN_CHAIN_AGREEMENT = 0.6;

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
                          PhraseList bias) {
        public Options(int sampleRate, List<String> phrases, boolean words, int maxAlternatives) {
            this(sampleRate, phrases, words, maxAlternatives, PhraseList.EMPTY);
        }

        public Options(int sampleRate, List<String> phrases, boolean words, int maxAlternatives, List<String> bias) {
            this(sampleRate, phrases, words, maxAlternatives, PhraseList.of(bias));
        }

        public Options {
            bias = bias == null ? PhraseList.EMPTY : bias;
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
    private PhraseList listening;
    /** The phrase-list recogniser's results since the last endpoint (it may find endpoints of its own). */
    private final List<Word> biasedWords = new ArrayList<>();
    private final StringBuilder biasedText = new StringBuilder();
    /** The open recogniser's results within an utterance it decodes late (it may find endpoints of its own). */
    private final List<Word> openWords = new ArrayList<>();
    private final StringBuilder openText = new StringBuilder();
    /** 16 kHz audio of the current utterance that the open recogniser has not decoded (phrase list first). */
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    /** Whether the open recogniser has heard some of the current utterance (phrase list first). */
    private boolean openHeardUtterance;
    /**
     * Whether the open recogniser hears the rest of the current utterance as it arrives: the phrase list's partial
     * has left every listed phrase, so the open reading will be needed at the end.
     */
    private boolean openLive;
    /**
     * 16 kHz samples of the stream (lead-in included), and how many of them each recogniser has not heard: a
     * recogniser's word times count only the audio it was fed, so adding its lag puts them on the stream's timeline.
     */
    private long streamSamples;
    private long openSamples;
    private long openLag;
    private long biasedLag;
    /** What the open recogniser had heard before this stream (it may have served others). */
    private final long openHeardBefore;
    private final StreamResampler resampler;
    private boolean started;
    private boolean closed;
    private long bytesReceived;
    private Result lastPartial;

    /**
     * A stream on recognisers that may have served earlier streams ({@link RecognizerReserve}): their word times count
     * from their first sample, so each one's lag starts at minus what it has heard.
     */
    StreamingRecognizer(SpeechEngine engine, Options options, RecognizerReserve.Ready open,
                        RecognizerReserve.Ready biased) {
        this.engine = engine;
        this.options = options;
        this.recognizer = open.vosk();
        this.openHeardBefore = open.heard();
        this.openLag = -open.heard();
        this.biasedRecognizer = biased == null ? null : biased.vosk();
        this.biasedLag = biased == null ? 0 : -biased.heard();
        this.biasing = biasedRecognizer != null;
        this.listening = biasedRecognizer == null ? null : options.bias();
        if (biasedRecognizer != null) {
            biasedRecognizer.setWords(true);
        }
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

    /**
     * Seconds of the stream's audio (lead-in included) that the open recogniser has decoded: all of it without bias
     * phrases; with them, only the utterances that were not one listed phrase.
     */
    public synchronized double openSecondsDecoded() {
        return openSamples / (double) AudioClip.SAMPLE_RATE;
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
            if (!started) {
                started = true;
                feed(new byte[(int) Math.round(AudioClip.SAMPLE_RATE * LEAD_IN_SECONDS) * 2]);
            }
            bytesReceived += pcm16le.length;
            boolean endpoint = feed(to16k(pcm16le));
            if (endpoint) {
                lastPartial = EMPTY_PARTIAL;
                return phraseListFirst() ? endOfUtterance(biasedRecognizer.getResult())
                        : choose(parse(true, recognizer.getResult(), openLag));
            }
            if (freshPartial || lastPartial == null) {
                lastPartial = phraseListFirst() ? phraseListPartial()
                        : parse(false, recognizer.getPartialResult(), openLag);
            }
            return lastPartial;
        });
    }

    /** Ends the current utterance and answers its final result (empty text when nothing was said); goes on. */
    public synchronized Result flush() {
        checkOpen();
        return engine.whileOpen(() -> {
            if (!started) {
                return parse(true, "{\"text\":\"\"}", 0);
            }
            lastPartial = EMPTY_PARTIAL;
            return phraseListFirst() ? endOfUtterance(biasedRecognizer.getFinalResult())
                    : choose(parse(true, recognizer.getFinalResult(), openLag));
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
            catchUpOpen();
            openHeardUtterance = false;
            openLive = false;
            // Vosk's reset() keeps the audio under way; a final result is what ends an utterance for good
            biasedRecognizer.getFinalResult();
            biasedText.setLength(0);
            biasedWords.clear();
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
    public synchronized void listenFor(PhraseList phrases, boolean replace) {
        checkOpen();
        if (biasedRecognizer == null) {
            return;
        }
        if (phrases == null || phrases.isEmpty()) {
            biasing(false);
            return;
        }
        biasing(false);
        engine.whileOpen(() -> {
            if (phrases != listening) {
                biasedRecognizer.setGrammar(phrases.grammarJson());
                listening = phrases;
            }
            return null;
        });
        this.replace = replace;
        biasing(true);
    }

    /** Whether bias phrases are being listened for now. */
    public synchronized boolean biasing() {
        return biasing;
    }

    /**
     * Gives the recognisers back to the engine for later streams, or frees them, waiting for a call in progress.
     * Idempotent. An open recogniser restricted to the client's phrases is always freed, and so is a phrase-list
     * recogniser that was switched to other phrases (the engine keeps only those for the current command list).
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (options.phrases().isEmpty()) {
                if (options.maxAlternatives() > 0) {
                    recognizer.setMaxAlternatives(0);
                }
                engine.takeBack(recognizer, openHeardBefore + openSamples, null);
            } else {
                recognizer.close();
            }
        } finally {
            if (biasedRecognizer != null) {
                engine.takeBack(biasedRecognizer, streamSamples - biasedLag, listening);
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

    /** Commands: the phrase-list recogniser hears the audio first, the open one only when needed. */
    private boolean phraseListFirst() {
        return biasing && replace;
    }

    /** Feeds 16 kHz audio to the recognisers that are listening; true at the end of an utterance. */
    private boolean feed(byte[] pcm) {
        if (pcm.length == 0) {
            return false;
        }
        int samples = pcm.length / 2;
        streamSamples += samples;
        if (!biasing) {
            biasedLag += samples;
            openSamples += samples;
            return recognizer.acceptWaveForm(pcm, pcm.length);
        }
        if (!phraseListFirst()) {
            if (biasedRecognizer.acceptWaveForm(pcm, pcm.length)) {
                collect(biasedRecognizer.getResult(), biasedLag, biasedText, biasedWords);
            }
            openSamples += samples;
            return recognizer.acceptWaveForm(pcm, pcm.length);
        }
        kept.write(pcm, 0, pcm.length);
        if (!openLive && kept.size() >= MAX_KEPT_SECONDS * AudioClip.SAMPLE_RATE * 2) {
            openLive = true;
        }
        if (openLive) {
            decodeKept(pcm.length + bytes(CATCH_UP_SECONDS));
        }
        return biasedRecognizer.acceptWaveForm(pcm, pcm.length);
    }

    /**
     * Lets the open recogniser decode up to {@code maxSeconds} of the utterance's kept audio now, while the caller's
     * decoders have nothing else to do, so that less is left to decode if the utterance turns out to need the open
     * reading. Which reading is chosen does not depend on it. No effect unless the phrase list hears first.
     *
     * @return the seconds of audio decoded
     */
    public synchronized double decodeAhead(double maxSeconds) {
        checkOpen();
        if (!phraseListFirst() || kept.size() == 0 || maxSeconds <= 0) {
            return 0;
        }
        return engine.whileOpen(() -> decodeKept(bytes(maxSeconds)) / 2.0 / AudioClip.SAMPLE_RATE);
    }

    private static int bytes(double seconds) {
        return (int) Math.round(seconds * AudioClip.SAMPLE_RATE) * 2;
    }

    /** Lets the open recogniser decode all the kept audio, collecting what it finishes on the way. */
    private void catchUpOpen() {
        decodeKept(kept.size());
    }

    /** Lets the open recogniser decode the oldest {@code maxBytes} of the kept audio; answers the bytes decoded. */
    private int decodeKept(int maxBytes) {
        int length = Math.min(kept.size(), maxBytes);
        if (length <= 0) {
            return 0;
        }
        byte[] all = kept.toByteArray();
        kept.reset();
        kept.write(all, length, all.length - length);
        openSamples += length / 2;
        openHeardUtterance = true;
        if (recognizer.acceptWaveForm(all, length)) {
            collect(recognizer.getResult(), openLag, openText, openWords);
        }
        return length;
    }

    /**
     * The phrase-list recogniser's partial, without its {@code [unk]} markers. When no listed phrase begins like it,
     * the open reading will be needed at the end, so the open recogniser starts hearing the utterance from the next
     * piece on.
     */
    private Result phraseListPartial() {
        String heard = readJson(biasedRecognizer.getPartialResult()).path("partial").asText("").strip();
        if (!openLive && !heard.isEmpty() && !listening.begins(heard)) {
            openLive = true;
        }
        String partial = heard.replace(UNKNOWN, " ").replaceAll("\\s+", " ").strip();
        return new Result(false, JSON.createObjectNode().put("partial", partial).toString(), partial, List.of(),
                false);
    }

    /**
     * The end of an utterance heard phrase list first: one listed phrase heard confidently is the answer as it is;
     * otherwise the open recogniser decodes the kept audio and {@link #choose} decides.
     */
    private Result endOfUtterance(String biasedJson) {
        collect(biasedJson, biasedLag, biasedText, biasedWords);
        String text = biasedText.toString().strip();
        boolean openNeeded = openLive;
        openLive = false;
        if (!openNeeded && isOneListedCommand(text, biasedWords)) {
            if (openHeardUtterance) {
                // decoded ahead in spare time, and not needed: end the open recogniser's utterance where it got to
                recognizer.getFinalResult();
                openText.setLength(0);
                openWords.clear();
            }
            openHeardUtterance = false;
            // the open recogniser never hears the rest; its times then run behind the stream's by that much
            openLag += kept.size() / 2;
            kept.reset();
            Result result = finalResult(text, List.copyOf(biasedWords), true);
            biasedText.setLength(0);
            biasedWords.clear();
            return result;
        }
        catchUpOpen();
        openHeardUtterance = false;
        collect(recognizer.getFinalResult(), openLag, openText, openWords);
        Result open = openResult();
        return choose(open);
    }

    private boolean isOneListedCommand(String text, List<Word> words) {
        return !text.isEmpty() && !words.isEmpty() && !text.contains(UNKNOWN) && listening.lists(text)
                && words.stream().allMatch(w -> w.conf() >= MIN_WORD_CONFIDENCE_ALONE);
    }

    private static double meanConfidence(List<Word> words) {
        return words.stream().mapToDouble(Word::conf).average().orElse(0);
    }

    /** The open recogniser's collected reading of an utterance it decoded late, in Vosk's format. */
    private Result openResult() {
        String text = openText.toString().strip();
        List<Word> words = List.copyOf(openWords);
        openText.setLength(0);
        openWords.clear();
        return finalResult(text, words, false);
    }

    /**
     * At the end of an utterance: the phrase-list reading of the same utterance when it explains all of it
     * confidently and the open reading heard most of its words but is not a listed phrase itself, else the open
     * reading.
     */
    private Result choose(Result open) {
        if (!biasing) {
            return open;
        }
        if (!phraseListFirst()) {
            collect(biasedRecognizer.getFinalResult(), biasedLag, biasedText, biasedWords);
        }
        String text = biasedText.toString().strip();
        List<Word> words = List.copyOf(biasedWords);
        biasedText.setLength(0);
        biasedWords.clear();
        if (!replace) {
            return new Result(true, open.json(), open.text(), open.words(), false, onStreamTimeline(words));
        }
        if (text.isEmpty() || text.contains(UNKNOWN) || words.isEmpty()
                || meanConfidence(words) < MIN_BIAS_CONFIDENCE
                || agreement(text, open.text()) < (listening.lists(text) ? MIN_AGREEMENT : MIN_CHAIN_AGREEMENT)) {
            return open;
        }
        if (listening.lists(open.text())) {
            // the open recogniser heard a listed command by itself: the list rescues names, it does not overrule
            return open;
        }
        return finalResult(text, words, true);
    }

    /** A final result in Vosk's format from words collected on the stream's timeline. */
    private Result finalResult(String text, List<Word> words, boolean biased) {
        ObjectNode out = JSON.createObjectNode();
        if (options.words()) {
            writeWords(out.putArray("result"), words);
        }
        out.put("text", text);
        return new Result(true, out.toString(), text, options.words() ? onStreamTimeline(words) : List.of(), biased);
    }

    /** Words collected with stream times (lead-in included) as the client sees them: from the start of its audio. */
    private static List<Word> onStreamTimeline(List<Word> words) {
        return words.stream().map(w -> new Word(w.word(), clientTime(w.start()), clientTime(w.end()), w.conf()))
                .toList();
    }

    private static void writeWords(ArrayNode result, List<Word> words) {
        for (Word w : words) {
            result.addObject().put("conf", w.conf()).put("end", clientTime(w.end()))
                    .put("start", clientTime(w.start())).put("word", w.word());
        }
    }

    private static double clientTime(double streamSeconds) {
        return round(Math.max(0, streamSeconds - LEAD_IN_SECONDS));
    }

    /** Appends one Vosk result's text and words, the words moved onto the stream's timeline by the recogniser's lag. */
    private static void collect(String voskJson, long lagSamples, StringBuilder text, List<Word> words) {
        List<Word> found = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        SpeechEngine.collect(voskJson, part, found);
        if (part.length() == 0) {
            return;
        }
        if (text.length() > 0) {
            text.append(' ');
        }
        text.append(part);
        double shift = lagSamples / (double) AudioClip.SAMPLE_RATE;
        for (Word w : found) {
            words.add(new Word(w.word(), w.start() + shift, w.end() + shift, w.conf()));
        }
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

    /** The piece as 16 kHz PCM (resampled when the stream has another rate). */
    private byte[] to16k(byte[] pcm16le) {
        if (resampler == null || pcm16le.length == 0) {
            return pcm16le;
        }
        short[] samples = new short[pcm16le.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((pcm16le[2 * i] & 0xFF) | (pcm16le[2 * i + 1] << 8));
        }
        short[] resampled = resampler.accept(samples);
        byte[] out = new byte[resampled.length * 2];
        for (int i = 0; i < resampled.length; i++) {
            out[2 * i] = (byte) resampled[i];
            out[2 * i + 1] = (byte) (resampled[i] >> 8);
        }
        return out;
    }

    private static ObjectNode readJson(String voskJson) {
        JsonNode node;
        try {
            node = JSON.readTree(voskJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Vosk returned unreadable JSON: " + voskJson, e);
        }
        if (!(node instanceof ObjectNode result)) {
            throw new IllegalStateException("Vosk returned unexpected JSON: " + voskJson);
        }
        return result;
    }

    /** Reads the open recogniser's JSON, moves word times onto the client's timeline and writes it compactly. */
    private Result parse(boolean endpoint, String voskJson, long lagSamples) {
        ObjectNode result = readJson(voskJson);
        if (!endpoint) {
            String partial = result.path("partial").asText("");
            ObjectNode out = JSON.createObjectNode().put("partial", partial);
            return new Result(false, out.toString(), partial, List.of(), false);
        }
        double shift = lagSamples / (double) AudioClip.SAMPLE_RATE;
        JsonNode best = result;
        if (result.has("alternatives")) {
            for (JsonNode alternative : result.path("alternatives")) {
                shift(alternative.path("result"), shift);
            }
            best = result.path("alternatives").path(0);
        } else {
            shift(result.path("result"), shift);
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

    private static void shift(JsonNode words, double lagSeconds) {
        for (JsonNode w : words) {
            if (w instanceof ObjectNode word) {
                for (String field : new String[] {"start", "end"}) {
                    if (word.has(field)) {
                        word.put(field, clientTime(word.get(field).asDouble() + lagSeconds));
                    }
                }
            }
        }
    }
}

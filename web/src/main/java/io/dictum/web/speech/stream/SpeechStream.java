package io.dictum.web.speech.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dictum.core.cases.CaseId;
import io.dictum.speech.AudioClip;
import io.dictum.speech.InvalidAudioException;
import io.dictum.speech.PhraseList;
import io.dictum.speech.SpeechEngine;
import io.dictum.speech.StreamingRecognizer;
import io.dictum.speech.dictation.DictationFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.reactive.socket.CloseStatus;

/**
 * One WebSocket stream's state and protocol, without any I/O: each inbound message becomes the list of messages
 * to send back. {@link #process} blocks (it decodes) and must run off the event loop, one message at a time in
 * arrival order. {@link #close()} frees the recogniser and may be called from any thread, also while a message
 * is being processed.
 */
final class SpeechStream implements AutoCloseable {

    /** How final results are used beyond Vosk's own messages. */
    enum Mode {
        TRANSCRIBE, COMMAND, DICTATION;

        static Mode parse(String text) {
            if (text == null || text.isBlank()) {
                return TRANSCRIBE;
            }
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "transcribe", "transcription" -> TRANSCRIBE;
                case "command", "commands" -> COMMAND;
                case "dictation", "dictate" -> DICTATION;
                default -> throw new ProtocolException("bad_mode", "Unknown mode '" + text
                        + "'; use command, dictation or transcribe.");
            };
        }
    }

    /** An inbound message, copied out of the network buffer. */
    record Inbound(boolean binary, byte[] bytes, String text, boolean idle) {
        static Inbound audio(byte[] bytes) {
            return new Inbound(true, bytes, null, false);
        }

        static Inbound message(String text) {
            return new Inbound(false, null, text, false);
        }

        static Inbound timedOut() {
            return new Inbound(false, null, null, true);
        }
    }

    /**
     * An outbound step: a JSON message to send, a command to execute or a dictated note to save (whose outcome is
     * sent), and after the last step of a stream the status to close with.
     */
    record Out(String json, String commandText, String noteText, CloseStatus close) {
        static Out message(String json) {
            return new Out(json, null, null, null);
        }

        static Out command(String text) {
            return new Out(null, text, null, null);
        }

        static Out note(String text) {
            return new Out(null, null, text, null);
        }

        static Out close(String json, CloseStatus status) {
            return new Out(json, null, null, status);
        }
    }

    /** A client error that ends the stream with a JSON error message and the given close status. */
    static final class ProtocolException extends RuntimeException {
        final String code;
        final CloseStatus status;

        ProtocolException(String code, String message) {
            this(code, message, CloseStatus.POLICY_VIOLATION);
        }

        ProtocolException(String code, String message, CloseStatus status) {
            super(message);
            this.code = code;
            this.status = status;
        }
    }

    /** Recognisers open in this process, for tests and monitoring. */
    static final AtomicInteger OPEN_RECOGNISERS = new AtomicInteger();

    private final SpeechEngine engine;
    private final ObjectMapper json;
    private final int maxFrameBytes;
    /** Volatile: the handler reads it on the network thread to pace the stream. */
    private volatile int sampleRate = AudioClip.SAMPLE_RATE;
    private List<String> phrases = List.of();
    private boolean words = true;
    private int maxAlternatives;
    private Mode mode;
    private Optional<CaseId> caseId;
    private final List<String> utterances = new ArrayList<>();
    private StreamingRecognizer recognizer;
    private boolean configured;
    private boolean closed;
    /** Inbound messages received and not yet processed, counted by the caller. */
    private final AtomicInteger waiting = new AtomicInteger();
    private int staleFrames;
    private static final int FRESH_PARTIAL_EVERY = 5;
    /** The most audio decoded ahead in one step: about 50 ms of a decoder's time, so a stream arriving waits little. */
    static final double DECODE_AHEAD_SECONDS = 0.3;
    /** The firm's command phrases for biasing (command mode); the client may turn it off with "bias": false. */
    private final PhraseList commandPhrases;
    /** The tiny grammar that spots "stop dictation" while dictating. */
    private final PhraseList stopPhrases;
    private final StreamControl control;
    private boolean bias = true;

    SpeechStream(SpeechEngine engine, ObjectMapper json, int maxFrameBytes, Mode mode, Optional<CaseId> caseId) {
        this(engine, json, maxFrameBytes, mode, caseId, PhraseList.EMPTY, null);
    }

    SpeechStream(SpeechEngine engine, ObjectMapper json, int maxFrameBytes, Mode mode, Optional<CaseId> caseId,
                 PhraseList commandPhrases, StreamControl control) {
        this.commandPhrases = commandPhrases;
        this.stopPhrases = control == null ? PhraseList.EMPTY : PhraseList.of(control.stopDictation());
        this.control = control;
        this.engine = engine;
        this.json = json;
        this.maxFrameBytes = maxFrameBytes;
        this.mode = mode;
        this.caseId = caseId;
    }

    int sampleRate() {
        return sampleRate;
    }

    Mode mode() {
        return mode;
    }

    Optional<CaseId> caseId() {
        return caseId;
    }

    /** Counts a message received and queued for {@link #process}. */
    void received() {
        waiting.incrementAndGet();
    }

    /** Handles one inbound message; a protocol error becomes an error message and a close. */
    synchronized List<Out> process(Inbound in) {
        if (!in.idle()) {
            waiting.updateAndGet(n -> Math.max(0, n - 1));
        }
        try {
            if (in.idle()) {
                throw new ProtocolException("idle_timeout", "No audio for too long; the stream was closed.",
                        CloseStatus.GOING_AWAY);
            }
            return in.binary() ? audio(in.bytes()) : text(in.text());
        } catch (ProtocolException e) {
            return List.of(Out.close(error(e.code, e.getMessage()), e.status));
        } catch (InvalidAudioException e) {
            return List.of(Out.close(error("bad_audio", e.getMessage()), CloseStatus.POLICY_VIOLATION));
        }
    }

    String error(String code, String message) {
        ObjectNode error = json.createObjectNode();
        error.putObject("error").put("code", code).put("message", message);
        return error.toString();
    }

    private List<Out> audio(byte[] pcm) {
        if (pcm.length > maxFrameBytes) {
            throw new ProtocolException("frame_too_large", "An audio frame of " + pcm.length
                    + " bytes is larger than the " + maxFrameBytes + " bytes accepted; send pieces of 0.1 to 0.5 s.");
        }
        if (pcm.length % 2 != 0) {
            throw new ProtocolException("odd_frame", "An audio frame of " + pcm.length + " bytes is not 16-bit PCM,"
                    + " which needs an even number of bytes.");
        }
        // behind (more audio already waiting): answer with the previous partial, saving a traceback, but give a
        // fresh one at least every few frames so that a client sending faster than real time still sees progress
        boolean fresh = waiting.get() == 0 || ++staleFrames >= FRESH_PARTIAL_EVERY;
        StreamingRecognizer.Result result = recognizer().accept(pcm, fresh);
        if (fresh) {
            staleFrames = 0;
        }
        return result.endpoint() ? finalResult(result, false) : List.of(Out.message(result.json()));
    }

    private List<Out> text(String text) {
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (JsonProcessingException e) {
            message = null;
        }
        if (!(message instanceof ObjectNode)) {
            throw new ProtocolException("bad_message", "Text messages must be JSON objects: {\"config\":{...}},"
                    + " {\"eof\":1} or {\"reset\":1}.");
        }
        if (message.has("config")) {
            configure(message.get("config"));
            return List.of(); // as vosk-server: a config is not answered
        }
        if (truthy(message.get("eof"))) {
            return finalResult(flush(), true);
        }
        if (truthy(message.get("reset"))) {
            return finalResult(flush(), false);
        }
        throw new ProtocolException("bad_message", "Unknown message " + abbreviate(text)
                + "; send {\"config\":{...}}, audio, {\"reset\":1} or {\"eof\":1}.");
    }

    private StreamingRecognizer.Result flush() {
        return recognizer().flush();
    }

    private List<Out> finalResult(StreamingRecognizer.Result result, boolean last) {
        List<Out> out = new ArrayList<>();
        out.add(Out.message(result.json()));
        String text = result.text().replace("[unk]", " ").replaceAll("\\s+", " ").strip();
        if (mode == Mode.COMMAND && control != null && control.startsDictation(text)) {
            switchTo(Mode.DICTATION, out);
        } else if (mode == Mode.COMMAND && !text.isEmpty()) {
            out.add(Out.command(text));
        } else if (mode == Mode.DICTATION) {
            Optional<String> beforeStop = control == null ? Optional.empty() : control.beforeStop(text)
                    .or(() -> spottedStop(result, text));
            String dictated = beforeStop.orElse(text);
            if (!dictated.isEmpty()) {
                utterances.add(dictated);
            }
            ObjectNode dictation = json.createObjectNode();
            String note = DictationFormatter.format(utterances);
            dictation.putObject("dictation").put("text", note);
            out.add(Out.message(dictation.toString()));
            if ((last || beforeStop.isPresent()) && !note.isBlank()) {
                out.add(Out.note(note));
            }
            if (beforeStop.isPresent() && !last) {
                utterances.clear();
                switchTo(Mode.COMMAND, out);
            }
        }
        if (last) {
            out.add(Out.close(null, CloseStatus.NORMAL));
        }
        return out;
    }

    /** Dictation is read by the open vocabulary alone; a tiny grammar only spots "stop dictation". */
    private void listenForStop() {
        if (recognizer != null && control != null) {
            recognizer.listenFor(stopPhrases, false);
        }
    }

    /**
     * The dictated words before a stop phrase that the spotting grammar heard at the end of the utterance, when the
     * open reading heard it too, if only nearly ("stop occasion"); empty when the utterance does not end so.
     */
    private Optional<String> spottedStop(StreamingRecognizer.Result result, String text) {
        if (control == null || result.spotted().isEmpty()) {
            return Optional.empty();
        }
        List<io.dictum.speech.Word> spotted = result.spotted();
        String heard = String.join(" ", spotted.stream().map(io.dictum.speech.Word::word).toList());
        for (String stop : control.stopDictation()) {
            if (!(heard.equals(stop) || heard.endsWith(" " + stop))) {
                continue;
            }
            int n = stop.split(" ").length;
            double stopStart = spotted.get(spotted.size() - n).start();
            String[] open = text.split(" ");
            String tail = String.join(" ", java.util.Arrays.copyOfRange(open, Math.max(0, open.length - n - 1),
                    open.length));
            if (StreamingRecognizer.agreement(stop, tail) < 0.5) {
                continue;
            }
            if (!result.words().isEmpty()) {
                List<String> kept = result.words().stream().filter(w -> w.start() < stopStart - 0.05)
                        .map(io.dictum.speech.Word::word).filter(w -> !w.equals("[unk]")).toList();
                return Optional.of(String.join(" ", kept));
            }
            return Optional.of(String.join(" ", java.util.Arrays.copyOf(open, Math.max(0, open.length - n))));
        }
        return Optional.empty();
    }

    /** A spoken mode switch: {"mode":{"mode":"dictation"}}; dictation listens with the open vocabulary alone. */
    private void switchTo(Mode next, List<Out> out) {
        mode = next;
        if (next == Mode.DICTATION) {
            listenForStop();
        } else if (recognizer != null) {
            recognizer.listenFor(commandPhrases, true);
        }
        utterances.clear();
        ObjectNode message = json.createObjectNode();
        message.putObject("mode").put("mode", next.name().toLowerCase(Locale.ROOT))
                .put("message", next == Mode.DICTATION
                        ? "Dictating: speak the note; say \"stop dictation\" to save it."
                        : "Back to commands.");
        out.add(Out.message(message.toString()));
    }

    private void configure(JsonNode config) {
        if (recognizer != null) {
            throw new ProtocolException("config_too_late", "The config must come before the first audio.");
        }
        if (!(config instanceof ObjectNode)) {
            throw new ProtocolException("bad_config", "config must be an object, e.g. {\"config\":{\"sample_rate\":16000}}.");
        }
        configured = true;
        if (config.has("sample_rate")) {
            JsonNode rate = config.get("sample_rate");
            if (!rate.isNumber() || rate.asDouble() != Math.rint(rate.asDouble())) {
                throw new ProtocolException("unsupported_sample_rate", "sample_rate must be a whole number of Hz"
                        + " from 8000 to 48000.");
            }
            sampleRate = rate.asInt();
            if (sampleRate < AudioClip.MIN_SOURCE_RATE || sampleRate > AudioClip.MAX_SOURCE_RATE) {
                throw new ProtocolException("unsupported_sample_rate", "The sample rate " + rate.asText()
                        + " Hz is not supported; send 16-bit mono PCM at 8000 to 48000 Hz (16000 is best).");
            }
        }
        if (config.has("phrase_list")) {
            List<String> list = new ArrayList<>();
            for (JsonNode p : config.get("phrase_list")) {
                if (p.isTextual() && !p.asText().isBlank()) {
                    list.add(p.asText());
                }
            }
            phrases = List.copyOf(list);
        }
        if (config.has("bias")) {
            bias = truthy(config.get("bias"));
        }
        if (config.has("words")) {
            words = truthy(config.get("words"));
        }
        if (config.has("max_alternatives")) {
            maxAlternatives = config.get("max_alternatives").asInt(0);
        }
        if (config.has("mode")) {
            mode = Mode.parse(config.get("mode").asText());
        }
        JsonNode caseNode = config.has("caseId") ? config.get("caseId") : config.get("case_id");
        if (caseNode != null && !caseNode.isNull()) {
            caseId = Optional.of(parseCaseId(caseNode.asText()));
        }
        // "model" and anything else is ignored: the server decides which model decodes
    }

    static CaseId parseCaseId(String text) {
        try {
            return CaseId.parse(text);
        } catch (RuntimeException e) {
            throw new ProtocolException("bad_case_id", "caseId '" + abbreviate(text) + "' is not a case id.");
        }
    }

    private StreamingRecognizer recognizer() {
        if (closed) {
            throw new IllegalStateException("The stream is closed");
        }
        if (recognizer == null) {
            // a stream that may take commands listens for the firm's phrases; dictation may switch to commands
            boolean biased = bias && mode != Mode.TRANSCRIBE && !commandPhrases.isEmpty();
            recognizer = engine.openStream(new StreamingRecognizer.Options(sampleRate, phrases, words,
                    maxAlternatives, biased ? commandPhrases : PhraseList.EMPTY));
            OPEN_RECOGNISERS.incrementAndGet();
            if (mode == Mode.DICTATION) {
                listenForStop();
            }
        }
        return recognizer;
    }

    /**
     * Whether decoding ahead could help now: the stream hears commands phrase list first and has no message of its
     * own waiting (a stream that is behind spends its time on its own audio).
     */
    boolean mayDecodeAhead() {
        return waiting.get() == 0 && mode == Mode.COMMAND && recognizer != null && recognizer.biasing();
    }

    /** Lets the open recogniser use spare decoder time on the utterance under way; see StreamingRecognizer. */
    synchronized void decodeAhead() {
        if (closed || recognizer == null || waiting.get() > 0) {
            return;
        }
        try {
            recognizer.decodeAhead(DECODE_AHEAD_SECONDS);
        } catch (IllegalStateException e) {
            // closed meanwhile: nothing to decode ahead for
        }
    }

    boolean configured() {
        return configured;
    }

    /** Frees the recogniser (waiting for a decode in progress); idempotent. */
    @Override
    public void close() {
        StreamingRecognizer r;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            r = recognizer;
            recognizer = null;
        }
        if (r != null) {
            r.close();
            OPEN_RECOGNISERS.decrementAndGet();
        }
    }

    private static boolean truthy(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isNumber()) {
            return node.asDouble() != 0;
        }
        return node.isTextual() && !node.asText().isBlank() && !node.asText().equals("0")
                && !node.asText().equalsIgnoreCase("false");
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}

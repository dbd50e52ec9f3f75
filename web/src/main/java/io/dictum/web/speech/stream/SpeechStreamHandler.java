package io.dictum.web.speech.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dictum.core.access.Actor;
import io.dictum.core.assistant.Assistant;
import io.dictum.core.assistant.ConversationContexts;
import io.dictum.core.cases.CaseService;
import io.dictum.core.assistant.CommandRequest;
import io.dictum.core.cases.CaseId;
import io.dictum.core.notes.NoteService;
import io.dictum.web.security.TokenService;
import io.dictum.web.speech.SpeechService;
import io.dictum.web.speech.stream.SpeechStream.Inbound;
import io.dictum.web.speech.stream.SpeechStream.Mode;
import io.dictum.web.speech.stream.SpeechStream.Out;
import io.dictum.web.speech.stream.SpeechStream.ProtocolException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import java.nio.charset.StandardCharsets;

/**
 * {@code /api/v1/speech/stream}: vosk-server's WebSocket protocol on the process's one model, with a command and
 * a dictation mode. Each stream decodes on the bounded stream decoders, one message at a time in order; the
 * network is read only as fast as the stream is decoded (back-pressure), and the recogniser is freed however the
 * stream ends.
 */
final class SpeechStreamHandler implements WebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(SpeechStreamHandler.class);
    /** Inbound messages read ahead of decoding; the socket is not read further until these are processed. */
    private static final int READ_AHEAD = 4;
    /** Answers not yet written to a client that does not read them; past this the stream is closed. */
    private static final int OUTBOUND_QUEUE = 4096;

    private final SpeechService speech;
    private final Assistant assistant;
    private final StreamLimits limits;
    private final StreamProperties properties;
    private final StreamDecoders decoders;
    private final ObjectMapper json;
    private final NoteService notes;
    private final StreamRateProperties rateLimits;
    private final CommandVocabulary vocabulary;
    private final ConversationContexts contexts;
    private final CaseService cases;

    SpeechStreamHandler(SpeechService speech, Assistant assistant, StreamLimits limits, StreamProperties properties,
                        StreamRateProperties rateLimits, StreamDecoders decoders, ObjectMapper json, NoteService notes,
                        CommandVocabulary vocabulary, ConversationContexts contexts, CaseService cases) {
        this.rateLimits = rateLimits;
        this.notes = notes;
        this.vocabulary = vocabulary;
        this.contexts = contexts;
        this.cases = cases;
        this.speech = speech;
        this.assistant = assistant;
        this.limits = limits;
        this.properties = properties;
        this.decoders = decoders;
        this.json = json;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        // Frames that arrive before the inbound side is subscribed wait in the connection's inbound queue, so the
        // checks below may take their time; that the first frame reaches that queue at all is the upgrade's part
        // (EventLoopUpgradeStrategy).
        return session.getHandshakeInfo().getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(p -> TokenService.actor(((JwtAuthenticationToken) p).getToken()))
                .map(actor -> stream(session, actor))
                .switchIfEmpty(Mono.fromSupplier(() -> refuse(session, "unauthorized",
                        "Sign in first and send the token as 'Authorization: Bearer <token>' or ?token=.",
                        CloseStatus.POLICY_VIOLATION)))
                .flatMap(m -> m);
    }

    private Mono<Void> stream(WebSocketSession session, Actor actor) {
        MultiValueMap<String, String> query = UriComponentsBuilder.fromUri(session.getHandshakeInfo().getUri())
                .build().getQueryParams();
        Mode mode;
        Optional<CaseId> caseId;
        try {
            mode = Mode.parse(param(query, "mode"));
            String caseParam = param(query, "caseId");
            caseId = caseParam == null || caseParam.isBlank() ? Optional.empty()
                    : Optional.of(SpeechStream.parseCaseId(caseParam));
        } catch (ProtocolException e) {
            return refuse(session, e.code, e.getMessage(), e.status);
        }
        StreamLimits.Admission admission = limits.admit(actor.userId());
        if (admission.lease().isEmpty()) {
            return admission.refusal() == StreamLimits.Refusal.SERVER_FULL
                    ? refuse(session, "server_busy", "All " + properties.maxStreams() + " speech streams of this"
                    + " server are in use; try again shortly.", CloseStatus.SERVICE_OVERLOAD)
                    : refuse(session, "too_many_streams", "You already have " + properties.maxStreamsPerUser()
                    + " speech streams open; close one first.", CloseStatus.POLICY_VIOLATION);
        }
        StreamLimits.Lease lease = admission.lease().get();
        SpeechStream stream = new SpeechStream(speech.engine(), json, properties.maxFrameBytes(), mode, caseId,
                vocabulary.phrases(), vocabulary.control());
        AtomicReference<CloseStatus> closeWith = new AtomicReference<>(CloseStatus.NORMAL);
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong lastInbound = new AtomicLong(System.nanoTime());
        AtomicLong messagesIn = new AtomicLong();
        StreamRate rate = new StreamRate(rateLimits, properties.maxFrameBytes(), System::nanoTime);
        Sinks.Empty<Void> inboundEnded = Sinks.empty();
        // Outbound messages wait here for the socket; a client that does not read its answers is cut off.
        Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer(Queues.<String>get(OUTBOUND_QUEUE).get());

        // The inbound side is never cancelled (that would drop the connection without a close frame): after the
        // last answer the server sends its close frame, and the client's close ends the inbound side.
        Flux<Inbound> inbound = session.receive()
                .<Inbound>handle((message, sink) -> {
                    lastInbound.set(System.nanoTime());
                    messagesIn.incrementAndGet();
                    stream.received();
                    // copied here, synchronously: the network buffer is released once this returns
                    rate.record(message.getType() == WebSocketMessage.Type.BINARY
                            ? message.getPayload().readableByteCount() : 0, stream.sampleRate());
                    if (message.getType() == WebSocketMessage.Type.BINARY) {
                        byte[] bytes = new byte[message.getPayload().readableByteCount()];
                        message.getPayload().read(bytes);
                        sink.next(Inbound.audio(bytes));
                    } else if (message.getType() == WebSocketMessage.Type.TEXT) {
                        sink.next(Inbound.message(message.getPayloadAsText(StandardCharsets.UTF_8)));
                    }
                })
                .doFinally(signal -> inboundEnded.tryEmitEmpty());
        long idleNanos = properties.idleTimeout().toNanos();
        Flux<Inbound> idle = Flux.interval(idleCheckPeriod())
                .filter(tick -> System.nanoTime() - lastInbound.get() > idleNanos)
                .take(1)
                .map(tick -> Inbound.timedOut())
                .takeUntilOther(inboundEnded.asMono());

        Mono<Void> processing = Flux.merge(inbound, idle)
                .filter(in -> !done.get())
                .concatMap(in -> rate.exceeded() == null ? decode(stream, in) : Flux.just(Out.close(
                        stream.error("too_fast", rate.exceeded()), CloseStatus.POLICY_VIOLATION)), READ_AHEAD)
                .concatMap(out -> send(stream, actor, out))
                .doOnNext(out -> {
                    if (done.get()) {
                        return;
                    }
                    if (out.json() != null && outbound.tryEmitNext(out.json()).isFailure()) {
                        closeWith.set(CloseStatus.POLICY_VIOLATION);
                        finish(done, outbound);
                        return;
                    }
                    if (out.close() != null) {
                        closeWith.set(out.close());
                        finish(done, outbound);
                    }
                })
                .then()
                .doFinally(signal -> finish(done, outbound));

        Mono<Void> sending = session.send(outbound.asFlux().map(session::textMessage))
                .then(Mono.defer(() -> session.close(closeWith.get())));

        return Mono.when(processing, sending)
                .onErrorResume(e -> {
                    log.debug("Speech stream of {} ended with {}", actor.username(), e.toString());
                    return session.close(CloseStatus.SERVER_ERROR).onErrorResume(x -> Mono.empty());
                })
                .doFinally(signal -> {
                    log.debug("Speech stream of {} ended ({}): {} messages in, closed with {}", actor.username(),
                            signal, messagesIn.get(), closeWith.get());
                    lease.release();
                    release(stream);
                });
    }

    private static void finish(AtomicBoolean done, Sinks.Many<String> outbound) {
        if (done.compareAndSet(false, true)) {
            outbound.tryEmitComplete();
        }
    }

    private Duration idleCheckPeriod() {
        Duration quarter = properties.idleTimeout().dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1)
                : quarter.isZero() ? Duration.ofMillis(1) : quarter;
    }

    /**
     * Decodes one message on the stream decoders; a full queue ends the stream with "server busy". After an audio
     * frame's answers, when no decode waits for a thread, the stream decodes ahead in the spare time (its next
     * message waits for that step, so the stream's order holds).
     */
    private Flux<Out> decode(SpeechStream stream, Inbound in) {
        Flux<Out> answers = Mono.fromCallable(() -> stream.process(in))
                .subscribeOn(decoders.scheduler())
                .onErrorResume(RejectedExecutionException.class, e -> Mono.just(List.of(Out.close(
                        stream.error("server_busy", "The server is too busy to decode this stream; try again"
                                + " shortly."), CloseStatus.SERVICE_OVERLOAD))))
                .onErrorResume(IllegalStateException.class, e -> Mono.just(List.of(Out.close(
                        stream.error("unavailable", "Speech recognition is not available: " + e.getMessage()),
                        CloseStatus.SERVER_ERROR))))
                .flatMapIterable(list -> list);
        if (!in.binary()) {
            return answers;
        }
        return answers.concatWith(Mono.defer(() -> decoders.idle() && stream.mayDecodeAhead()
                ? Mono.<Out>fromRunnable(() -> {
                    if (decoders.idle()) {
                        stream.decodeAhead();
                    }
                }).subscribeOn(decoders.scheduler()).onErrorResume(e -> Mono.empty())
                : Mono.empty()));
    }

    /** Executes a command step or saves a dictated note as the signed-in user; other steps pass through. */
    private Mono<Out> send(SpeechStream stream, Actor actor, Out out) {
        if (out.noteText() != null) {
            return saveNote(stream, actor, out.noteText());
        }
        if (out.commandText() == null) {
            return Mono.just(out);
        }
        return assistant.execute(actor, new CommandRequest(out.commandText(), stream.caseId(), Optional.empty()))
                .map(result -> {
                    ObjectNode message = json.createObjectNode();
                    message.set("command", json.valueToTree(result));
                    return Out.message(message.toString());
                })
                .onErrorResume(e -> {
                    log.warn("A streamed command failed: {}", e.toString());
                    return Mono.just(Out.message(stream.error("command_failed", "The command '" + out.commandText()
                            + "' could not be carried out: " + e.getMessage())));
                });
    }

    /**
     * A finished dictation goes on the stream's case (config or query), else on the case open in the conversation:
     * {"note":{"saved":true,"id":...,"caseId":...,"caseTitle":...,"message":"Saved as a note on ..."}}.
     */
    private Mono<Out> saveNote(SpeechStream stream, Actor actor, String text) {
        ObjectNode message = json.createObjectNode();
        ObjectNode note = message.putObject("note");
        Mono<Optional<CaseId>> target = stream.caseId().isPresent() ? Mono.just(stream.caseId())
                : contexts.openCase(actor);
        return target.flatMap(caseId -> {
            if (caseId.isEmpty()) {
                note.put("saved", false).put("message", "No case is open, so the dictation was not saved; open a"
                        + " case (\"open the Miller case\") or give caseId, then dictate again. The text is above.");
                return Mono.just(Out.message(message.toString()));
            }
            return notes.add(actor, caseId.get(), text)
                    .flatMap(saved -> cases.get(actor, saved.caseId()).map(c -> {
                        note.put("saved", true).put("id", saved.id().toString())
                                .put("caseId", saved.caseId().toString())
                                .put("caseNumber", c.number()).put("caseTitle", c.title())
                                .put("message", "Saved as a note on " + c.title() + " (" + c.number() + ").");
                        return Out.message(message.toString());
                    }));
        }).onErrorResume(e -> {
            note.put("saved", false).put("message", "The dictation could not be saved (" + e.getMessage()
                    + "); copy the text above and add it as a note on the case page.");
            return Mono.just(Out.message(message.toString()));
        });
    }

    /** Frees the recogniser on the stream decoders, after a decode of this stream that may still be running. */
    private void release(SpeechStream stream) {
        try {
            decoders.scheduler().schedule(stream::close);
        } catch (RejectedExecutionException e) {
            stream.close();
        }
    }

    private Mono<Void> refuse(WebSocketSession session, String code, String message, CloseStatus status) {
        ObjectNode error = json.createObjectNode();
        error.putObject("error").put("code", code).put("message", message);
        return session.send(Mono.just(session.textMessage(error.toString())))
                .then(session.close(status))
                .onErrorResume(e -> Mono.empty());
    }

    private static String param(MultiValueMap<String, String> query, String name) {
        String value = query.getFirst(name);
        return value == null ? null : UriUtils.decode(value, StandardCharsets.UTF_8);
    }
}

package io.dictum.web.speech.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dictum.speech.AudioClip;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Talks to the speech stream as a vosk-server client would: sends messages, then reads until the server closes. */
final class StreamTestClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** What came back: every text message, parsed, and the close status the server sent. */
    record Conversation(List<JsonNode> messages, CloseStatus status) {

        List<JsonNode> finals() {
            return messages.stream().filter(m -> m.has("text") || m.has("alternatives")).toList();
        }

        List<JsonNode> partials() {
            return messages.stream().filter(m -> m.has("partial")).toList();
        }

        List<JsonNode> all(String field) {
            return messages.stream().filter(m -> m.has(field)).map(m -> m.get(field)).toList();
        }

        String text() {
            return String.join(" ", finals().stream().map(m -> m.path("text").asText()).filter(t -> !t.isEmpty())
                    .toList());
        }

        JsonNode error() {
            List<JsonNode> errors = all("error");
            return errors.isEmpty() ? null : errors.get(errors.size() - 1);
        }
    }

    /** One outbound step. */
    sealed interface Step permits Text, Audio {
    }

    record Text(String json) implements Step {
    }

    record Audio(byte[] pcm) implements Step {
    }

    static Step text(String json) {
        return new Text(json);
    }

    static Step frame(byte[] pcm) {
        return new Audio(pcm);
    }

    /** The audio in pieces of {@code chunk} bytes. */
    static List<Step> chunks(byte[] pcm, int chunk) {
        List<Step> steps = new ArrayList<>();
        for (int off = 0; off < pcm.length; off += chunk) {
            steps.add(frame(Arrays.copyOfRange(pcm, off, Math.min(pcm.length, off + chunk))));
        }
        return steps;
    }

    private final ReactorNettyWebSocketClient client = new ReactorNettyWebSocketClient();
    private final int port;

    StreamTestClient(int port) {
        this.port = port;
    }

    URI uri(String query) {
        return URI.create("ws://127.0.0.1:" + port + StreamTokenConverter.STREAM_PATH
                + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return headers;
    }

    /** Sends the steps as fast as the server takes them, then reads until the server closes. */
    Conversation talk(URI uri, HttpHeaders headers, List<Step> steps) {
        return talk(uri, headers, session -> Flux.fromIterable(steps).map(step -> message(session, step)));
    }

    /**
     * Sends 16 kHz audio steps at {@code realTimeMultiple} times the pace of speech, as a microphone would (a client
     * faster than the server's limit is closed with {@code too_fast}), then reads until the server closes.
     */
    Conversation talkAtPace(URI uri, HttpHeaders headers, List<Step> steps, double realTimeMultiple) {
        return talk(uri, headers, session -> Flux.fromIterable(steps)
                .concatMap(step -> step instanceof Audio audio
                        ? Mono.just(step).delayElement(Duration.ofNanos((long) (audio.pcm().length / 2.0
                                / AudioClip.SAMPLE_RATE / realTimeMultiple * 1e9)))
                        : Mono.just(step))
                .map(step -> message(session, step)));
    }

    Conversation talk(URI uri, HttpHeaders headers, Function<WebSocketSession, Flux<WebSocketMessage>> outbound) {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        AtomicReference<CloseStatus> status = new AtomicReference<>();
        client.execute(uri, headers, session -> {
            Mono<Void> in = session.receive().doOnNext(m -> received.add(parse(m.getPayloadAsText()))).then();
            Mono<Void> out = session.send(outbound.apply(session));
            return Mono.when(in, out).then(session.closeStatus().doOnNext(status::set)
                    .timeout(Duration.ofSeconds(5), Mono.empty())).then();
        }).block(Duration.ofSeconds(90));
        return new Conversation(List.copyOf(received), status.get());
    }

    static WebSocketMessage message(WebSocketSession session, Step step) {
        if (step instanceof Text text) {
            return session.textMessage(text.json());
        }
        byte[] pcm = ((Audio) step).pcm();
        return session.binaryMessage(factory -> factory.wrap(pcm));
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the server sent something that is not JSON: " + text, e);
        }
    }

    ReactorNettyWebSocketClient client() {
        return client;
    }
}

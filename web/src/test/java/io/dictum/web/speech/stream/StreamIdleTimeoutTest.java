package io.dictum.web.speech.stream;

import static io.dictum.web.speech.stream.StreamTestClient.bearer;
import static io.dictum.web.speech.stream.StreamTestClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dictum.core.assistant.Assistant;
import io.dictum.core.assistant.ConversationContexts;
import io.dictum.core.cases.CaseService;
import io.dictum.core.notes.NoteService;
import io.dictum.speech.AudioClip;
import io.dictum.web.WebTestSupport;
import io.dictum.web.speech.SpeechService;
import io.dictum.web.speech.stream.StreamTestClient.Conversation;
import io.netty.buffer.ByteBufAllocator;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.adapter.ReactorNettyWebSocketSession;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The idle timeout, with a short one: the application's own stream handler and model, with limits of a few hundred
 * milliseconds, on a WebSocket route of its own (the shared application keeps its 30 s).
 */
class StreamIdleTimeoutTest extends WebTestSupport {

    private static final Duration IDLE = Duration.ofMillis(400);
    private static final String PATH = "/idle-stream";

    @Autowired
    SpeechService speech;
    @Autowired
    Assistant assistant;
    @Autowired
    StreamRateProperties rateLimits;
    @Autowired
    StreamDecoders decoders;
    @Autowired
    ObjectMapper json;
    @Autowired
    NoteService notes;
    @Autowired
    CommandVocabulary vocabulary;
    @Autowired
    ConversationContexts contexts;
    @Autowired
    CaseService cases;
    @Autowired
    ReactiveJwtDecoder jwtDecoder;

    private StreamLimits limits;
    private DisposableServer server;

    @BeforeEach
    void startShortIdleServer() {
        StreamProperties properties = new StreamProperties(0, 0, IDLE, 0, 0, 0);
        limits = new StreamLimits(properties);
        SpeechStreamHandler handler = new SpeechStreamHandler(speech, assistant, limits, properties, rateLimits,
                decoders, json, notes, vocabulary, contexts, cases);
        // signed in as the bearer token says, as the application's security does before the upgrade
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.ws(PATH, (in, out) -> {
                    String token = in.headers().get(HttpHeaders.AUTHORIZATION).substring("Bearer ".length());
                    HandshakeInfo info = new HandshakeInfo(URI.create("ws://127.0.0.1" + PATH), new HttpHeaders(),
                            jwtDecoder.decode(token).<Principal>map(JwtAuthenticationToken::new), null);
                    return handler.handle(new ReactorNettyWebSocketSession(in, out, info,
                            new NettyDataBufferFactory(ByteBufAllocator.DEFAULT)));
                }))
                .bindNow();
    }

    @AfterEach
    void stopServer() {
        server.disposeNow();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("condition reached within 30 s").isTrue();
    }

    @Test
    void anIdleStreamIsClosedAsGoingAwayAndItsRecogniserIsFreed() throws Exception {
        int before = SpeechStream.OPEN_RECOGNISERS.get();
        // a moment of speech, which opens the stream's recogniser, and then nothing: no more audio, no eof
        byte[] pcm = AudioClip.fromWav(audio("open-the-miller-case.flite-slt.16k.wav")).pcm16le();
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + PATH);
        Conversation c = new StreamTestClient(server.port()).talk(uri, bearer(login("tom")),
                List.of(frame(Arrays.copyOf(pcm, 6400))));

        assertThat(c.partials()).as("the audio was decoded: %s", c.messages()).hasSize(1);
        assertThat(c.error()).as("%s", c.messages()).isNotNull();
        assertThat(c.error().get("code").asText()).isEqualTo("idle_timeout");
        assertThat(c.status()).isEqualTo(CloseStatus.GOING_AWAY);
        await(() -> limits.open() == 0 && SpeechStream.OPEN_RECOGNISERS.get() <= before);
    }
}

package io.dictum.web.speech.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dictum.core.assistant.Assistant;
import io.dictum.core.assistant.ConversationContexts;
import io.dictum.core.cases.CaseService;
import io.dictum.core.notes.NoteService;
import io.dictum.web.speech.SpeechService;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Wires the speech stream: the URL, the WebSocket upgrade (on the connection's event loop, with the frame limit),
 * and the bounded scheduler its decodes run on.
 */
@Configuration(proxyBeanMethods = false)
class SpeechStreamConfiguration implements WebFluxConfigurer {

    /** Frames up to this size reach the handler, which refuses those above the configured limit with a message. */
    static int transportFrameLimit(StreamProperties properties) {
        return Math.max(1024 * 1024, properties.maxFrameBytes() * 4);
    }

    private final StreamProperties properties;

    SpeechStreamConfiguration(StreamProperties properties) {
        this.properties = properties;
    }

    @Override
    public WebSocketService getWebSocketService() {
        int limit = transportFrameLimit(properties);
        return new HandshakeWebSocketService(new EventLoopUpgradeStrategy(new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(limit))));
    }

    /**
     * Stream decodes: a fixed pool with one FIFO queue shared by all streams. A stream has at most one decode
     * queued or running, so a stream sending faster than real time takes its turn like the others instead of
     * crowding them out; the queue is sized for every admitted stream.
     */
    @Bean(destroyMethod = "dispose")
    Scheduler speechStreamScheduler() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "dictum-stream-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(properties.decoders(), properties.decoders(), 0,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(properties.maxStreams() * 2 + 16), threads,
                new ThreadPoolExecutor.AbortPolicy());
        return Schedulers.fromExecutorService(pool, "dictum-stream");
    }

    @Bean
    SpeechStreamHandler speechStreamHandler(SpeechService speech, Assistant assistant, StreamLimits limits,
                                            StreamRateProperties rateLimits, Scheduler speechStreamScheduler,
                                            ObjectMapper json, NoteService notes, CommandVocabulary vocabulary,
                                            ConversationContexts contexts, CaseService cases) {
        return new SpeechStreamHandler(speech, assistant, limits, properties, rateLimits, speechStreamScheduler, json,
                notes, vocabulary, contexts, cases);
    }

    @Bean
    HandlerMapping speechStreamMapping(SpeechStreamHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of(StreamTokenConverter.STREAM_PATH, handler), Ordered.HIGHEST_PRECEDENCE);
    }
}

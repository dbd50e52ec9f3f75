package io.dictum.web.speech.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dictum.core.assistant.Assistant;
import io.dictum.core.assistant.ConversationContexts;
import io.dictum.core.cases.CaseService;
import io.dictum.core.notes.NoteService;
import io.dictum.web.speech.SpeechService;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Wires the speech stream: the URL, the WebSocket upgrade (on the connection's event loop, with the frame limit),
 * and the bounded pool its decodes run on.
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

    @Bean(destroyMethod = "dispose")
    StreamDecoders streamDecoders() {
        return new StreamDecoders(properties.decoders(), properties.maxStreams());
    }

    @Bean
    SpeechStreamHandler speechStreamHandler(SpeechService speech, Assistant assistant, StreamLimits limits,
                                            StreamRateProperties rateLimits, StreamDecoders streamDecoders,
                                            ObjectMapper json, NoteService notes, CommandVocabulary vocabulary,
                                            ConversationContexts contexts, CaseService cases) {
        return new SpeechStreamHandler(speech, assistant, limits, properties, rateLimits, streamDecoders, json,
                notes, vocabulary, contexts, cases);
    }

    @Bean
    HandlerMapping speechStreamMapping(SpeechStreamHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of(StreamTokenConverter.STREAM_PATH, handler), Ordered.HIGHEST_PRECEDENCE);
    }
}

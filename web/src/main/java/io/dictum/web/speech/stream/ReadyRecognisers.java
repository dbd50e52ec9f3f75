package io.dictum.web.speech.stream;

import io.dictum.speech.SpeechEngine;
import io.dictum.web.speech.SpeechService;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the speech engine's reserve of recognisers full ({@link SpeechEngine#keepReady}), so that a stream opened
 * for a press of the talk button starts decoding at once: the browser opens one stream per press, and building its
 * two recognisers costs about 100 ms of a core. A few times a second, while no decode waits for a stream decoder,
 * one missing recogniser is built on the decoders, then the next; a stream's audio never waits behind more than one
 * build (about 50 ms, like a step of decoding ahead). Listening recognisers follow the current command phrase list.
 */
@Component
class ReadyRecognisers implements DisposableBean {

    static final Duration CHECK_EVERY = Duration.ofMillis(200);

    private final SpeechEngine engine;
    private final CommandVocabulary vocabulary;
    private final StreamDecoders decoders;
    private final int size;
    private Disposable checks;

    ReadyRecognisers(SpeechService speech, CommandVocabulary vocabulary, StreamDecoders decoders,
                     StreamProperties properties) {
        this.engine = speech.engine();
        this.vocabulary = vocabulary;
        this.decoders = decoders;
        this.size = properties.readyRecognisers();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        engine.keepReady(size);
        if (size > 0) {
            checks = Flux.interval(CHECK_EVERY).onBackpressureDrop().concatMap(tick -> fill()).subscribe();
        }
    }

    /** Builds missing recognisers one at a time while the decoders have nothing else to do. */
    private Mono<Void> fill() {
        return buildOne().repeat().takeWhile(Boolean::booleanValue).then();
    }

    private Mono<Boolean> buildOne() {
        return Mono.defer(() -> {
            var phrases = vocabulary.phrases();
            if (!decoders.idle() || !engine.lacksReady(phrases)) {
                return Mono.just(false);
            }
            return Mono.fromCallable(() -> decoders.idle() && engine.buildReady(phrases))
                    .subscribeOn(decoders.scheduler());
        }).onErrorResume(e -> e instanceof RejectedExecutionException || e instanceof IllegalStateException,
                e -> Mono.just(false));
    }

    @Override
    public void destroy() {
        if (checks != null) {
            checks.dispose();
        }
    }
}

package io.dictum.web.speech;

import io.dictum.core.DictumProperties;
import io.dictum.models.BundledModels;
import io.dictum.speech.AudioClip;
import io.dictum.speech.SpeechEngine;
import io.dictum.speech.Transcript;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Speech recognition for the web layer: one Vosk model for the process, decoding on a bounded scheduler sized to
 * the cores, so the event loop never blocks and a burst of requests queues instead of thrashing.
 */
@Service
public class SpeechService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SpeechService.class);

    private final SpeechEngine engine;
    private final Scheduler decoders;
    private final SpeechProperties properties;

    public SpeechService(SpeechProperties properties, DictumProperties dictum) {
        this.properties = properties;
        Path model = properties.model() == null || properties.model().toString().isBlank()
                ? BundledModels.voskEnglish(dictum.dataDir().resolve("models"))
                : BundledModels.validateVoskModel(properties.model());
        log.info("Loading the speech model from {}", model);
        this.engine = new SpeechEngine(model);
        this.decoders = Schedulers.newBoundedElastic(properties.decoders(), properties.queue(), "dictum-speech");
    }

    /** Reads a WAV body (up to the configured size) and transcribes it; fails with NoSpeechException on silence. */
    public Mono<Transcript> transcribe(Flux<DataBuffer> body) {
        return DataBufferUtils.join(body, (int) Math.min(Integer.MAX_VALUE, properties.maxAudioBytes()))
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(this::transcribe);
    }

    public Mono<Transcript> transcribe(byte[] wav) {
        return Mono.fromCallable(() -> engine.transcribe(AudioClip.fromWav(wav)))
                .subscribeOn(decoders)
                .flatMap(t -> t.text().isBlank() ? Mono.error(new NoSpeechException(t.durationSeconds()))
                        : Mono.just(t));
    }

    public SpeechEngine engine() {
        return engine;
    }

    @Override
    public void destroy() {
        decoders.dispose();
        engine.close();
    }
}

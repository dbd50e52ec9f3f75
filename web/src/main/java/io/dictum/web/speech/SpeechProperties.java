package io.dictum.web.speech;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param model         a Vosk model directory (DICTUM_VOSK_MODEL); blank means the bundled small English model
 * @param maxAudioBytes the largest WAV body accepted
 * @param decoders      how many decodes run at once; 0 means one per core
 * @param queue         how many decodes may wait before callers are told to retry
 */
@ConfigurationProperties("dictum.speech")
public record SpeechProperties(Path model, long maxAudioBytes, int decoders, int queue) {
    public SpeechProperties {
        maxAudioBytes = maxAudioBytes <= 0 ? 25L * 1024 * 1024 : maxAudioBytes;
        decoders = decoders <= 0 ? Runtime.getRuntime().availableProcessors() : decoders;
        queue = queue <= 0 ? 64 : queue;
    }
}

package io.dictum.web.speech.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the streaming speech WebSocket.
 *
 * @param maxStreams        streams open at once on this node (DICTUM_STREAM_MAX); 0 means eight per core
 * @param maxStreamsPerUser streams one user may have open at once (DICTUM_STREAM_MAX_PER_USER); 0 means 3
 * @param idleTimeout       a stream that sends nothing for this long is closed (DICTUM_STREAM_IDLE_TIMEOUT)
 * @param maxFrameBytes     largest audio frame accepted (DICTUM_STREAM_MAX_FRAME_BYTES); 0 means 256 KiB, 8 s of
 *                          16 kHz audio
 * @param decoders          threads decoding streams (DICTUM_STREAM_DECODERS); 0 means one per core
 * @param readyRecognisers  recognisers of each kind kept built ahead for new streams
 *                          (DICTUM_STREAM_READY_RECOGNISERS); negative means four per core, 0 none
 */
@ConfigurationProperties("dictum.speech.stream")
public record StreamProperties(int maxStreams, int maxStreamsPerUser, Duration idleTimeout, int maxFrameBytes,
                               int decoders, int readyRecognisers) {
    public StreamProperties {
        int cores = Runtime.getRuntime().availableProcessors();
        maxStreams = maxStreams <= 0 ? 8 * cores : maxStreams;
        maxStreamsPerUser = maxStreamsPerUser <= 0 ? 3 : maxStreamsPerUser;
        idleTimeout = idleTimeout == null || idleTimeout.isZero() || idleTimeout.isNegative()
                ? Duration.ofSeconds(30) : idleTimeout;
        maxFrameBytes = maxFrameBytes <= 0 ? 256 * 1024 : maxFrameBytes;
        decoders = decoders <= 0 ? cores : decoders;
        readyRecognisers = readyRecognisers < 0 ? 4 * cores : readyRecognisers;
    }
}

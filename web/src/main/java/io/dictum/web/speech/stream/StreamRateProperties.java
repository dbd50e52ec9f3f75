package io.dictum.web.speech.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How fast one speech stream may send.
 *
 * @param realTimeMultiple   audio may arrive at most this many times faster than it plays
 *                           (DICTUM_STREAM_MAX_REALTIME); 0 means 4
 * @param burstSeconds       seconds of audio that may arrive at once before the pace applies (a client catching up
 *                           after a network stall, a short recording sent whole); 0 means 10
 * @param maxFramesPerSecond inbound messages per second, however small (DICTUM_STREAM_MAX_FRAMES_PER_SECOND); each is
 *                           answered, so a flood of tiny frames costs decoder time; 0 means 200, with as many again
 *                           as burst
 */
@ConfigurationProperties("dictum.speech.stream.rate")
public record StreamRateProperties(double realTimeMultiple, double burstSeconds, int maxFramesPerSecond) {
    public StreamRateProperties {
        realTimeMultiple = realTimeMultiple <= 0 ? 4 : realTimeMultiple;
        burstSeconds = burstSeconds <= 0 ? 10 : burstSeconds;
        maxFramesPerSecond = maxFramesPerSecond <= 0 ? 200 : maxFramesPerSecond;
    }
}

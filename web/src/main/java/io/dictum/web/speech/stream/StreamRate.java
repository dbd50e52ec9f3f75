package io.dictum.web.speech.stream;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The inbound pace of one stream, as two token buckets: audio bytes refilled at a multiple of real time for the
 * stream's sample rate, and messages refilled at a fixed rate. Once either runs dry the stream is over its limit for
 * good; the handler then closes it with a reason instead of decoding more.
 */
final class StreamRate {

    private static final int BYTES_PER_SAMPLE = 2;

    private final StreamRateProperties limits;
    private final int maxFrameBytes;
    private final LongSupplier nanos;
    private double audioTokens = -1;
    private double frameTokens;
    private long last;
    private volatile String exceeded;

    StreamRate(StreamRateProperties limits, int maxFrameBytes, LongSupplier nanos) {
        this.limits = limits;
        this.maxFrameBytes = maxFrameBytes;
        this.nanos = nanos;
        this.frameTokens = 2.0 * limits.maxFramesPerSecond();
        this.last = nanos.getAsLong();
    }

    /** Counts one inbound message of {@code audioBytes} (0 for text) at the stream's current sample rate. */
    synchronized void record(int audioBytes, int sampleRate) {
        if (exceeded != null || audioBytes > maxFrameBytes) {
            return; // an oversized frame is refused for its size, which is the clearer reason
        }
        double audioRate = (double) sampleRate * BYTES_PER_SAMPLE * limits.realTimeMultiple();
        double audioBurst = Math.max(maxFrameBytes, limits.burstSeconds() * sampleRate * BYTES_PER_SAMPLE);
        long now = nanos.getAsLong();
        double seconds = (now - last) / 1e9;
        last = now;
        audioTokens = audioTokens < 0 ? audioBurst : Math.min(audioBurst, audioTokens + seconds * audioRate);
        frameTokens = Math.min(2.0 * limits.maxFramesPerSecond(), frameTokens + seconds * limits.maxFramesPerSecond());
        audioTokens -= audioBytes;
        frameTokens -= 1;
        if (audioTokens < 0) {
            exceeded = String.format(Locale.ROOT, "Audio arrived faster than %.1f times real time for %d Hz; send"
                    + " it as it is recorded (or at most that fast) and open a new stream.",
                    limits.realTimeMultiple(), sampleRate);
        } else if (frameTokens < 0) {
            exceeded = "More than " + limits.maxFramesPerSecond() + " messages a second arrived; send audio in"
                    + " frames of 0.02 to 0.5 s and open a new stream.";
        }
    }

    /** Why the stream is over its limit, or null while it is not. */
    String exceeded() {
        return exceeded;
    }
}

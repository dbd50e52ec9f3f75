package io.dictum.web.speech.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamRateTest {

    private final AtomicLong clock = new AtomicLong();
    private static final int SECOND = 32_000; // bytes of one second of 16 kHz 16-bit audio

    private void advance(double seconds) {
        clock.addAndGet((long) (seconds * 1e9));
    }

    @Test
    void realTimeAndUpToTheMultipleAreAcceptedIndefinitely() {
        StreamRate rate = new StreamRate(new StreamRateProperties(4, 10, 200), 262_144, clock::get);
        for (int i = 0; i < 10_000; i++) { // 1000 s of audio in 0.1 s frames, sent at 4x real time
            rate.record(SECOND / 10, 16_000);
            advance(0.025);
        }
        assertThat(rate.exceeded()).isNull();
    }

    @Test
    void aBurstIsAllowedThenAudioFasterThanTheMultipleEndsTheStream() {
        StreamRate rate = new StreamRate(new StreamRateProperties(4, 10, 200), 262_144, clock::get);
        for (int i = 0; i < 100; i++) { // ten seconds at once: the burst
            rate.record(SECOND / 10, 16_000);
        }
        assertThat(rate.exceeded()).isNull();
        for (int i = 0; i < 100 && rate.exceeded() == null; i++) { // then 5x real time
            rate.record(SECOND / 10, 16_000);
            advance(0.02);
        }
        assertThat(rate.exceeded()).contains("4.0 times real time").contains("16000 Hz");
        advance(3600);
        rate.record(2, 16_000);
        assertThat(rate.exceeded()).as("once over, always over").isNotNull();
    }

    @Test
    void theAllowanceFollowsTheSampleRate() {
        StreamRate rate = new StreamRate(new StreamRateProperties(4, 10, 1000), 262_144, clock::get);
        for (int i = 0; i < 2_000; i++) { // 48 kHz audio at 3x real time would be 36x at 8 kHz... here 3x of 48 kHz
            rate.record(9_600, 48_000);
            advance(0.1 / 3);
        }
        assertThat(rate.exceeded()).isNull();
        StreamRate slow = new StreamRate(new StreamRateProperties(4, 10, 1000), 262_144, clock::get);
        for (int i = 0; i < 2_000 && slow.exceeded() == null; i++) {
            slow.record(9_600, 8_000); // 0.6 s of 8 kHz audio every 0.033 s: 18x
            advance(0.1 / 3);
        }
        assertThat(slow.exceeded()).contains("8000 Hz");
    }

    @Test
    void anOversizedFrameIsLeftToTheSizeCheckWithItsClearerReason() {
        StreamRate rate = new StreamRate(new StreamRateProperties(4, 10, 200), 262_144, clock::get);
        for (int i = 0; i < 5; i++) {
            rate.record(300_000, 16_000);
        }
        assertThat(rate.exceeded()).isNull();
    }

    @Test
    void aFloodOfTinyMessagesIsRefused() {
        StreamRate rate = new StreamRate(new StreamRateProperties(4, 10, 200), 262_144, clock::get);
        for (int i = 0; i < 2_000 && rate.exceeded() == null; i++) {
            rate.record(2, 16_000);
            advance(0.001);
        }
        assertThat(rate.exceeded()).contains("200 messages a second");
    }
}

package io.dictum.web.speech.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.core.users.UserId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StreamLimitsTest {

    private static UserId user() {
        return new UserId(UUID.randomUUID());
    }

    @Test
    void admitsWithinTheTotalAndPerUserLimitsAndReleasesOnce() {
        StreamLimits limits = new StreamLimits(new StreamProperties(3, 2, Duration.ofSeconds(30), 0, 1, 0));
        UserId a = user();
        UserId b = user();
        StreamLimits.Lease a1 = limits.admit(a).lease().orElseThrow();
        limits.admit(a).lease().orElseThrow();
        assertThat(limits.admit(a).refusal()).isEqualTo(StreamLimits.Refusal.USER_LIMIT);
        StreamLimits.Lease b1 = limits.admit(b).lease().orElseThrow();
        assertThat(limits.admit(user()).refusal()).isEqualTo(StreamLimits.Refusal.SERVER_FULL);
        assertThat(limits.open()).isEqualTo(3);

        a1.release();
        a1.release();
        assertThat(limits.open()).isEqualTo(2);
        assertThat(limits.open(a)).isEqualTo(1);
        assertThat(limits.admit(b).lease()).isPresent();
        assertThat(limits.admit(b).refusal()).isEqualTo(StreamLimits.Refusal.SERVER_FULL);
        b1.release();
        assertThat(limits.open(b)).isEqualTo(1);
    }

    @Test
    void defaultsComeFromTheMachine() {
        StreamProperties p = new StreamProperties(0, 0, null, 0, 0, -1);
        assertThat(p.maxStreams()).isEqualTo(8 * Runtime.getRuntime().availableProcessors());
        assertThat(p.maxStreamsPerUser()).isEqualTo(3);
        assertThat(p.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.maxFrameBytes()).isEqualTo(256 * 1024);
        assertThat(p.readyRecognisers()).isEqualTo(4 * Runtime.getRuntime().availableProcessors());
        assertThat(new StreamProperties(0, 0, null, 0, 0, 0).readyRecognisers()).as("0 keeps none ready").isZero();
    }
}

package io.dictum.web.speech.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StreamDecodersTest {

    @Test
    void idleOnlyWhileNoDecodeWaitsForAThread() throws Exception {
        StreamDecoders decoders = new StreamDecoders(1, 4);
        try {
            assertThat(decoders.idle()).isTrue();
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch second = new CountDownLatch(1);
            decoders.scheduler().schedule(() -> {
                running.countDown();
                await(release);
            });
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(decoders.idle()).as("a running decode alone keeps no one waiting").isTrue();
            decoders.scheduler().schedule(second::countDown);
            assertThat(decoders.idle()).as("a second decode waits for the only thread").isFalse();
            release.countDown();
            assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(decoders.idle()).isTrue();
        } finally {
            decoders.dispose();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.dictum.web.speech.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
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

    @Test
    void aReleasedStreamGoesAheadOfFramesOfStreamsStillTalking() throws Exception {
        assertThat(order(true)).containsExactly("release", "frame 1", "frame 2", "frame 3");
    }

    @Test
    void withoutReleasesFirstEveryDecodeWaitsInArrivalOrder() throws Exception {
        assertThat(order(false)).containsExactly("frame 1", "frame 2", "release", "frame 3");
    }

    @Test
    void aFullQueueRefusesTheDecode() throws Exception {
        StreamDecoders decoders = new StreamDecoders(1, 1); // room for 1 * 2 + 16 waiting decodes
        CountDownLatch release = new CountDownLatch(1);
        try {
            CountDownLatch running = new CountDownLatch(1);
            decoders.scheduler().schedule(() -> {
                running.countDown();
                await(release);
            });
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 18; i++) {
                decoders.scheduler().schedule(() -> { });
            }
            assertThatThrownBy(() -> decoders.releases().schedule(() -> { }))
                    .isInstanceOf(RejectedExecutionException.class);
        } finally {
            release.countDown();
            decoders.dispose();
        }
    }

    /** The order in which one busy thread takes two frames, a release and a third frame queued in that order. */
    private static List<String> order(boolean releasesFirst) throws Exception {
        StreamDecoders decoders = new StreamDecoders(1, 4);
        decoders.releasesFirst(releasesFirst);
        List<String> order = new CopyOnWriteArrayList<>();
        try {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch all = new CountDownLatch(4);
            decoders.scheduler().schedule(() -> {
                running.countDown();
                await(release);
            });
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            decoders.scheduler().schedule(() -> taken(order, "frame 1", all));
            decoders.scheduler().schedule(() -> taken(order, "frame 2", all));
            decoders.releases().schedule(() -> taken(order, "release", all));
            decoders.scheduler().schedule(() -> taken(order, "frame 3", all));
            release.countDown();
            assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
            return order;
        } finally {
            decoders.dispose();
        }
    }

    private static void taken(List<String> order, String what, CountDownLatch all) {
        order.add(what);
        all.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

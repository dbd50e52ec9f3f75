package io.dictum.web.speech.stream;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The threads that decode streams: a fixed pool with one FIFO queue shared by all streams. A stream has at most one
 * decode queued or running, so a stream sending faster than real time takes its turn like the others instead of
 * crowding them out; the queue is sized for every admitted stream. {@link #idle()} tells a stream that nobody is
 * waiting, so spare time may go to decoding ahead.
 */
final class StreamDecoders {

    private final ThreadPoolExecutor pool;
    private final Scheduler scheduler;

    StreamDecoders(int threads, int maxStreams) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "dictum-stream-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // room for each stream's decode and its decode-ahead step, and some
        pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(maxStreams * 2 + 16), factory, new ThreadPoolExecutor.AbortPolicy());
        scheduler = Schedulers.fromExecutorService(pool, "dictum-stream");
    }

    Scheduler scheduler() {
        return scheduler;
    }

    /** Whether no decode waits for a thread: work started now delays no stream. */
    boolean idle() {
        return pool.getQueue().isEmpty();
    }

    void dispose() {
        scheduler.dispose();
    }
}

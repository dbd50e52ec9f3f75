package io.dictum.web.speech.stream;

import java.util.concurrent.Executor;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The threads that decode streams: a fixed pool with one queue shared by all streams. A stream has at most one
 * decode queued or running, so a stream sending faster than real time takes its turn like the others instead of
 * crowding them out; the queue is sized for every admitted stream. {@link #idle()} tells a stream that nobody is
 * waiting, so spare time may go to decoding ahead.
 *
 * <p>Decodes wait in arrival order, except that a stream whose user has ended an utterance ({"eof"} or {"reset"}
 * received, the talk button released) goes {@linkplain #releases() ahead} of frames of streams still talking: the
 * user is now waiting for the command, while a frame of someone still speaking is only needed before that speaker's
 * own release. A release is one per utterance, so streams that talk are delayed by at most one utterance's
 * remaining decode per release.
 */
final class StreamDecoders {

    private final ThreadPoolExecutor pool;
    private final int capacity;
    private final AtomicLong arrivals = new AtomicLong();
    private final Scheduler scheduler;
    private final Scheduler releases;
    private volatile boolean releasesFirst = true;

    StreamDecoders(int threads, int maxStreams) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "dictum-stream-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // room for each stream's decode and its decode-ahead step, and some
        capacity = maxStreams * 2 + 16;
        pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new PriorityBlockingQueue<>(), factory);
        scheduler = Schedulers.fromExecutor(lane(false));
        releases = Schedulers.fromExecutor(lane(true));
    }

    /** Decodes in arrival order. */
    Scheduler scheduler() {
        return scheduler;
    }

    /** Decodes of a stream whose utterance has ended: ahead of every decode in {@link #scheduler()}. */
    Scheduler releases() {
        return releases;
    }

    /** Whether no decode waits for a thread: work started now delays no stream. */
    boolean idle() {
        return pool.getQueue().isEmpty();
    }

    /** Whether releases go ahead (the default); off, every decode waits in arrival order (benchmarks compare). */
    void releasesFirst(boolean on) {
        releasesFirst = on;
    }

    void dispose() {
        scheduler.dispose();
        releases.dispose();
        pool.shutdownNow();
    }

    private Executor lane(boolean release) {
        return task -> {
            if (pool.getQueue().size() >= capacity) {
                throw new RejectedExecutionException("all " + capacity + " places of the decoder queue are taken");
            }
            pool.execute(new Turn(task, release && releasesFirst, arrivals.getAndIncrement()));
        };
    }

    /** A decode in the queue: releases first, then in arrival order. */
    private record Turn(Runnable task, boolean release, long arrival) implements Runnable, Comparable<Turn> {

        @Override
        public void run() {
            task.run();
        }

        @Override
        public int compareTo(Turn other) {
            if (release != other.release) {
                return release ? -1 : 1;
            }
            return Long.compare(arrival, other.arrival);
        }
    }
}

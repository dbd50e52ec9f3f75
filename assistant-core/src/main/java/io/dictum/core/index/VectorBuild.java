package io.dictum.core.index;

import io.dictum.core.index.SearchIndex.PendingVectors;
import io.dictum.core.index.SearchIndex.VectorCoverage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Gives the documents and notes of a hybrid index their passage vectors in the background, so that start-up never
 * waits for the model (about 17 entities a second on two cores). It asks the index which entities lack vectors, a
 * batch at a time, embeds them on a thread of its own and writes them on the index's writer thread, committing every
 * few seconds: after a restart it carries on with what still lacks vectors instead of starting over. Searches rank by
 * BM25 alone until nothing lacks vectors.
 */
public final class VectorBuild {

    private static final Logger log = LoggerFactory.getLogger(VectorBuild.class);
    /** Entities per batch: one model call embeds all their passages (up to 8 each). */
    static final int BATCH = 16;
    /** How often the work done is committed: what a crash can cost, at about 17 entities a second. */
    static final Duration COMMIT_EVERY = Duration.ofSeconds(10);

    public enum State { OFF, WAITING, BUILDING, READY, FAILED }

    /**
     * Where the build is: documents and notes with vectors ({@code done}) of {@code total}, the rate of this run
     * and the time left at that rate (null until there is a rate), and why it stopped if it failed.
     */
    public record Status(State state, long done, long total, double perSecond, Long etaSeconds,
                         OffsetDateTime startedAt, OffsetDateTime finishedAt, String error) {
    }

    private final SearchIndex index;
    private final Scheduler writes;
    private final int batch;
    private final Duration commitEvery;
    private final Clock clock;
    // One thread: the build may take one core of the two, never both, and embedding never runs on an event loop.
    private final Scheduler work = Schedulers.newBoundedElastic(1, 16, "dictum-vector-build");
    private volatile State state;
    private volatile Instant started;
    private volatile Instant finished;
    private volatile Instant lastCommit;
    private volatile long embedded;
    private volatile String error;
    private Disposable running;

    VectorBuild(SearchIndex index, Scheduler writes, int batch, Duration commitEvery, Clock clock) {
        this.index = index;
        this.writes = writes;
        this.batch = batch;
        this.commitEvery = commitEvery;
        this.clock = clock;
        this.state = index.hybrid() ? State.WAITING : State.OFF;
    }

    /** Starts the build in the background unless it runs already or the index is not hybrid. */
    synchronized void start() {
        if (!index.hybrid() || state == State.BUILDING) {
            return;
        }
        state = State.BUILDING;
        error = null;
        finished = null;
        running = run().subscribe(null, e -> {
            log.error("Search vectors: the background build stopped; searches stay BM25 until the next start", e);
            error = e.getMessage() == null ? e.toString() : e.getMessage();
            finished = clock.instant();
            state = State.FAILED;
        });
    }

    private Mono<Void> run() {
        // Waiting for the model does not hold a thread.
        return Mono.fromFuture(index.embeddings().model())
                .then(Mono.fromRunnable(() -> {
                    started = clock.instant();
                    lastCommit = started;
                    embedded = 0;
                    VectorCoverage c = index.coverage();
                    if (c.withVectors() < c.total()) {
                        log.info("Search vectors: {} of {} documents and notes have vectors; embedding the rest"
                                + " in the background, searches rank by BM25 alone until then", c.withVectors(),
                                c.total());
                    }
                }))
                .then(Mono.defer(this::nextBatch).repeat().takeUntil(done -> done).then())
                .then(commit())
                .then(Mono.fromRunnable(() -> {
                    finished = clock.instant();
                    state = State.READY;
                    if (embedded > 0) {
                        log.info("Search vectors: done, {} entities embedded in {} s; searches are hybrid",
                                embedded, Duration.between(started, finished).toSeconds());
                    }
                }));
    }

    /** One batch; true when nothing lacked vectors. */
    private Mono<Boolean> nextBatch() {
        return Mono.fromCallable(() -> index.lackingVectors(batch)).subscribeOn(writes)
                .flatMap(pending -> pending.isEmpty() ? Mono.just(true)
                        : Mono.fromCallable(() -> embed(pending)).subscribeOn(work)
                                .flatMap(vectors -> Mono.fromCallable(() -> index.addVectors(pending, vectors))
                                        .subscribeOn(writes))
                                .doOnNext(n -> embedded += n)
                                .then(Mono.defer(() -> Duration.between(lastCommit, clock.instant())
                                        .compareTo(commitEvery) >= 0 ? commit() : Mono.<Void>empty()))
                                .thenReturn(false));
    }

    /** One model call for the passages of the whole batch, handed back per entity. */
    private List<List<float[]>> embed(List<PendingVectors> pending) {
        List<List<String>> passages = pending.stream().map(p -> SearchIndex.passages(p.source())).toList();
        List<float[]> all = index.embeddings().embedAll(passages.stream().flatMap(List::stream).toList());
        List<List<float[]>> out = new ArrayList<>();
        int at = 0;
        for (List<String> own : passages) {
            out.add(all.subList(at, at + own.size()));
            at += own.size();
        }
        return out;
    }

    private Mono<Void> commit() {
        return Mono.fromRunnable(() -> {
            // The applied change-log position stays where it is: vectors are not changes of the database.
            index.commit(index.appliedSeq());
            lastCommit = clock.instant();
            if (embedded > 0) {
                Status s = status();
                log.info("Search vectors: {}/{} documents and notes, {} a second, about {} s left", s.done(),
                        s.total(), String.format(java.util.Locale.ROOT, "%.1f", s.perSecond()), s.etaSeconds());
            }
        }).subscribeOn(writes).then();
    }

    public Status status() {
        State now = state;
        if (now == State.OFF) {
            return new Status(now, 0, 0, 0, null, null, null, null);
        }
        VectorCoverage c = index.coverage();
        Instant from = started;
        Instant to = finished == null ? clock.instant() : finished;
        double seconds = from == null ? 0 : Math.max(0.001, Duration.between(from, to).toMillis() / 1000.0);
        double rate = seconds == 0 ? 0 : Math.round(embedded / seconds * 10) / 10.0;
        long left = c.total() - c.withVectors();
        Long eta = now == State.READY ? Long.valueOf(0) : rate > 0 ? Long.valueOf(Math.round(left / rate)) : null;
        return new Status(now, c.withVectors(), c.total(), rate, eta, at(from), at(finished), error);
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, clock.getZone());
    }

    synchronized void stop() {
        if (running != null) {
            running.dispose();
        }
        work.dispose();
    }
}

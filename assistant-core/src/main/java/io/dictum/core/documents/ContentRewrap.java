package io.dictum.core.documents;

import io.dictum.core.access.Actor;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.errors.ConflictException;
import io.dictum.core.errors.ForbiddenException;
import io.dictum.core.users.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The rotation run: every stored version is brought up to the primary master key (plaintext from before encryption
 * is encrypted, data keys wrapped by older master keys are re-wrapped). One run at a time, in the background; its
 * progress is kept in memory and the start and end are audited. It is idempotent, so an interrupted run is simply
 * started again.
 */
@Service
public class ContentRewrap {

    private static final Logger log = LoggerFactory.getLogger(ContentRewrap.class);
    private static final int MAX_LISTED_FAILURES = 20;

    public enum State { IDLE, RUNNING, DONE }

    /** Where the run is; {@code failures} names at most twenty versions that could not be resealed, with why. */
    public record Progress(State state, String primaryKeyId, List<String> keyIds, long processed, long encrypted,
                           long rewrapped, long current, long failed, List<String> failures,
                           OffsetDateTime startedAt, OffsetDateTime finishedAt) {
    }

    private final DocumentRepository documents;
    private final DocumentStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final List<String> keyIds;
    private final String primaryKeyId;
    private final AtomicReference<Progress> progress;

    public ContentRewrap(DocumentRepository documents, DocumentStore store, AuditLog audit, Clock clock,
                         io.dictum.core.encryption.ContentCipher cipher) {
        this.documents = documents;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.keyIds = cipher.keys().ids().stream().map(Integer::toUnsignedString).toList();
        this.primaryKeyId = Integer.toUnsignedString(cipher.keys().primaryId());
        this.progress = new AtomicReference<>(new Progress(State.IDLE, primaryKeyId, keyIds, 0, 0, 0, 0, 0,
                List.of(), null, null));
    }

    public Mono<Progress> progress(Actor actor) {
        return Mono.fromCallable(() -> {
            requireAdmin(actor);
            return progress.get();
        });
    }

    /** Starts a run and answers at once with its first progress. */
    public Mono<Progress> start(Actor actor) {
        return Mono.defer(() -> {
            requireAdmin(actor);
            Progress running = new Progress(State.RUNNING, primaryKeyId, keyIds, 0, 0, 0, 0, 0, List.of(),
                    OffsetDateTime.now(clock), null);
            Progress before = progress.get();
            if (before.state() == State.RUNNING || !progress.compareAndSet(before, running)) {
                throw new ConflictException("A rewrap is already running; follow it with GET"
                        + " /api/v1/admin/encryption.");
            }
            return audit.record(actor, "encryption.rewrap.start", "encryption", primaryKeyId, null,
                            "primary master key " + primaryKeyId)
                    .doOnSuccess(v -> run(actor))
                    .doOnError(e -> progress.set(before))
                    .thenReturn(running);
        });
    }

    private void run(Actor actor) {
        List<String> failures = new ArrayList<>();
        documents.storedVersions()
                .concatMap(v -> Mono.fromCallable(() -> store.reseal(v.storageKey(),
                                new ContentBinding(v.document(), v.version())))
                        .subscribeOn(Schedulers.boundedElastic())
                        .doOnNext(this::count)
                        .onErrorResume(e -> {
                            log.error("Could not reseal document {} version {}", v.document(), v.version(), e);
                            synchronized (failures) {
                                if (failures.size() < MAX_LISTED_FAILURES) {
                                    failures.add("document " + v.document() + " version " + v.version() + ": "
                                            + e.getMessage());
                                }
                            }
                            progress.updateAndGet(p -> new Progress(p.state(), p.primaryKeyId(), p.keyIds(),
                                    p.processed() + 1, p.encrypted(), p.rewrapped(), p.current(), p.failed() + 1,
                                    List.copyOf(failures), p.startedAt(), null));
                            return Mono.empty();
                        }))
                .then(Mono.defer(() -> {
                    Progress done = progress.updateAndGet(p -> new Progress(State.DONE, p.primaryKeyId(),
                            p.keyIds(), p.processed(), p.encrypted(), p.rewrapped(), p.current(), p.failed(),
                            p.failures(), p.startedAt(), OffsetDateTime.now(clock)));
                    return audit.record(actor, "encryption.rewrap.finish", "encryption", primaryKeyId, null,
                            done.processed() + " versions: " + done.encrypted() + " encrypted, " + done.rewrapped()
                                    + " re-wrapped, " + done.current() + " already current, " + done.failed()
                                    + " failed");
                }))
                .subscribe(v -> { }, e -> {
                    log.error("The rewrap stopped", e);
                    progress.updateAndGet(p -> new Progress(State.DONE, p.primaryKeyId(), p.keyIds(), p.processed(),
                            p.encrypted(), p.rewrapped(), p.current(), p.failed() + 1,
                            List.of("the run stopped: " + e.getMessage()), p.startedAt(), OffsetDateTime.now(clock)));
                });
    }

    private void count(DocumentStore.Resealed result) {
        progress.updateAndGet(p -> new Progress(p.state(), p.primaryKeyId(), p.keyIds(), p.processed() + 1,
                p.encrypted() + (result == DocumentStore.Resealed.ENCRYPTED ? 1 : 0),
                p.rewrapped() + (result == DocumentStore.Resealed.REWRAPPED ? 1 : 0),
                p.current() + (result == DocumentStore.Resealed.CURRENT ? 1 : 0), p.failed(), p.failures(),
                p.startedAt(), null));
    }

    private static void requireAdmin(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw new ForbiddenException("Only an administrator manages the encryption keys.");
        }
    }
}

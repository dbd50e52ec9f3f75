package io.dictum.core.documents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * After a start, removes what a killed process left in the document store: half-written temporaries, and contents
 * stored while their rows never committed. Only files older than this start are touched, so uploads already running
 * in this process are safe.
 */
@Component
class StoreSweep {

    private static final Logger log = LoggerFactory.getLogger(StoreSweep.class);

    private final DocumentStore store;
    private final DocumentRepository documents;
    private final Instant started;

    StoreSweep(DocumentStore store, DocumentRepository documents, Clock clock) {
        this.store = store;
        this.documents = documents;
        this.started = clock.instant();
    }

    @EventListener(ApplicationReadyEvent.class)
    void sweepInBackground() {
        sweep().subscribe(result -> {
            if (result.removed() > 0) {
                log.info("Removed {} file(s) an interrupted upload left in the document store", result.removed());
            }
            if (result.oldUnreferenced() > 0) {
                log.warn("{} file(s) in the document store older than a day belong to no document version: is this"
                        + " the store of this database (DICTUM_DB_URL, DICTUM_DATA_DIR)? They were left in place.",
                        result.oldUnreferenced());
            }
        }, e -> log.warn("Could not sweep the document store; leftovers stay until the next start", e));
    }

    /** Leftovers of an interrupted upload are at most a day old: an upload does not take longer. */
    Mono<DocumentStore.SweepResult> sweep() {
        return documents.storedVersions()
                .map(DocumentRepository.StoredVersion::storageKey)
                .collect(HashSet<String>::new, Set::add)
                .flatMap(keys -> Mono.fromCallable(() -> store.sweep(keys, started.minus(Duration.ofDays(1)), started))
                        .subscribeOn(Schedulers.boundedElastic()));
    }
}
